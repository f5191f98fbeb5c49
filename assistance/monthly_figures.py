"""The assistance app's figures in the monthly progress report (cohesion_portal.monthly_figures):
hardship files open at the end of the month; appeals received, answered (and of those, in
time) and overdue; the satisfaction of those rated; T7's units at the month's end.

An appeal counts for the union answering it (one still with the industry union counts for no
grassroots union). Each function answers for every grassroots union at once (one GROUP BY), or,
given a union's `path`, for that union's tree alone.
"""

from decimal import Decimal

from django.db.models import Count, F, Q, Sum
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics, monthly_figures
from unions.metrics import by_grassroots, count_by_grassroots

from .metrics import supermarket_units_grouped
from .models import Aid, Appeal, HardshipFile, JobHelp, JobOutcome, LegalCase, Satisfaction

SATISFIED = (Satisfaction.SATISFIED, Satisfaction.BASICALLY)  # (满意率: both count)


def _narrowed(queryset, path):
    """`queryset` of one union's tree, or of all unions (an appeal still with the industry
    union counts for none)."""
    return queryset.filter(union__path__startswith=path) if path else queryset.exclude(union=None)


def files_open_at_end(start, end, *, path=None) -> dict[int, int]:
    files = HardshipFile.objects.open_on(end)
    return count_by_grassroots(_narrowed(files, path))


def appeals_received(start, end, *, path=None) -> dict[int, int]:
    appeals = Appeal.objects.filter(received_on__range=(start, end))
    return count_by_grassroots(_narrowed(appeals, path))


def appeals_answered(start, end, *, path=None) -> dict[int, int]:
    appeals = Appeal.objects.filter(answered_on__range=(start, end))
    return count_by_grassroots(_narrowed(appeals, path))


def answered_counts(start, end, *, path=None) -> dict[int, dict]:
    """{grassroots union id: {"n": appeals answered in the month, "in_time": by the deadline}}."""
    appeals = _narrowed(Appeal.objects.filter(answered_on__range=(start, end)), path)
    return by_grassroots(
        appeals, n=Count("pk"), in_time=Count("pk", filter=Q(answered_on__lte=F("deadline")))
    )


def answered_in_time(start, end, *, path=None) -> dict[int, float]:
    """Of the appeals answered in the month, % answered by their deadline."""
    rows = answered_counts(start, end, path=path)
    return {pk: metrics.exact_percent(row["in_time"], row["n"]) for pk, row in rows.items()}


def overdue_at_end(start, end, *, path=None) -> dict[int, int]:
    """Appeals not answered by the month's end whose deadline had passed by then (those not
    accepted and closed before it are done with)."""
    unanswered = Q(answered_on__isnull=True) | Q(answered_on__gt=end)
    not_closed = Q(closed_on__isnull=True) | Q(closed_on__gt=end)
    appeals = Appeal.objects.filter(unanswered, not_closed, deadline__lt=end)
    return count_by_grassroots(_narrowed(appeals, path))


def aid_given(start, end, *, path=None) -> dict[int, dict]:
    """{grassroots union id: {"beneficiaries": people and enterprises helped in the month, each
    once however often, "value": cash and goods, yuan}}."""
    rows = by_grassroots(
        _narrowed(Aid.objects.filter(given_on__range=(start, end)), path),
        people=Count("id_number", distinct=True, filter=~Q(id_number="")),
        enterprises=Count("enterprise", distinct=True),
        cash=Sum("cash", default=Decimal(0)),
        goods=Sum("goods_value", default=Decimal(0)),
    )
    return {
        pk: {
            "beneficiaries": row["people"] + row["enterprises"],
            "value": row["cash"] + row["goods"],
        }
        for pk, row in rows.items()
    }


def aid_beneficiaries(start, end, *, path=None) -> dict[int, int]:
    return {pk: row["beneficiaries"] for pk, row in aid_given(start, end, path=path).items()}


def aid_value(start, end, *, path=None) -> dict[int, Decimal]:
    return {pk: row["value"] for pk, row in aid_given(start, end, path=path).items()}


def found_work(start, end, *, path=None) -> dict[int, int]:
    """Workers helped by a course or a referral (助岗) who found work in the month."""
    placed = JobHelp.objects.filter(outcome=JobOutcome.EMPLOYED, outcome_on__range=(start, end))
    return count_by_grassroots(_narrowed(placed, path))


