"""Chinese is the first language: every message in the code has a Chinese translation, and the
compiled catalogue that Django reads says the same as the source catalogue."""

import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from ..conftest import skip_unless_available

LOCALE = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"


def sources() -> list[str]:
    """The portal's own apps (those inside the project folder) and the shared templates."""
    from django.apps import apps

    base = Path(settings.BASE_DIR)
    own = [c.name for c in apps.get_app_configs() if Path(c.path).parent == base]
    return [*own, "templates"]


def read_po(path: Path) -> dict[str, str]:
    """msgid -> msgstr, fuzzy entries marked with None."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        msgid = re.search(r'^msgid ((?:".*"\n)+)', block + "\n", re.M)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if not msgid or not msgstr:
            continue
        key = "".join(re.findall(r'"(.*)"', msgid.group(1))).replace('\\"', '"')
        if key:
            value = "".join(re.findall(r'"(.*)"', msgstr.group(1))).replace('\\"', '"')
            entries[key] = None if "#, fuzzy" in block else value
    return entries


def test_every_message_of_the_catalogue_is_translated():
    untranslated = [k for k, v in read_po(LOCALE / "django.po").items() if not v]
    assert untranslated == []


def test_the_compiled_catalogue_matches_its_source():
    compiled = gettext.GNUTranslations((LOCALE / "django.mo").open("rb"))
    for msgid, msgstr in read_po(LOCALE / "django.po").items():
        assert compiled.gettext(msgid) == msgstr, msgid


def test_no_message_in_the_code_is_missing_from_the_catalogue(tmp_path):
    skip_unless_available(
        bool(shutil.which("xgettext")),
        "needs gettext's xgettext (apt-get install gettext)",
        "COHESION_REQUIRE_BROWSER",  # the same CI step installs gettext with chromium
    )
    project = tmp_path / "project"
    for name in sources():
        shutil.copytree(Path(settings.BASE_DIR) / name, project / name)
    shutil.copytree(LOCALE.parent.parent, project / "locale")
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "zh_Hans", "--no-location"],
        cwd=project,
        check=True,
        capture_output=True,
        env={
            "DJANGO_SETTINGS_MODULE": "cohesion_portal.settings",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(project),
            "COHESION_VAR_DIR": str(tmp_path / "var"),
        },
    )
    fresh = read_po(project / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po")
    missing = sorted(k for k, v in fresh.items() if not v)
    assert missing == [], "run makemessages -l zh_Hans and translate these"


@pytest.mark.django_db
def test_model_and_choice_labels_come_out_in_chinese():
    from unions.models import Enterprise, UnionKind

    assert str(Enterprise._meta.verbose_name) == "企业"
    assert str(UnionKind.JOINT.label) == "联合工会"


def test_a_nul_character_is_named_plainly_in_chinese():
    # Django's own Chinese reads "empty text is not allowed": the portal's catalogue says what
    # is wrong with the text.
    from django.core.validators import ProhibitNullCharactersValidator
    from django.utils import translation

    with translation.override("zh-hans"):
        message = str(ProhibitNullCharactersValidator().message)
    assert message == "内容中含有空字符（NUL，常见于从其他软件粘贴的文字），请删除后重新输入。"
