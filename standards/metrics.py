"""The standards app's figures: T3 (trusted homes) and T4 (3A attainment) from the stored
scorecards, and the member satisfaction rate from the surveys."""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal import attention, metrics
from cohesion_portal.access import APPROVE, INSPECT
from unions.models import Union

from .models import Assessment, AssessmentStatus, Grade, Scorecard
from .periods import latest_period
from .scoring import satisfaction_by_union
from .shares import behind_on_recruitment


def _grassroots_count(user) -> int:
    """The grassroots unions in the user's scope (read once per page: T3, T4, the grades)."""
    unions = Union.objects.counted().for_user(user)
    return metrics.remembered(user, ("standards.grassroots",), unions.count)


def _scorecard_counts(period, user) -> dict:
    """Of the period's scorecards in scope: scored, trusted homes, AAA (one query for T3 and
    T4, on every day that falls in the period, read once per page)."""

    def compute():
        cards = Scorecard.objects.counted().filter(period=period).for_user(user)
        return cards.aggregate(
            scored=Count("pk"),
            trusted=Count("pk", filter=Q(trusted_home=True)),
            aaa=Count("pk", filter=Q(grade=Grade.AAA)),
        )

    return metrics.remembered(user, ("standards.scorecard_counts", period.pk), compute)


def _scorecard_share(day, user, key: str):
    """Of the grassroots unions in scope, the share whose scorecard in the period of `day`
    counts under `key` ("trusted", "aaa"); None before any period or scorecard exists."""
    period = metrics.remembered(user, ("standards.latest_period", day), lambda: latest_period(day))
    if period is None:
        return None
    figures = _scorecard_counts(period, user)
    if not figures["scored"]:
        return None
    return metrics.percent(figures[key], _grassroots_count(user))


def trusted_home_rate(day, *, since=None, user):
    return _scorecard_share(day, user, "trusted")


def aaa_rate(day, *, since=None, user):
    return _scorecard_share(day, user, "aaa")


def satisfaction_by_union_between(start, end):
    """Of the surveys opened between `start` and `end`."""
    rates = satisfaction_by_union(opens_on__range=(start, end))
    return {union_id: float(rate) for union_id, rate in rates.items()}


METRICS = (
    metrics.Metric(
        "standards.trusted_home_rate",
        _("Unions that are a trusted home of workers"),
        metrics.PERCENT,
        total=trusted_home_rate,
        records_url=lambda union_id, start, end: metrics.records_list(
            "standards:ranking", union_id, trusted_home="true"
        ),
    ),
    metrics.Metric(
        "standards.aaa_rate",
        _("Grassroots unions graded AAA"),
        metrics.PERCENT,
        total=aaa_rate,
        records_url=lambda union_id, start, end: metrics.records_list(
            "standards:ranking", union_id, grade="AAA"
        ),
    ),
    metrics.Metric(
        "standards.satisfaction",
        _("Member satisfaction with the union"),
        metrics.PERCENT,
        by_union=satisfaction_by_union_between,
    ),
)


def grade_series(user) -> list[dict]:
    """Per period, oldest first, over the grassroots unions in scope: how many scored, the
    count of each grade, trusted homes, and T3 and T4 as shares of the grassroots unions.
    Two queries, however many periods and unions."""
    from .models import Period

    cards = Scorecard.objects.counted().for_user(user)
    grassroots = _grassroots_count(user)
    rows = cards.values("period").annotate(
        scored=Count("pk"),
        trusted=Count("pk", filter=Q(trusted_home=True)),
        aaa=Count("pk", filter=Q(grade=Grade.AAA)),
        aa=Count("pk", filter=Q(grade=Grade.AA)),
        a=Count("pk", filter=Q(grade=Grade.A)),
    )
    by_period = {row.pop("period"): row for row in rows}
    periods = Period.objects.filter(pk__in=by_period).order_by("starts_on")
    return [
        {
            "period": period,
            **by_period[period.pk],
            "none": by_period[period.pk]["scored"]
            - sum(by_period[period.pk][g] for g in ("aaa", "aa", "a")),
            "aaa_rate": metrics.percent(by_period[period.pk]["aaa"], grassroots),
            "trusted_rate": metrics.percent(by_period[period.pk]["trusted"], grassroots),
        }
        for period in periods
    ]


def _assessments_waiting(status, label, order, acts) -> attention.Attention:
    return attention.Attention(
        f"standards.{status}",
        label,
        count=lambda user, today: Assessment.objects.for_user(user).filter(status=status).count(),
        url=lambda: f"{reverse('standards:assessment_list')}?status={status}",
        icon="bi-clipboard-check",
        order=order,
        acts=acts,
    )


ATTENTION = (
    # (here, not in the unions app: a union's share of T1 needs the plan, which standards owns)
    attention.Attention(
        "standards.behind_on_recruitment",
        _("Grassroots unions behind their share of the recruitment target (T1)"),
        count=lambda user, today: len(behind_on_recruitment(today, user=user)),
        url=lambda: f"{reverse('standards:recruitment')}?behind=true",
        icon="bi-person-plus",
        order=5,
    ),
    _assessments_waiting(
        AssessmentStatus.SUBMITTED,
        _("Self-inspections awaiting inspection"),
        order=60,
        acts=INSPECT,
    ),
    _assessments_waiting(
        AssessmentStatus.INSPECTED, _("Inspections awaiting approval"), order=70, acts=APPROVE
    ),
)
