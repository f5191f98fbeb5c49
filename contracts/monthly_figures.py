"""The contracts app's figures in the monthly progress report (cohesion_portal.monthly_figures):
contracts signed in the month, contracts in force and T2 coverage at its end, workers'
congress sessions held and affairs disclosures made in the month.

Each function answers for every grassroots union at once (one GROUP BY), or, given a union's
`path`, for that union's tree alone.
"""

from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics, monthly_figures
from cohesion_portal.access import Reader, Scope
from unions.metrics import count_by_grassroots

from .metrics import coverage_by_grassroots_union, coverage_by_union
from .models import CollectiveContract, CongressSession, Disclosure


def _by_grassroots(queryset, path, field="union__path") -> dict[int, int]:
    if path:
        queryset = queryset.filter(**{f"{field}__startswith": path})
    return count_by_grassroots(queryset, field)


def signed_in_month(start, end, *, path=None) -> dict[int, int]:
    """Collective contracts (of every kind) signed in the month."""
    return _by_grassroots(CollectiveContract.objects.filter(signed_on__range=(start, end)), path)


def in_force_at_end(start, end, *, path=None) -> dict[int, int]:
    """Signed contracts in force on the last day of the month."""
    return _by_grassroots(CollectiveContract.objects.in_force_on(end), path)


def coverage_at_end(start, end, *, path=None) -> dict[int, float]:
    """T2 on the last day of the month, in %: the registered metric's figure for every union
    (one query), or the richer breakdown narrowed to one union's tree."""
    if not path:
        return coverage_by_union(start, end)
    reader = Reader(Scope(subtree_paths=(path,)))
    return {
        pk: metrics.exact_percent(c.covered, c.unionized)
        for pk, c in coverage_by_grassroots_union(end, user=reader).items()
    }


def congress_sessions_in_month(start, end, *, path=None) -> dict[int, int]:
    """Sessions of workers' congresses (职代会) held in the month."""
    sessions = CongressSession.objects.filter(held_on__range=(start, end))
    return _by_grassroots(sessions, path, field="congress__union__path")


def disclosures_in_month(start, end, *, path=None) -> dict[int, int]:
    """Affairs disclosures (厂务公开) made in the month."""
    return _by_grassroots(Disclosure.objects.filter(disclosed_on__range=(start, end)), path)


MONTHLY_FIGURES = (
    monthly_figures.from_grouped(
        "contracts.signed",
        _("Collective contracts signed in the month"),
        metrics.UNITS,
        signed_in_month,
        order=210,
    ),
    monthly_figures.from_grouped(
        "contracts.in_force",
        _("Collective contracts in force at the end of the month"),
        metrics.UNITS,
        in_force_at_end,
        order=220,
    ),
    monthly_figures.from_grouped(
        "contracts.coverage",
        _("Collective contract coverage of unionized enterprises"),
        metrics.PERCENT,
        coverage_at_end,
        order=230,
        missing=None,  # no unionized enterprise: no rate
        help_text=_("T2, at the end of the month"),
    ),
    monthly_figures.from_grouped(
        "contracts.congress_sessions",
        _("Workers' congress sessions held in the month"),
        metrics.UNITS,
        congress_sessions_in_month,
        order=240,
    ),
    monthly_figures.from_grouped(
        "contracts.disclosures",
        _("Affairs disclosures made in the month"),
        metrics.UNITS,
        disclosures_in_month,
        order=250,
    ),
)
