"""Where a plan's targets stand: the figure, the share, the projection, the status."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cohesion_portal.access import EVERYTHING, Reader
from contracts.metrics import coverage
from standards.models import Plan
from standards.targets import evaluate

from ..factories import EnterpriseFactory, enrol
from ..scoping import contract_of

ALL = Reader(EVERYTHING)  # (read by no person: every union)


def plan_starting(days_ago):
    today = timezone.localdate()
    return Plan.objects.create(
        name="年度计划",
        issued_by="产业工会",
        starts_on=today - datetime.timedelta(days=days_ago),
        ends_on=today + datetime.timedelta(days=100),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("goal", "status"), [(20, "on_track"), (22, "at_risk"), (30, "behind"), (10, "achieved")]
)
def test_recruits_are_projected_from_the_pace_so_far(world, goal, status):
    today = timezone.localdate()
    plan = plan_starting(100)
    for day in range(10):  # ten recruits in the plan's first hundred days
        enrol(world.unions["A"], joined_on=today - datetime.timedelta(days=5 + day * 9))
    target = plan.targets.create(
        code="T1",
        title="发展新生代农民工入会",
        metric="unions.new_generation_recruits",
        value=goal,
        deadline=today + datetime.timedelta(days=100),
    )
    state = evaluate(target, today=today, user=ALL)
    assert state.current == 10
    assert state.projected == 20  # 10 in 100 days; 100 days to go
    assert state.status == status
    assert state.share == round(100 * 10 / goal, 2)  # kept with two decimals


@pytest.mark.django_db
def test_coverage_is_the_contracts_figure_in_the_users_scope(client, world):
    today = timezone.localdate()
    plan = plan_starting(30)
    target = plan.targets.create(
        code="T2",
        title="集体合同覆盖率",
        metric="contracts.coverage",
        value=93,
        deadline=today + datetime.timedelta(days=100),
    )
    covered = contract_of(world.unions["A"]).enterprises.get()  # in force until 2027-12-31
    EnterpriseFactory(union=world.unions["A"])
    EnterpriseFactory(union=world.unions["B"])  # another industry: not in officer_a's scope
    figures = coverage(today, user=world.users["officer_a"])
    assert (figures.covered, figures.unionized) == (1, 2)
    state = evaluate(target, today=today, user=world.users["officer_a"])
    assert state.current == 50.0
    assert covered.union == world.unions["A"]

    client.force_login(world.users["officer_a"])
    page = client.get(reverse("standards:plan_detail", args=[plan.pk]))
    row = page.content.decode().split('id="target-T2"')[1].split("</tr>")[0]
    assert ">50.0%<" in row  # one decimal, as every rate on the pages


@pytest.mark.django_db
def test_a_target_whose_figure_is_still_to_come_says_no_data(client, world):
    plan = plan_starting(30)
    target = plan.targets.create(
        code="T5",
        title="职工书屋",
        metric="later_app.book_rooms",  # (an app still to come)
        value=10,
        deadline=timezone.localdate() + datetime.timedelta(days=100),
    )
    state = evaluate(target, today=timezone.localdate(), user=ALL)
    assert (state.status, state.current) == ("no_data", None)
    client.force_login(world.users["staff_lt"])
    page = client.get(reverse("standards:plan_detail", args=[plan.pk])).content.decode()
    assert "暂无数据" in page and "相应模块开通后开始统计" in page


@pytest.mark.django_db
def test_the_seed_plan_and_default_scheme_are_loaded():
    from standards.defaults import ensure_defaults
    from standards.models import Scheme

    ensure_defaults()  # (a test that commits flushes what the migration loaded)
    plan = Plan.objects.get(document_number="大轻纺工[2011]7号")
    assert list(plan.targets.values_list("code", flat=True)) == [f"T{n}" for n in range(1, 8)]
    scheme = Scheme.objects.get(name="“六好”基层工会评价标准（默认）")
    dimensions = list(scheme.dimensions.all())
    assert len(dimensions) == 7  # the plan's seven "goods"
    assert sum(d.weight for d in dimensions) == 100
    for dimension in dimensions:
        assert sum(i.max_points for i in dimension.indicators.all()) == dimension.weight


@pytest.mark.django_db
def test_staff_add_next_years_plan_with_the_targets_of_this_one(client, world):
    source = plan_starting(30)
    source.targets.create(
        code="T2",
        title="集体合同覆盖率",
        metric="contracts.coverage",
        value=93,
        deadline=source.ends_on,
    )
    client.force_login(world.users["officer_a"])
    assert client.get(reverse("standards:plan_create")).status_code == 403
    client.force_login(world.users["staff_lt"])
    response = client.post(
        reverse("standards:plan_create"),
        {
            "name": "2027年度工作要点",
            "issued_by": "大连市轻纺工会",
            "starts_on": "2027-01-01",
            "ends_on": "2027-12-31",
            "copy_targets_from": source.pk,
        },
    )
    assert response.status_code == 302
    plan = Plan.objects.get(name="2027年度工作要点")
    target = plan.targets.get()
    assert (target.code, target.value, target.deadline) == ("T2", 93, datetime.date(2027, 12, 31))

    url = reverse("standards:target_edit", args=[target.pk])
    data = {
        "code": "T2",
        "title": "覆盖率",
        "wording": "",
        "metric": "contracts.coverage",
        "value": "120",
        "deadline": "2027-12-31",
        "order": "1",
        "record_version": target.version,
    }
    assert client.post(url, data).context["form"].errors["value"] == ["比率不能超过 100%。"]
    data["value"] = "-5"
    assert client.post(url, data).context["form"].errors["value"] == ["确保该值大于或等于0。"]
    data["value"] = "95"
    assert client.post(url, data).status_code == 302
    target.refresh_from_db()
    assert target.value == 95


@pytest.mark.django_db
def test_a_plan_not_started_and_the_deadline_day(world):
    today = timezone.localdate()
    future = Plan.objects.create(
        name="明年计划",
        issued_by="产业工会",
        starts_on=today + datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=300),
    )
    target = future.targets.create(
        code="T1",
        title="入会",
        metric="unions.new_generation_recruits",
        value=5,
        deadline=future.ends_on,
    )
    assert evaluate(target, today=today, user=ALL).status == "not_started"

    plan = plan_starting(30)
    enrol(world.unions["A"], joined_on=today - datetime.timedelta(days=3))
    due_today = plan.targets.create(
        code="T1",
        title="入会",
        metric="unions.new_generation_recruits",
        value=5,
        deadline=today,
    )
    assert (
        evaluate(due_today, today=today, user=ALL).status == "behind"
    )  # still today: not yet missed
    assert (
        evaluate(due_today, today=today + datetime.timedelta(days=1), user=ALL).status == "missed"
    )
