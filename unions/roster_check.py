"""Checking a roster row by row against the same rules as enrolling one member by hand.

Every problem names its row (as Excel numbers it), its column and what is wrong, in the
person's language. Nothing is written here: unions.services.roster_import writes.
"""

import datetime
import re
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from .id_numbers import parse_id_number
from .models import (
    Education,
    Enterprise,
    Gender,
    Hukou,
    Member,
    MemberStatus,
    Union,
    mobile_validator,
)
from .roster_files import COLUMNS, parse_bool, parse_date, read_rows, text
from .services.members import person_errors

LABELS = {column.key: column.label for column in COLUMNS}
EDUCATION_WORDS = {
    **{str(label): value for value, label in Education.choices},
    "小学": Education.PRIMARY,
    "初中": Education.JUNIOR,
    "高中": Education.SENIOR,
    "中专": Education.SENIOR,
    "技校": Education.SENIOR,
    "职高": Education.SENIOR,
    "大专": Education.COLLEGE,
    "专科": Education.COLLEGE,
    "本科": Education.BACHELOR,
    "大学本科": Education.BACHELOR,
    "大学": Education.BACHELOR,
    "硕士": Education.POSTGRADUATE,
    "博士": Education.POSTGRADUATE,
    "研究生": Education.POSTGRADUATE,
}
HUKOU_WORDS = {
    "农业": Hukou.AGRICULTURAL,
    "农业户口": Hukou.AGRICULTURAL,
    "农村": Hukou.AGRICULTURAL,
    "非农业": Hukou.NON_AGRICULTURAL,
    "非农业户口": Hukou.NON_AGRICULTURAL,
    "城镇": Hukou.NON_AGRICULTURAL,
    "居民": Hukou.RESIDENT,
    "居民户口": Hukou.RESIDENT,
}
GENDER_WORDS = {
    "男": Gender.MALE,
    "女": Gender.FEMALE,
    "male": Gender.MALE,
    "female": Gender.FEMALE,
}


@dataclass(frozen=True)
class Problem:
    row: int
    column: str  # the header label, "" for the row as a whole
    message: str


@dataclass
class RosterCheck:
    rows_total: int
    members: list  # unsaved Member objects, ready to enrol
    problems: list

    def problems_as_data(self) -> list[dict]:
        return [asdict(p) for p in self.problems]


# Between the names of a unit's path: / and its full-width form, ›, >.
PATH_SEPARATORS = re.compile(r"\s*[/／›>]\s*")


class Places:
    """The units and enterprises a roster for `union` may name, looked up by name or code."""

    def __init__(self, union: Union):
        self.union = union
        units = list(Union.objects.subtree_of(union))
        self.units = {}
        self.children = {}  # {(parent id, name): unit}, for a path of names
        for unit in units:
            self.units.setdefault(unit.name, []).append(unit)
            self.children[(unit.parent_id, unit.name)] = unit
        grassroots = Union.objects.get(pk=union.grassroots_id)
        enterprises = Enterprise.objects.in_subtree_of(grassroots).select_related("union")
        self.enterprises = {}
        for enterprise in enterprises:
            self.enterprises[enterprise.name] = enterprise
            self.enterprises[enterprise.credit_code] = enterprise

    def unit(self, name: str) -> Union:
        """A unit named alone (一车间分会) or by its path under the roster's union
        (一车间分会/第一工会小组: real unions name a 第一工会小组 under every branch); the
        path may begin with the roster's union itself."""
        if not name:
            return self.union
        parts = [part.strip() for part in PATH_SEPARATORS.split(name) if part.strip()]
        if len(parts) > 1:
            return self._unit_at(parts)
        found = self.units.get(name, [])
        if len(found) != 1:
            raise ValueError(
                _("%(name)s is not a unit of %(union)s.")
                if not found
                else _(
                    "Several units of %(union)s are named %(name)s: write its path, such as "
                    "一车间分会/%(name)s."
                )
            )
        return found[0]

    def _unit_at(self, parts: list[str]) -> Union:
        if parts[0] == self.union.name:
            parts = parts[1:]
        unit = self.union
        for part in parts:
            unit = self.children.get((unit.pk, part))
            if unit is None:
                raise ValueError(
                    _("%(name)s is not a path of units under %(union)s (分会/小组, from the top).")
                )
        return unit

    def enterprise(self, name: str) -> Enterprise | None:
        if not name:
            return None
        found = self.enterprises.get(name) or self.enterprises.get(name.upper())
        if found is None:
            raise ValueError(_("%(name)s is not an enterprise of %(union)s."))
        return found


