"""The figures of the monthly progress report (月报). Each app declares its own in
MONTHLY_FIGURES of its portal.py (cohesion_portal.plugins), so a later app (assistance, appeals,
competitions, book rooms) adds its figures to the report without a change to the report's code:

    MONTHLY_FIGURES = [from_grouped("contracts.signed", _("Collective contracts signed"),
                                    metrics.UNITS, signed_in_month, order=210)]

- `for_union(union, start, end)`: the value for one grassroots union (its branches and groups
  included) over the days `start`..`end`;
- `for_all(start, end)`: {grassroots union id: value} for every grassroots union at once, in a
  fixed number of queries (the monthly Excel report and the demo data read this one). A union
  missing from the dict has the figure's `missing` value (0 for counts, None for rates: no
  data).

`start` is the first day of the month; `end` its last day, or today for the month under way
(a figure "at the end of the month" is then the figure so far). Use `value()`, `values()`,
`collect()` and `collect_all()` below rather than calling the functions yourself: they work the
period out the same way everywhere.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

from .dates import last_day_of_month
from .metrics import UNIT_LABELS
from .registry import Registry


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    unit: str  # one of cohesion_portal.metrics' units (PEOPLE, UNITS, PERCENT...)
    for_union: Callable[..., float | None]
    for_all: Callable[[datetime.date, datetime.date], dict[int, float | None]]
    order: int = 100
    missing: float | None = 0
    help_text: str = ""

    @property
    def unit_label(self) -> str:
        return str(UNIT_LABELS.get(self.unit, self.unit))


def from_grouped(key, label, unit, grouped, **options) -> Figure:
    """A figure from one function `grouped(start, end, *, path=None)` -> {grassroots union id:
    value}, which narrows to one union's tree when given its `path` (the usual shape: a GROUP
    BY over `union__path`, with `path__startswith` for one union)."""
    return Figure(
        key,
        label,
        unit,
        for_union=lambda union, start, end: grouped(start, end, path=union.path).get(union.pk),
        for_all=lambda start, end: grouped(start, end),
        **options,
    )


FIGURES: Registry[Figure] = Registry("monthly figure", key=lambda figure: figure.key)


def get(key: str) -> Figure | None:
    return FIGURES.get(key)


def figures() -> list[Figure]:
    return sorted(FIGURES, key=lambda f: (f.order, f.key))


def period(month: datetime.date, today: datetime.date | None = None):
    """(first day, last day) of `month`; the last day is today for the month under way."""
    today = today or timezone.localdate()
    start = month.replace(day=1)
    return start, min(last_day_of_month(start), max(today, start))


def _clean(value):
    """JSON-friendly: whole numbers as int, rates with two decimals."""
    if value is None:
        return None
    if isinstance(value, int) or float(value).is_integer():
        return int(value)
    return round(float(value), 2)


def value(figure: Figure, union, month: datetime.date, today=None):
    start, end = period(month, today)
    found = figure.for_union(union, start, end)
    return _clean(figure.missing if found is None else found)


def values(figure: Figure, month: datetime.date, union_ids=None, today=None) -> dict:
    """{union id: value} of every grassroots union (or of `union_ids`, all present)."""
    start, end = period(month, today)
    found = figure.for_all(start, end)
    if union_ids is None:
        return {pk: _clean(v) for pk, v in found.items()}
    return {pk: _clean(found.get(pk, figure.missing)) for pk in union_ids}


def collect(union, month: datetime.date, today=None) -> dict:
    """{figure key: value} of one grassroots union: what a report stores in `figures`."""
    return {figure.key: value(figure, union, month, today) for figure in figures()}


def collect_all(month: datetime.date, union_ids, today=None) -> dict[int, dict]:
    """{union id: {figure key: value}} of many unions, in a fixed number of queries."""
    table = {pk: {} for pk in union_ids}
    for figure in figures():
        for pk, found in values(figure, month, union_ids, today).items():
            table[pk][figure.key] = found
    return table
