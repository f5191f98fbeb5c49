"""The standards app's figures: T3 (trusted homes) and T4 (3A attainment) from the stored
scorecards, and the member satisfaction rate from the surveys."""

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from unions.models import Union

from .models import Grade, Scorecard
from .periods import latest_period
from .scoring import satisfaction_by_union


def _scorecard_share(day, user, condition: Q):
    """Of the grassroots unions in scope, the share whose scorecard in the period of `day`
    meets `condition`; None before any period or scorecard exists."""
    period = latest_period(day)
    if period is None:
        return None
    cards = Scorecard.objects.filter(period=period)
    unions = Union.objects.filter(parent__isnull=True)
    if user is not None:
        cards, unions = cards.for_user(user), unions.for_user(user)
    figures = cards.aggregate(scored=Count("pk"), meeting=Count("pk", filter=condition))
    if not figures["scored"]:
        return None
    return metrics.percent(figures["meeting"], unions.count())


def trusted_home_rate(day, *, since=None, user=None):
    return _scorecard_share(day, user, Q(trusted_home=True))


def aaa_rate(day, *, since=None, user=None):
    return _scorecard_share(day, user, Q(grade=Grade.AAA))


def satisfaction_by_union_between(start, end):
    """Of the surveys opened between `start` and `end`."""
    rates = satisfaction_by_union(opens_on__range=(start, end))
    return {union_id: float(rate) for union_id, rate in rates.items()}


def register_metrics() -> None:
    for metric in (
        metrics.Metric(
            "standards.trusted_home_rate",
            _("Unions that are a trusted home of workers"),
            metrics.PERCENT,
            total=trusted_home_rate,
        ),
        metrics.Metric(
            "standards.aaa_rate",
            _("Grassroots unions graded AAA"),
            metrics.PERCENT,
            total=aaa_rate,
        ),
        metrics.Metric(
            "standards.satisfaction",
            _("Member satisfaction with the union"),
            metrics.PERCENT,
            by_union=satisfaction_by_union_between,
        ),
    ):
        metrics.register(metric)


def grade_series(user=None) -> list[dict]:
    """Per period, oldest first, over the grassroots unions in scope: how many scored, the
    count of each grade, trusted homes, and T3 and T4 as shares of the grassroots unions.
    Two queries, however many periods and unions."""
    from .models import Period

    cards = Scorecard.objects.all()
    unions = Union.objects.filter(parent__isnull=True)
    if user is not None:
        cards, unions = cards.for_user(user), unions.for_user(user)
    grassroots = unions.count()
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


def register_attention() -> None:
    from django.urls import reverse

    from cohesion_portal import attention

    from .models import Assessment, AssessmentStatus

    for status, label, order in (
        (AssessmentStatus.SUBMITTED, _("Self-inspections awaiting inspection"), 60),
        (AssessmentStatus.INSPECTED, _("Inspections awaiting approval"), 70),
    ):
        attention.register(
            attention.Attention(
                f"standards.{status}",
                label,
                count=lambda user, today, status=status: (
                    Assessment.objects.for_user(user).filter(status=status).count()
                ),
                url=lambda status=status: f"{reverse('standards:assessment_list')}?status={status}",
                icon="bi-clipboard-check",
                order=order,
            )
        )