def check_roster(uploaded, *, union: Union) -> RosterCheck:
    """Read and check a roster for `union`. Raises RosterFileError for an unreadable file."""
    columns, rows, _unknown = read_rows(uploaded)
    problems: list[Problem] = []
    missing = [c for c in COLUMNS if c.required and c.key not in columns]
    for column in missing:
        problems.append(Problem(0, column.label, _("This column is missing.")))
    if missing:
        return RosterCheck(rows_total=len(rows), members=[], problems=problems)
    places = Places(union)
    today = timezone.localdate()
    candidates = []
    for row in rows:
        member, row_problems = _check_row(row, places, today)
        problems.extend(row_problems)
        if member is not None:
            candidates.append((row.number, member))
    members = _drop_duplicates(candidates, problems)
    problems.sort(key=lambda p: p.row)
    return RosterCheck(rows_total=len(rows), members=members, problems=problems)


def _check_row(row, places: Places, today: datetime.date):
    problems = []

    def problem(key, message):
        problems.append(Problem(row.number, LABELS.get(key, ""), str(message)))

    cells = row.cells
    name = text(cells.get("name"))
    if not name:
        problem("name", _("The name is empty."))
    for key, longest in (("name", 50), ("card_number", 30)):
        if len(text(cells.get(key))) > longest:
            problem(key, _("Longer than %(n)d characters.") % {"n": longest})
    number = None
    try:
        number = parse_id_number(cells.get("id_number") or "").number
    except ValidationError as error:
        problem("id_number", error.messages[0])
    values = {}
    for key, parse, required in (
        ("joined_on", parse_date, True),
        ("birth_date", parse_date, False),
    ):
        raw = cells.get(key)
        if raw in (None, ""):
            if required:
                problem(key, _("The date is empty."))
            continue
        try:
            values[key] = parse(raw)
        except ValueError:
            problem(
                key, _("%(value)s is not a date; write it like 1990-05-03.") % {"value": text(raw)}
            )
    if values.get("joined_on") and values["joined_on"] > today:
        problem(
            "joined_on",
            _("This date is in the future (today is %(today)s).") % {"today": today.isoformat()},
        )
    for key, words in (
        ("gender", GENDER_WORDS),
        ("education", EDUCATION_WORDS),
        ("hukou", HUKOU_WORDS),
    ):
        word = text(cells.get(key))
        if word:
            if word.lower() in words or word in words:
                values[key] = words.get(word, words.get(word.lower()))
            else:
                problem(
                    key,
                    _("%(value)s is not one of: %(choices)s.")
                    % {
                        "value": word,
                        "choices": "、".join(sorted({str(k) for k in words if not k.isascii()})),
                    },
                )
    for key in ("is_migrant", "is_dispatched"):
        try:
            values[key] = parse_bool(cells.get(key))
        except ValueError:
            problem(key, _("Write 是 or 否."))
    phone = text(cells.get("phone")).replace("-", "")
    if phone:
        try:
            mobile_validator(phone)
        except ValidationError as error:
            problem("phone", error.messages[0])
    for key, lookup in (("unit", places.unit), ("enterprise", places.enterprise)):
        word = text(cells.get(key))
        try:
            values[key] = lookup(word)
        except ValueError as error:
            problem(key, str(error.args[0]) % {"name": word, "union": places.union})
    if problems or number is None:
        return None, problems
    parsed = parse_id_number(number)
    member = Member(
        name=name,
        id_number=number,
        gender=values.get("gender") or (Gender.MALE if parsed.is_male else Gender.FEMALE),
        birth_date=values.get("birth_date") or parsed.birth_date,
        phone=phone,
        education=values.get("education", ""),
        hukou=values.get("hukou", ""),
        union=values["unit"],
        enterprise=values["enterprise"],
        joined_on=values["joined_on"],
        card_number=text(cells.get("card_number")),
        is_migrant=values["is_migrant"],
        is_dispatched=values["is_dispatched"],
    )
    errors = person_errors(
        id_number=number,
        birth_date=member.birth_date,
        gender=member.gender,
        joined_on=member.joined_on,
        union=member.union,
        enterprise=member.enterprise,
    )
    for key, message in errors.items():
        problem({"unit": "unit"}.get(key, key), message)
    return (None if errors else member), problems