def _legal_cases(queryset, path):
    """Cases of the workstations of one union's tree, or of every grassroots union's (those
    of the industry union's own workstations count for none)."""
    if path:
        return queryset.filter(workstation__union__path__startswith=path)
    return queryset.exclude(workstation__union=None)


def legal_cases_taken(start, end, *, path=None) -> dict[int, int]:
    cases = _legal_cases(LegalCase.objects.filter(opened_on__range=(start, end)), path)
    return count_by_grassroots(cases, "workstation__union__path")


def legal_recovered(start, end, *, path=None) -> dict[int, Decimal]:
    """Yuan recovered by the cases concluded in the month."""
    cases = _legal_cases(LegalCase.objects.filter(closed_on__range=(start, end)), path)
    rows = by_grassroots(cases, "workstation__union__path", value=Sum("recovered"))
    return {pk: row["value"] for pk, row in rows.items()}


def rated_counts(start, end, *, path=None) -> dict[int, dict]:
    """{grassroots union id: {"n": appeals closed in the month with the worker's rating,
    "satisfied": rated satisfied or basically satisfied}}."""
    rated = Appeal.objects.filter(closed_on__range=(start, end)).exclude(satisfaction="")
    return by_grassroots(
        _narrowed(rated, path),
        n=Count("pk"),
        satisfied=Count("pk", filter=Q(satisfaction__in=SATISFIED)),
    )


def satisfaction(start, end, *, path=None) -> dict[int, float]:
    """Of the appeals rated in the month, % satisfied or basically satisfied."""
    rows = rated_counts(start, end, path=path)
    return {pk: metrics.exact_percent(row["satisfied"], row["n"]) for pk, row in rows.items()}


MONTHLY_FIGURES = (
    monthly_figures.from_grouped(
        "assistance.files_open",
        _("Hardship files open at the end of the month"),
        metrics.PEOPLE,
        files_open_at_end,
        order=310,
    ),
    monthly_figures.from_grouped(
        "assistance.aid_beneficiaries",
        _("Workers and enterprises helped in the month"),
        metrics.PEOPLE,
        aid_beneficiaries,
        order=312,
        help_text=_("each once, however often helped"),
    ),
    monthly_figures.from_grouped(
        "assistance.aid_value",
        _("Aid given in the month (yuan)"),
        metrics.YUAN,
        aid_value,
        order=314,
    ),
    monthly_figures.from_grouped(
        "assistance.found_work",
        _("Workers who found work through job help in the month"),
        metrics.PEOPLE,
        found_work,
        order=316,
    ),
    monthly_figures.from_grouped(
        "assistance.appeals_received",
        _("Appeals received in the month"),
        metrics.UNITS,
        appeals_received,
        order=320,
    ),
    monthly_figures.from_grouped(
        "assistance.appeals_answered",
        _("Appeals answered in the month"),
        metrics.UNITS,
        appeals_answered,
        order=330,
    ),
    monthly_figures.from_grouped(
        "assistance.appeals_in_time",
        _("Appeals answered in time"),
        metrics.PERCENT,
        answered_in_time,
        order=340,
        missing=None,
        help_text=_("of those answered in the month, by their deadline in working days"),
    ),
    monthly_figures.from_grouped(
        "assistance.appeals_overdue",
        _("Appeals overdue at the end of the month"),
        metrics.UNITS,
        overdue_at_end,
        order=350,
    ),
    monthly_figures.from_grouped(
        "assistance.appeals_satisfaction",
        _("Workers satisfied with the answer"),
        metrics.PERCENT,
        satisfaction,
        order=360,
        missing=None,
        help_text=_("satisfied or basically satisfied, of the appeals rated in the month"),
    ),
    monthly_figures.from_grouped(
        "assistance.legal_cases",
        _("Legal aid cases taken in the month"),
        metrics.UNITS,
        legal_cases_taken,
        order=380,
    ),
    monthly_figures.from_grouped(
        "assistance.legal_recovered",
        _("Recovered for workers by legal aid (yuan)"),
        metrics.YUAN,
        legal_recovered,
        order=390,
        help_text=_("by the cases concluded in the month"),
    ),
    monthly_figures.from_grouped(
        "assistance.love_supermarket_units",
        _("Units covered by a love supermarket"),
        metrics.UNITS,
        supermarket_units_grouped,
        order=370,
        help_text=_("T7, at the end of the month"),
    ),
)
