"""Sending the hostile corpus through a real form, as a browser would, and judging each answer.

A form is read from its page (tests/pages.py), so what is sent is what a person could send:
the page's own values, the values that make the form valid (`Case.valid`), and hostile inputs
in place of some of them. Each field's kind (text, date, number, choice, ID number, phone,
code) comes from the form's field class, or from the case where the class does not say.

A form is sent several rounds (a round puts one input into each field it attacks):
- refusals: every field gets an input it must refuse (the corpus's refused ones, cycled per
  kind; over-long text where the field has a maximum, white space alone where it is required);
- text: each text input that may be taken goes into every text field at once;
- values: dates and numbers that may be taken, into every field of their kind at once;
- calendar ends: 9999-12-31 and 0001-01-01 into each date field alone.

Every answer is judged:
- never a server error;
- refused (the form comes back with errors): every field that got an input it must refuse has
  its own error; every error is in Chinese and on the page; no row of any table was added,
  changed or lost (the count of every table, and for a form on one record, its values);
- taken: nothing that must be refused was sent; no row lost; text stored as typed (or as the
  form's clean-up makes it: trimmed, white space folded, full-width folded); the page it leads
  to is no server error and shows the text escaped.

What is wrong is collected, not raised at the first, so one run names every defect.
"""

import html
import re
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import cycle, islice

from django import forms
from django.core.cache import cache
from django.db import connection
from django.forms.models import model_to_dict
from django.urls import reverse

from cohesion_portal.text import normalize_code, normalize_text

from ..pages import as_post_data, post_forms
from .corpus import (
    CALENDAR_ENDS,
    CHOICES,
    CODES,
    CORE,
    DATES,
    ID_NUMBERS,
    LONG,
    NUMBERS,
    PHONES,
    TEXT,
    WHITESPACE_ONLY,
    Hostile,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
# Sessions change with every login; nothing a form does is counted there.
UNCOUNTED_TABLES = {"django_session"}

CORPUS = {
    "text": TEXT,
    "date": DATES,
    "number": NUMBERS,
    "choice": CHOICES,
    "id_number": ID_NUMBERS,
    "phone": PHONES,
    "code": CODES,
}


@dataclass
class Tally:
    inputs: set = field(default_factory=set)  # distinct hostile values sent
    submissions: int = 0
    refused: int = 0
    taken: int = 0
    rows_lost: int = 0
    problems: list = field(default_factory=list)

    def merge(self, other: "Tally"):
        self.inputs |= other.inputs
        self.submissions += other.submissions
        self.refused += other.refused
        self.taken += other.taken
        self.rows_lost += other.rows_lost
        self.problems += other.problems


@dataclass
class Case:
    """One form of the portal, attacked as `persona` (None: a visitor).

    record: world -> the record the URL names (for an edit, or an action on a record);
    fresh: build that record again for each submission (an action done once: leave, decide);
    valid: world -> {field: value} that make the form valid (fresh unique values each call);
    fill: form -> {field: value}, for valid values of fields named after records (points_12);
    url: (world, record) -> the page's URL, where the route's argument is not a record's pk;
    kinds: {field: kind} where the field's class does not say (id_number, phone, code);
    skip: fields not attacked; shown: text fields the page after saving must show;
    signed: number fields where a value below zero is a value (a wage cut);
    audit: tables a refused submission adds to by design (the record of a look-up);
    whole: the whole corpus, not only its core (a few forms get it: each input is sent
    through real pages, and most forms share their field classes).
    """

    route: str
    persona: str | None = "officer_a"
    record: Callable | None = None
    fresh: bool = False
    valid: Callable = lambda world: {}
    fill: Callable = lambda form: {}
    url: Callable | None = None
    kinds: dict = field(default_factory=dict)
    skip: tuple = ()
    shown: tuple = ()
    signed: tuple = ()
    audit: tuple = ()
    whole: bool = False

    def __str__(self):
        return f"{self.route} as {self.persona or 'a visitor'}"


_tables: list[str] = []


def table_counts() -> dict[str, int]:
    """The row count of every table, in one query."""
    if not _tables:
        _tables.extend(sorted(set(connection.introspection.table_names()) - UNCOUNTED_TABLES))
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in _tables)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        return dict(zip(_tables, cursor.fetchone(), strict=True))


def record_values(record) -> dict | None:
    if record is None:
        return None
    fresh = type(record)._default_manager.filter(pk=record.pk).first()
    return None if fresh is None else model_to_dict(fresh)


def field_kind(name: str, form_field, case: Case) -> str | None:
    if name in case.kinds:
        return case.kinds[name]
    if isinstance(form_field, (forms.BooleanField, forms.FileField, forms.UUIDField)):
        return None
    if isinstance(form_field.widget, forms.HiddenInput):
        return None  # (the form's own: a submission token, the version it was opened with)
    if isinstance(form_field, forms.DateField):
        return "date"
    if isinstance(form_field, (forms.IntegerField, forms.DecimalField, forms.FloatField)):
        return "number"
    if isinstance(form_field, forms.ChoiceField):  # (model choices too)
        return "choice"
    if isinstance(form_field, forms.CharField):
        return "text"
    return None