def _drop_duplicates(candidates, problems) -> list:
    """Rows that repeat each other or a member the portal has are problems, never merged."""
    first_row_of = {}
    card_row_of = {}
    unique = []
    for row, member in candidates:
        if member.id_number in first_row_of:
            problems.append(
                Problem(
                    row,
                    LABELS["id_number"],
                    _("The same person as row %(row)d.") % {"row": first_row_of[member.id_number]},
                )
            )
            continue
        if member.card_number and member.card_number in card_row_of:
            problems.append(
                Problem(
                    row,
                    LABELS["card_number"],
                    _("The same card number as row %(row)d.")
                    % {"row": card_row_of[member.card_number]},
                )
            )
            continue
        first_row_of[member.id_number] = row
        if member.card_number:
            card_row_of[member.card_number] = row
        unique.append((row, member))
    known = _existing(Member, "id_number", [m.id_number for _, m in unique])
    cards = _existing(Member, "card_number", [m.card_number for _, m in unique if m.card_number])
    kept = []
    for row, member in unique:
        holder = known.get(member.id_number)
        # The holder's union is named only when it is the importing union itself: whoever
        # reads the roster's problems sees that one, and maybe no other.
        ours = holder is not None and holder.union.grassroots_id == member.union.grassroots_id
        if holder is not None and holder.status == MemberStatus.ACTIVE:
            if ours:
                # The same union: nothing to transfer (the member's page changes their unit).
                message = _("Already a member of this union (%(union)s).")
            else:
                message = _("Already a member of another union; ask for a transfer.")
            problems.append(Problem(row, LABELS["id_number"], message % {"union": holder.union}))
        elif member.card_number in cards and cards[member.card_number] != holder:
            problems.append(
                Problem(row, LABELS["card_number"], _("Another member has this card number."))
            )
        elif (
            holder is not None
            and holder.status_changed_on
            and member.joined_on < holder.status_changed_on
        ):
            if ours:
                message = _("Left %(union)s on %(date)s; the joining date must be later.")
            else:
                message = _("Left another union on %(date)s; the joining date must be later.")
            problems.append(
                Problem(
                    row,
                    LABELS["joined_on"],
                    message % {"union": holder.union, "date": holder.status_changed_on.isoformat()},
                )
            )
        else:
            member.rejoins = holder  # someone who left: they rejoin, keeping their history
            kept.append(member)
    return kept


def _existing(model, field, values, chunk=500) -> dict:
    """{value: row} for the values present, in chunks (SQLite limits a query's parameters)."""
    found = {}
    for start in range(0, len(values), chunk):
        rows = model.objects.filter(
            **{f"{field}__in": values[start : start + chunk]}
        ).select_related("union")
        found.update({getattr(row, field): row for row in rows})
    return found
