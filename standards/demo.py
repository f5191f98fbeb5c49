"""Demo data of the assessment: this year's plan, last year's period (every union inspected
and approved) and this year's (inspections at every step), surveys, a few veto items, and
the scorecards the job computes from all of it."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from simple_history.utils import bulk_create_with_history

from unions.models import Role, Union

from .defaults import ensure_defaults
from .models import (
    Assessment,
    AssessmentScore,
    AssessmentStatus,
    Method,
    Period,
    Plan,
    Scheme,
    Survey,
    SurveyResponse,
    VetoHit,
)
from .scoring import score_period
from .services import scored_by_people

SEED_PLAN = "大轻纺工[2011]7号"
# This year's inspections, by how far they have got.
STEPS = [
    (AssessmentStatus.DRAFT, 0.1),
    (AssessmentStatus.SUBMITTED, 0.15),
    (AssessmentStatus.INSPECTED, 0.25),
    (AssessmentStatus.APPROVED, 0.5),
]


def finish_demo(*, builder) -> dict:
    """After every app's records exist: the scorecards read them all."""
    rng, today = builder.rng, builder.today
    ensure_defaults()
    scheme = Scheme.objects.order_by("pk").first()
    _this_years_plan(today)
    unions = list(Union.objects.filter(parent__isnull=True).order_by("pk"))
    quality = {union.pk: rng.uniform(0.6, 1.0) for union in unions}  # how well each is run
    last_year = _period(scheme, today.year - 1)
    this_year = _period(scheme, today.year)
    _assessments(rng, last_year, unions, quality, lambda union: AssessmentStatus.APPROVED)
    # The demo officer's union has its self-inspection of this year to do (README: try it).
    officers = set(Role.objects.filter(user__username="officer").values_list("union_id", flat=True))
    _assessments(
        rng,
        this_year,
        unions,
        quality,
        lambda union: AssessmentStatus.DRAFT if union.pk in officers else _step(rng),
    )
    for period in (last_year, this_year):
        _surveys(rng, period, unions, quality, today)
        _vetoes(rng, period, unions, today)
    cards = score_period(last_year, today=last_year.ends_on) + score_period(this_year, today=today)
    return {"scorecards": cards}


def _step(rng):
    draw, total = rng.random(), 0.0
    for status, share in STEPS:
        total += share
        if draw < total:
            return status
    return STEPS[-1][0]


def _this_years_plan(today):
    """The industry union's plan for this year: the seed plan's targets, due at year end."""
    seed = Plan.objects.filter(document_number=SEED_PLAN).first()
    if seed is None:
        return
    plan = Plan.objects.create(
        name=f"{today.year}年度“凝聚力工程”工作要点",
        document_number=f"大轻纺工[{today.year}]2号",
        issued_by=seed.issued_by,
        starts_on=datetime.date(today.year, 1, 1),
        ends_on=datetime.date(today.year, 12, 31),
        summary="延续“凝聚力工程”实施方案的各项目标，按年度考核。",
    )
    for target in seed.targets.all():
        plan.targets.create(
            code=target.code,
            title=target.title,
            wording=target.wording,
            metric=target.metric,
            value=target.value,
            deadline=plan.ends_on,
            order=target.order,
        )


def _period(scheme, year) -> Period:
    return Period.objects.create(
        name=f"{year}年度",
        scheme=scheme,
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )


def _assessments(rng, period, unions, quality, status_of):
    inspector = get_user_model().objects.filter(username="qf_cadre").first()
    indicators = list(scored_by_people(period))
    assessments, scores = [], []
    for union in unions:
        status = status_of(union)
        assessment = Assessment(
            period=period,
            union=union,
            status=status,
            inspected_by=inspector
            if status in (AssessmentStatus.INSPECTED, AssessmentStatus.APPROVED)
            else None,
        )
        assessments.append(assessment)
    created = bulk_create_with_history(assessments, Assessment, batch_size=1000)
    for assessment in created:
        q = quality[assessment.union_id]
        inspected = assessment.status in (AssessmentStatus.INSPECTED, AssessmentStatus.APPROVED)
        for indicator in indicators:
            share = max(0.0, min(1.0, rng.gauss(q, 0.08)))
            # In half points, as inspectors give them.
            given = Decimal(round(float(indicator.max_points) * share * 2)) / 2
            own = (
                indicator.method == Method.SELF_ASSESSED
                and assessment.status != AssessmentStatus.DRAFT
            )
            scores.append(
                AssessmentScore(
                    assessment=assessment,
                    indicator=indicator,
                    self_points=min(indicator.max_points, given + Decimal("0.5")) if own else None,
                    self_evidence="见台账和会议记录"
                    if assessment.status != AssessmentStatus.DRAFT
                    else "",
                    points=given if inspected else None,
                    reason="查阅台账，符合要求" if inspected else "",
                )
            )
    bulk_create_with_history(scores, AssessmentScore, batch_size=2000)


def _steps_done(status) -> int:
    order = [s for s, _share in STEPS]
    return order.index(status)


def _moment(period, rng, days_after):
    """A working hour in the period's last quarter (when inspections happen), or earlier this
    year for the current one."""
    from django.utils import timezone

    last = min(period.ends_on, timezone.localdate())
    day = max(period.starts_on, last - datetime.timedelta(days=60 - days_after))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9 + rng.randint(0, 8))))


def _surveys(rng, period, unions, quality, today):
    opens = datetime.date(period.starts_on.year, 10, 1)
    if opens > today:
        return
    surveys = [
        Survey(
            period=period, union=u, opens_on=opens, closes_on=opens + datetime.timedelta(days=30)
        )
        for u in unions
        if rng.random() < 0.9
    ]
    created = bulk_create_with_history(surveys, Survey, batch_size=1000)
    answers = []
    for survey in created:
        rate = max(
            0.5, min(0.99, rng.gauss(0.75 + 0.2 * (quality[survey.union_id] - 0.6) / 0.4, 0.06))
        )
        for _ in range(rng.randint(15, 40)):
            draw = rng.random()
            answer = (
                "satisfied" if draw < rate * 0.7 else "fairly" if draw < rate else "dissatisfied"
            )
            answers.append(SurveyResponse(survey=survey, answer=answer))
    SurveyResponse.objects.bulk_create(answers, batch_size=5000)


def _vetoes(rng, period, unions, today):
    items = list(period.scheme.veto_items.all())
    last_day = min(period.ends_on, today)
    hits = [
        VetoHit(
            period=period,
            union=union,
            veto_item=rng.choice(items),
            occurred_on=period.starts_on
            + datetime.timedelta(days=rng.randint(0, (last_day - period.starts_on).days)),
            note="经核实，情况属实。",
        )
        for union in unions
        if rng.random() < 0.02
    ]
    bulk_create_with_history(hits, VetoHit, batch_size=1000)