def refused_inputs(name: str, kind: str, form_field, case: Case) -> list[Hostile]:
    """What the field must refuse: the corpus's refused inputs of its kind, and for text,
    over-long text where it has a maximum and white space alone where it is required."""
    inputs = [h for h in CORPUS[kind] if h.refused]
    if name in case.signed:
        inputs = [h for h in inputs if h.value != "-1"]
    if kind == "text":
        if form_field.max_length:
            inputs.append(Hostile(LONG, "text: 10,000 characters", True))
        if form_field.required:
            inputs += [Hostile(w, "text: white space alone", True) for w in WHITESPACE_ONLY]
    return inputs


def must_refuse(hostile: Hostile, name: str, kind: str, form_field, case: Case) -> bool:
    return any(h.value == hostile.value for h in refused_inputs(name, kind, form_field, case))


def stored_as_typed(stored, value: str) -> bool:
    """Text stored as typed, or as the form's clean-up makes it."""
    if not isinstance(stored, str):
        return True  # (a date or a number: its own type)
    candidates = {
        value,
        value.strip(),
        normalize_text(value),
        normalize_code(value),
        unicodedata.normalize("NFKC", value).strip(),
        value.replace("\r\n", "\n").strip(),
    }
    return stored in candidates


def stale(response) -> bool:
    """Was the form refused for being opened before the record's last save
    (cohesion_portal.versioning)?"""
    return bool(response.context and response.context.get("record_changed"))


def unescaped(page: str, value: str) -> bool:
    """Does `value`, holding markup, appear raw in the page?"""
    if any(c in value for c in "<>") and value in page:
        return True
    return bool(value.startswith("javascript:") and f'href="{value}' in page)


