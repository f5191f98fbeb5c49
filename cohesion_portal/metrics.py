"""The registry of figures. Each figure the plan's targets and the assessment scheme use is a
function in the app that owns the data, registered here under a key in the app's
AppConfig.ready():

    metrics.register(Metric("contracts.coverage", _("Collective contract coverage"), PERCENT,
                            total=coverage_total, by_union=coverage_by_union))

- `total(day, *, since, user)`: the figure for the user's scope (everything without a user) on
  `day`; `since` is the start of the plan period, for figures counted from it. None: no data.
- `by_union(start, end)`: {grassroots union id: value} over a period, for every grassroots union
  at once, in a fixed number of queries. Unions missing from the dict have no data (value 0).

A plan's target or a scheme's indicator names a metric by key; a key nobody has registered yet
(an app still to come) shows as "no data yet" and cannot be chosen for a computed indicator.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

PERCENT = "%"
PEOPLE = "people"
UNITS = "units"
PER_ENTERPRISE = "per_enterprise"
UNIT_LABELS = {
    PERCENT: "%",
    PEOPLE: _("people"),
    UNITS: _("units"),
    PER_ENTERPRISE: _("per enterprise"),
}


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    total: Callable[..., float | None] | None = None
    by_union: Callable[[datetime.date, datetime.date], dict[int, float]] | None = None
    # The records behind a grassroots union's value over a period: (union id, start, end) -> URL.
    records_url: Callable[[int, datetime.date, datetime.date], str] | None = None
    # Higher is better for every figure so far; a target is reached from below.

    @property
    def unit_label(self) -> str:
        return str(UNIT_LABELS.get(self.unit, self.unit))


_metrics: dict[str, Metric] = {}


def register(metric: Metric) -> None:
    _metrics[metric.key] = metric


def get(key: str) -> Metric | None:
    return _metrics.get(key)


def all_metrics() -> list[Metric]:
    return sorted(_metrics.values(), key=lambda m: m.key)


def exact_percent(numerator, denominator) -> float | None:
    """For scoring: thresholds compare the exact value (92.996% is not 93%)."""
    return 100 * numerator / denominator if denominator else None


def percent(numerator, denominator) -> float | None:
    """For showing: two decimals."""
    value = exact_percent(numerator, denominator)
    return round(value, 2) if value is not None else None
