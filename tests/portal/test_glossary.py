"""The Chinese catalogue against GLOSSARY.md and the rules of Chinese writing: each glossary
term's English is translated by its Chinese term; a word the glossary rules out appears in no
message; a Chinese message uses full-width punctuation (：；，) and no space around a name."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale/zh_Hans/LC_MESSAGES/django.mo"
GLOSSARY = Path(settings.BASE_DIR) / "GLOSSARY.md"
CJK = "[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]"
# The placeholders that stand for a name (a union's, a person's, a record's).
NAMES = (
    r"(?:%\((?:name|union|object|member|enterprise|contract|person|parent|industry)\)s"
    r"|\{\{ ?(?:name|union|member) ?\}\})"
)


def messages() -> dict[str, str]:
    with CATALOGUE.open("rb") as file:
        catalog = gettext.GNUTranslations(file)._catalog
    found = {}
    for key, text in catalog.items():
        msgid = key[0] if isinstance(key, tuple) else key
        if msgid and text:
            found.setdefault(msgid, text)
    return found


def glossary() -> list[dict]:
    rows = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0] not in ("中文", "---"):
            chinese, english, _meaning, _where, ruled_out = cells
            rows.append(
                {
                    "chinese": chinese,
                    "english": english,
                    "not": [word.strip() for word in ruled_out.split("、") if word.strip()],
                }
            )
    return rows


def test_the_glossary_is_read():
    assert len(glossary()) >= 25


@pytest.mark.parametrize("term", glossary(), ids=lambda term: term["english"])
def test_a_glossary_term_is_translated_by_its_chinese_term(term):
    catalogue = messages()
    variants = {term["english"], term["english"].capitalize(), term["english"].lower()}
    translated = {catalogue[v] for v in variants if v in catalogue}
    assert translated <= {term["chinese"]}, (term["english"], translated)


def test_no_message_uses_a_word_the_glossary_rules_out():
    ruled_out = {word: term["chinese"] for term in glossary() for word in term["not"]}
    wrong = [
        (text, word, instead)
        for text in messages().values()
        for word, instead in ruled_out.items()
        if word in text
    ]
    assert not wrong, wrong


def test_chinese_messages_use_full_width_punctuation():
    half_width = re.compile(f"{CJK}[:;,]|[:;,]{CJK}")
    wrong = [text for text in messages().values() if half_width.search(text)]
    assert not wrong, wrong


def test_no_space_around_a_name_in_a_chinese_sentence():
    spaced = re.compile(f"{CJK} {NAMES}|{NAMES} {CJK}")
    wrong = [text for text in messages().values() if spaced.search(text)]
    assert not wrong, wrong