class Walker:
    def __init__(self, client, world):
        self.client = client
        self.world = world
        self.tally = Tally()
        self._login = None

    def problem(self, case, round_, what):
        sent = ", ".join(f"{name} ← {h.value[:30]!r}" for name, (_, h) in round_.items())
        self.tally.problems.append(f"{case} · {sent}: {what}")

    def login(self, persona):
        if persona != self._login:
            if persona is None:
                self.client.logout()
            else:
                self.client.force_login(self.world.users[persona])
            self._login = persona

    def url_of(self, case, record):
        if case.url is not None:
            return case.url(self.world, record)
        return reverse(case.route, kwargs={"pk": record.pk} if record is not None else {})

    def open(self, case, record):
        """The page's form as the browser would send it unchanged, and the form object."""
        url = self.url_of(case, record)
        page = self.client.get(url)
        assert page.status_code == 200, f"{case}: {url} answered {page.status_code}"
        fields = next(
            f["fields"] for f in post_forms(page.content.decode()) if f["action"] in ("", url)
        )
        return url, as_post_data(fields), page.context["form"]

    def rounds(self, case, form):
        """[{field: (kind, Hostile)}] for the case's form (see the module's docstring)."""
        kinds = {}
        for name, form_field in form.fields.items():
            kind = field_kind(name, form_field, case)
            if kind is not None and name not in case.skip:
                kinds[name] = kind
        assert kinds, f"{case}: nothing to attack"
        refusals = {
            name: refused_inputs(name, kind, form.fields[name], case)
            for name, kind in kinds.items()
        }
        count = max(len(inputs) for inputs in refusals.values())
        rounds = [
            {name: (kinds[name], h) for name, h in zip(refusals, column, strict=True)}
            for column in zip(*(islice(cycle(i), count) for i in refusals.values()), strict=True)
        ]
        for kind in CORPUS:
            names = [name for name, k in kinds.items() if k == kind]
            if not names:
                continue
            takeable = [h for h in CORPUS[kind] if not h.refused and h.value != LONG]
            if kind in CORE and not case.whole:
                takeable = [h for h in takeable if h.value in CORE[kind]]
            for hostile in takeable:
                rounds.append(
                    {
                        name: (kind, hostile)
                        for name in names
                        if not must_refuse(hostile, name, kind, form.fields[name], case)
                    }
                )
            if kind == "date":
                for name in names:
                    for end in CALENDAR_ENDS:
                        rounds.append({name: (kind, Hostile(end, "date: the calendar's end"))})
        return [r for r in rounds if r]

    def attack(self, case: Case):
        self.login(case.persona)
        record = case.record(self.world) if case.record else None
        opened = self.open(case, record)
        saved = self.control(case, record, opened)
        for round_ in self.rounds(case, opened[2]):
            if case.fresh:
                record = case.record(self.world)
            if case.fresh or saved:
                # Opened again, as a person would after a save: an edit form carries the
                # version of the record it was opened with, and refuses to save over a newer.
                opened = self.open(case, record)
            saved = self.send(case, record, opened, round_)

    def valid_values(self, case, form) -> dict:
        values = {**case.valid(self.world), **case.fill(form)}
        return {k: v if isinstance(v, list) else [v] for k, v in values.items()}

    def control(self, case, record, opened):
        """The form with the case's valid values and nothing hostile must save: else every
        round would be refused for a reason of the case's own, and prove nothing."""
        if case.fresh:
            record = case.record(self.world)
            opened = self.open(case, record)
        url, data, form = opened
        data = {name: list(values) for name, values in data.items()}
        data.update(self.valid_values(case, form))
        if "submission_token" in data:
            data["submission_token"] = [str(uuid.uuid4())]
        response = self.client.post(url, data)
        answer = response.context.get("form") if response.context else None
        assert response.status_code in (200, 302) and not (answer is not None and answer.errors), (
            f"{case}: its valid values are refused: {answer.errors if answer else response}"
        )
        assert not stale(response), f"{case}: its own form was out of date"
        return True

    def send(self, case, record, opened, round_) -> bool:
        """Send one round and judge the answer; True when it saved something."""
        url, page_data, form = opened
        data = {name: list(values) for name, values in page_data.items()}
        data.update(self.valid_values(case, form))
        for name, (_kind, hostile) in round_.items():
            data[name] = [hostile.value]
            self.tally.inputs.add(hostile.value)
        if "submission_token" in data:
            data["submission_token"] = [str(uuid.uuid4())]
        cache.clear()  # (the public pages' rate limits count every try)
        before, values = table_counts(), record_values(record)
        self.tally.submissions += 1
        try:
            response = self.client.post(url, data)
        except Exception as error:  # (the test client raises what a server answers 500 to)
            self.problem(case, round_, f"server error: {error!r}")
            return True
        if response.status_code >= 500:
            self.problem(case, round_, f"server error {response.status_code}")
            return True
        if stale(response):  # (the walker's own form was out of date: nothing was judged)
            self.problem(case, round_, "refused as a stale form: the walker did not reopen it")
            return True
        after = table_counts()
        lost = {t: before[t] - after[t] for t in before if after[t] < before[t]}
        if lost:
            self.tally.rows_lost += sum(lost.values())
            self.problem(case, round_, f"rows lost: {lost}")
        answer = response.context.get("form") if response.context else None
        if answer is not None and answer.errors:
            self.tally.refused += 1
            self.judge_refusal(case, round_, response, answer, form)
            changed = {
                t: (before[t], after[t])
                for t in before
                if after[t] != before[t] and t not in case.audit
            }
            if changed:
                self.problem(case, round_, f"refused, yet rows changed: {changed}")
            if record is not None and record_values(record) != values:
                self.problem(case, round_, "refused, yet the record changed")
        elif response.status_code in (200, 302):
            self.tally.taken += 1
            self.judge_taking(case, round_, response, record, form)
            return True
        elif before != after or record_values(record) != values:
            self.problem(case, round_, f"answered {response.status_code}, yet wrote")
        return False

    def judge_refusal(self, case, round_, response, answer, form):
        page = response.content.decode()
        for name, (kind, hostile) in round_.items():
            refuse = must_refuse(hostile, name, kind, form.fields[name], case)
            if refuse and not answer.errors.get(name):
                self.problem(case, {name: round_[name]}, f"no error on the field: {answer.errors}")
        for messages in answer.errors.values():
            for message in messages:
                if not CJK.search(message):
                    self.problem(case, round_, f"error not in Chinese: {message!r}")
                if html.escape(message) not in page:
                    self.problem(case, round_, f"error not on the page: {message!r}")

    def judge_taking(self, case, round_, response, record, form):
        for name, (kind, hostile) in round_.items():
            if must_refuse(hostile, name, kind, form.fields[name], case):
                self.problem(case, {name: round_[name]}, "taken, but it must be refused")
        shown = response if response.status_code != 302 else self.client.get(response["Location"])
        if shown.status_code >= 500:
            self.problem(case, round_, "the page after saving is a server error")
            return
        text = shown.content.decode()
        for name, (kind, hostile) in round_.items():
            if kind != "text":
                continue
            stored = self.stored_value(form, name, record)
            if stored is not None and not stored_as_typed(stored, hostile.value):
                self.problem(case, {name: round_[name]}, f"stored as {str(stored)[:60]!r}")
            if unescaped(text, hostile.value):
                self.problem(case, {name: round_[name]}, "shown unescaped")
            hidden = isinstance(stored, str) and stored.strip() and html.escape(stored) not in text
            if name in case.shown and hidden:
                self.problem(case, {name: round_[name]}, "not shown on the page after saving")

    @staticmethod
    def stored_value(form, name, record):
        """The value the record now holds for the field (a model form's own fields only)."""
        model = getattr(getattr(form, "_meta", None), "model", None)
        if model is None or name not in {f.name for f in model._meta.get_fields()}:
            return None
        if record is not None and isinstance(record, model):
            fresh = model._default_manager.filter(pk=record.pk).first()
        else:
            fresh = model._default_manager.order_by("-pk").first()
        return getattr(fresh, name, None) if fresh is not None else None
