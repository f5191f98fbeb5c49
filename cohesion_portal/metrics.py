"""The registry of figures. Each figure the plan's targets and the assessment scheme use is a
function in the app that owns the data, declared under a key in METRICS of the app's portal.py
(cohesion_portal.plugins):

    METRICS = [Metric("contracts.coverage", _("Collective contract coverage"), PERCENT,
                      total=coverage_total, by_union=coverage_by_union)]

- `total(day, *, since, user)`: the figure for the scope of `user` (a person, or an
  access.Reader: `Reader(EVERYTHING)` for all) on `day`; `since` is the start of the plan
  period, for figures counted from it. None: no data.
- `by_union(start, end)`: {grassroots union id: value} over a period, for every grassroots union
  at once, in a fixed number of queries. Unions missing from the dict have no data (value 0).
- `daily(since, end, *, user)`: for a figure that is a count of events (recruits), {day: events
  that day} from `since` to `end` in the user's scope, in one query: its total on any day is the
  sum of the days up to it, so a target's value, trend and monthly chart come from one reading.

A plan's target or a scheme's indicator names a metric by key; a key nobody has registered yet
(an app still to come) shows as "no data yet" and cannot be chosen for a computed indicator;
such a key must be listed in PENDING with the issue that brings it (a test holds the plan's
data and the scheme's indicators to that), so that a typo is not "no data yet" for ever.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from . import numbers
from .registry import Registry

PERCENT = "%"
PEOPLE = "people"
UNITS = "units"
PER_ENTERPRISE = "per_enterprise"
YUAN = "yuan"
UNIT_LABELS = {
    PERCENT: "%",
    PEOPLE: _("people"),
    UNITS: _("units"),
    PER_ENTERPRISE: _("per enterprise"),
    YUAN: _("yuan"),
}


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    total: Callable[..., float | None] | None = None
    by_union: Callable[[datetime.date, datetime.date], dict[int, float]] | None = None
    # The records behind a grassroots union's value over a period: (union id, start, end) -> URL;
    # with None for the union, the records behind the figure of the whole area (the list reads
    # the user's scope, narrowed as the dashboard is). Build it with `records_list()`.
    records_url: Callable[[int, datetime.date, datetime.date], str] | None = None
    daily: Callable[..., dict[datetime.date, int]] | None = None
    # The codes of the scheme's indicators that people score today and this figure could score
    # from records ("hardship", "book_room"): the scheme page offers it for the next version.
    assesses: tuple[str, ...] = ()
    # Higher is better for every figure so far; a target is reached from below.

    def __reduce__(self):
        # A registered figure is pickled (into the figures cache) as its key: its functions
        # may be closures, and the registry holds them.
        return (get, (self.key,))

    @property
    def unit_label(self) -> str:
        return str(UNIT_LABELS.get(self.unit, self.unit))


METRICS: Registry[Metric] = Registry("metric", key=lambda metric: metric.key)

# Keys that the plan's targets or the scheme's indicators name but no app declares yet, each
# with the issue that brings it. Nothing else may be unregistered.
PENDING: dict[str, str] = {}


def get(key: str) -> Metric | None:
    return METRICS.get(key)


def all_metrics() -> list[Metric]:
    return sorted(METRICS, key=lambda m: m.key)


def exact_percent(numerator, denominator) -> float | None:
    """For scoring: thresholds compare the exact value (92.996% is not 93%)."""
    return 100 * numerator / denominator if denominator else None


def percent(numerator, denominator) -> float | None:
    """For showing: two decimals, half up (cohesion_portal.numbers: one rounding everywhere)."""
    return numbers.percent(numerator, denominator)


def remembering(reader):
    """A copy of `reader` (an access.Reader built for one page) through which each figure is
    computed once on that page: the dashboard's card, chart and attention list share one
    reading of T1. The reader dies with the page, so nothing needs invalidating."""
    from .access import Reader

    return Reader(reader.scope, memo={})


def remembered(user, key, compute):
    """`compute()`, once per `remembering` reader and `key`; every time for anyone else."""
    memo = getattr(user, "memo", None)
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def records_list(url_name: str, union_id: int | None, **params) -> str:
    """The URL of the list behind a figure: one grassroots union's records, or the area's."""
    from urllib.parse import urlencode

    from django.urls import reverse

    query = ({"union": union_id} if union_id is not None else {}) | params
    return f"{reverse(url_name)}?{urlencode(query)}" if query else reverse(url_name)
