"""A small scheme built by hand for the scoring tests, so that every point is known.

organisation (60): coverage, computed: ≥ 75% → 40, ≥ 50% → 20  (max 40)
                   assembly, assessed by the inspector           (max 20)
funds (40):        dues, self-assessed, confirmed by the inspector (max 40)
AAA ≥ 90 with every dimension ≥ 60%; AA ≥ 70 with ≥ 50%; A ≥ 50
veto "safety" caps the grade at A; veto "funds" at no grade
trusted home: AA or better, no veto, satisfaction ≥ 80%
"""

import datetime
from decimal import Decimal

from standards.models import Period, Plan, Scheme


def small_scheme() -> Scheme:
    scheme = Scheme.objects.create(name="测试标准", survey_min_answers=3)
    organisation = scheme.dimensions.create(code="org", name="组织建设好", weight=60, order=0)
    coverage = organisation.indicators.create(
        code="coverage",
        name="集体合同覆盖率",
        max_points=40,
        method="computed",
        metric="contracts.coverage",
        order=0,
    )
    coverage.thresholds.create(at_least=75, points=40)
    coverage.thresholds.create(at_least=50, points=20)
    organisation.indicators.create(
        code="assembly", name="会员大会", max_points=20, method="assessed", order=1
    )
    funds = scheme.dimensions.create(code="funds", name="经费资产管理好", weight=40, order=1)
    funds.indicators.create(code="dues", name="经费拨缴", max_points=40, method="self", order=0)
    scheme.grade_rules.create(grade="AAA", min_total=90, min_dimension_share=60)
    scheme.grade_rules.create(grade="AA", min_total=70, min_dimension_share=50)
    scheme.grade_rules.create(grade="A", min_total=50, min_dimension_share=0)
    scheme.veto_items.create(code="safety", name="重大安全事故", caps_grade_at="A")
    scheme.veto_items.create(code="funds", name="违规使用经费", caps_grade_at="")
    return scheme


def period_2026(scheme) -> Period:
    return Period.objects.create(
        name="2026年度",
        scheme=scheme,
        starts_on=datetime.date(2026, 1, 1),
        ends_on=datetime.date(2026, 12, 31),
    )


def indicator(scheme, code):
    return scheme.dimensions.get(indicators__code=code).indicators.get(code=code)


D = Decimal


def plan_with_t1_and_t2(starts_on: datetime.date, ends_on: datetime.date) -> Plan:
    """A plan with two targets due at its end: T1, 10 new-generation recruits; T2, 93%
    collective contract coverage."""
    plan = Plan.objects.create(
        name="本年度工作要点", issued_by="产业工会", starts_on=starts_on, ends_on=ends_on
    )
    for order, (code, title, metric, value) in enumerate(
        (
            ("T1", "入会", "unions.new_generation_recruits", 10),
            ("T2", "覆盖率", "contracts.coverage", 93),
        ),
        start=1,
    ):
        plan.targets.create(
            code=code, title=title, metric=metric, value=value, deadline=ends_on, order=order
        )
    return plan
