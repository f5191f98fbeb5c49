"""The sheets of the monthly Excel report. Each app declares its own in SHEETS of its
portal.py (cohesion_portal.plugins):

    SHEETS = [Sheet("contracts.contracts", gettext_lazy("Contracts"), contracts_sheet, order=40)]

`build(report)` gets a `ReportContext` (the month, the reader whose area the report covers, the
grassroots unions in that area) and returns the sheet's tables: plain values, one list per row,
in the order of the table's columns. The writer (reports/excel.py) does the rest: headers,
formats, widths, totals, print setup, charts, and text that must never become a formula.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from . import numbers
from .registry import Registry

TEXT = "text"
COUNT = "count"  # whole numbers, with thousands separators
DECIMAL = "decimal"  # two decimals
PERCENT = "percent"  # a value in %, 0–100 (the portal's figures), shown as 93.0%
DATE = "date"
DATETIME = "datetime"

SUM = "sum"
UNION_WIDTH = 40  # characters: a grassroots union's full name, as most are written


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    width: float = 12
    # The totals row: SUM, a function of the list of rows (a rate of two summed columns, say),
    # or None for an empty cell.
    total: str | Callable[[list[Sequence]], object] | None = None


@dataclass(frozen=True)
class Chart:
    """A native Excel chart of the table: one series per value column, one bar per row."""

    title: str
    category_column: int
    value_columns: tuple[int, ...]
    kind: str = "bar"  # "bar" (horizontal) or "col" (vertical)
    y_title: str = ""
    percent: bool = False


@dataclass(frozen=True)
class Table:
    columns: Sequence[Column]
    rows: list[Sequence]
    title: str = ""
    totals: bool = False
    chart: Chart | None = None
    note: str = ""


@dataclass
class ReportContext:
    month: datetime.date  # the first day
    end: datetime.date  # the last day of the month
    reader: object  # a user or an access.Reader: whose area the report covers
    scope_label: str
    # The start of the plan running at the end of the month: figures counted over the plan
    # period (T1) count from here. None without a plan.
    since: datetime.date | None = None
    # (id, name, industry union's name) of every grassroots union in the area, by path.
    unions: list[tuple[int, str, str]] = field(default_factory=list)
    # Shared between sheets (the running plan, say), filled lazily by whoever needs it first.
    cache: dict = field(default_factory=dict)

    @property
    def union_ids(self) -> set[int]:
        return {pk for pk, _name, _industry in self.unions}


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str  # the tab's name: at most 31 characters, none of []:*?/\
    build: Callable[[ReportContext], list[Table]]
    order: int = 100


@dataclass(frozen=True)
class Measured:
    """A cell of a column that mixes figures (the summary's targets: people and rates): its
    number format follows the figure's unit (cohesion_portal.metrics), people and units whole,
    rates in %, others with two decimals."""

    value: float
    unit: str


def measured(value, unit: str) -> Measured | None:
    return Measured(float(value), unit) if value is not None else None


def percent(part, whole) -> float | None:
    """A rate cell (%, two decimals); None (an empty cell) when there is nothing to divide."""
    return numbers.percent(part, whole)


def rate_of(numerator: int, denominator: int) -> Callable[[list[Sequence]], float | None]:
    """A totals cell: the rate (%) of two summed columns, by their positions (rates are never
    summed)."""

    def total(rows):
        return percent(
            sum(row[numerator] or 0 for row in rows), sum(row[denominator] or 0 for row in rows)
        )

    return total


SHEETS: Registry[Sheet] = Registry("sheet", key=lambda sheet: sheet.key)


def all_sheets() -> list[Sheet]:
    return sorted(SHEETS, key=lambda sheet: (sheet.order, sheet.key))
