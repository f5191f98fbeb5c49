"""The monthly report's pages: the union's form and list, a report's page and review, the
industry union's submission status with its reminders, the attention item and the workbench."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cohesion_portal import attention
from cohesion_portal.dates import previous_month
from reminders.models import Reminder
from reports.models import MonthlyReport

from ..factories import make_union
from ..plugged import later_monthly_figures
from ..scoping import monthly_report_of
from .monthly_helpers import SEPTEMBER, TEXTS, submitted

pytestmark = pytest.mark.django_db

FILL = reverse("reports:monthly_fill")
NEW = {"record_version": 0}  # a form opened before the report was begun


def opened(report) -> dict:
    """The version a form of the report opened now carries."""
    return {"record_version": MonthlyReport.objects.get(pk=report.pk).version}


STATUS = reverse("reports:monthly_status")


def login(client, world, persona):
    client.force_login(world.users[persona])
    return client


def test_the_form_shows_the_figures_from_the_records_and_saves_a_draft(client, world):
    login(client, world, "officer_a")
    page = client.get(FILL, {"month": "2026-09"})
    assert page.status_code == 200
    assert "monthly-figures" in page.content.decode()
    response = client.post(f"{FILL}?month=2026-09", {**TEXTS, **NEW, "save": "1"})
    assert response.status_code == 302
    report = MonthlyReport.objects.get()
    assert (report.union, report.month, report.status) == (world.unions["A"], SEPTEMBER, "draft")


def test_submitting_twice_from_the_form_submits_once(client, world):
    login(client, world, "officer_a")
    first = client.post(f"{FILL}?month=2026-09", {**TEXTS, **NEW, "submit": "1"})
    report = MonthlyReport.objects.get()
    assert first.status_code == 302 and first["Location"] == report.get_absolute_url()
    second = client.post(f"{FILL}?month=2026-09", {**TEXTS, **NEW, "submit": "1"})
    assert second.status_code == 302 and second["Location"] == report.get_absolute_url()
    assert report.history.filter(status="submitted").count() == 1


def test_an_error_is_shown_next_to_the_field_and_nothing_is_saved(client, world):
    login(client, world, "officer_a")
    response = client.post(f"{FILL}?month=2026-09", {"work_done": "", "submit": "1", **NEW})
    assert response.status_code == 200
    assert response.context["form"].errors["work_done"]
    assert not MonthlyReport.objects.exists()


def test_a_future_month_is_not_offered(client, world):
    login(client, world, "officer_a")
    next_month = (timezone.localdate().replace(day=28) + datetime.timedelta(days=5)).replace(day=1)
    response = client.get(FILL, {"month": f"{next_month:%Y-%m}"})
    assert response.status_code == 200
    assert response.context["month"] < next_month


def test_a_submitted_report_is_shown_read_only_in_the_form(client, world):
    submitted(world)
    login(client, world, "officer_a")
    response = client.get(FILL, {"month": "2026-09"})
    assert not response.context["editable"]
    assert "<textarea" not in response.content.decode()


def test_an_officer_cannot_open_another_unions_form_or_report(client, world):
    login(client, world, "officer_a")
    assert client.get(FILL, {"union": world.unions["C"].pk}).status_code == 404
    other = monthly_report_of(world.deepest["C"])
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get(reverse("reports:monthly_review", args=[other.pk])).status_code == 404


def test_the_area_cadre_reads_but_neither_writes_nor_reviews(client, world):
    report = submitted(world)
    login(client, world, "cadre_a")
    page = client.get(report.get_absolute_url())
    assert page.status_code == 200 and page.context["review_form"] is None
    assert client.get(FILL).status_code == 403
    assert client.get(reverse("reports:monthly_review", args=[report.pk])).status_code == 403


def test_staff_of_the_other_industry_union_get_404(client, world):
    report = submitted(world)
    login(client, world, "staff_aw")
    assert client.get(report.get_absolute_url()).status_code == 404
    assert client.post(reverse("reports:monthly_review", args=[report.pk]), {}).status_code == 404


def test_the_staff_return_a_report_with_a_comment_and_accept_the_corrected_one(client, world):
    report = submitted(world)
    login(client, world, "staff_lt")
    page = client.get(report.get_absolute_url())
    assert page.context["review_form"] is not None
    review = reverse("reports:monthly_review", args=[report.pk])
    refused = client.post(review, {"decision": "return", "comment": "", **opened(report)})
    assert refused.status_code == 200 and refused.context["form"].errors["comment"]
    client.post(review, {"decision": "return", "comment": "请补充活动情况。", **opened(report)})
    report.refresh_from_db()
    assert report.status == "returned" and report.review_comment == "请补充活动情况。"

    login(client, world, "officer_a")
    assert "请补充活动情况" in client.get(FILL, {"month": "2026-09"}).content.decode()
    client.post(f"{FILL}?month=2026-09", {**TEXTS, "submit": "1", **opened(report)})
    login(client, world, "staff_lt")
    client.post(review, {"decision": "accept", "comment": "", **opened(report)})
    report.refresh_from_db()
    assert report.status == "accepted"
    steps = [s["status"] for s in client.get(report.get_absolute_url()).context["steps"]]
    assert steps == ["submitted", "returned", "submitted", "accepted"]


def test_the_status_page_lists_every_union_of_the_area_with_its_state(client, world):
    submitted(world, "A")
    login(client, world, "staff_lt")
    response = client.get(STATUS, {"month": "2026-09"})
    assert response.status_code == 200
    rows = {row.record.name: row.record.state for row in response.context["table"].page.object_list}
    assert rows == {"单元A工会委员会": "submitted", "单元C工会委员会": "not_started"}
    counts = response.context["counts"]
    assert (counts["submitted"], counts["not_started"], counts["outstanding"]) == (1, 1, 1)
    narrowed = client.get(STATUS, {"month": "2026-09", "state": "outstanding"})
    names = [row.record.name for row in narrowed.context["table"].page.object_list]
    assert names == ["单元C工会委员会"]


def test_the_status_page_sends_a_reminder_once(client, world):
    login(client, world, "staff_lt")
    remind = reverse("reports:monthly_remind")
    query = f"?month=2026-09&union={world.unions['C'].pk}"
    assert client.get(remind + query).status_code == 200
    client.post(remind + query)
    client.post(remind + query)
    assert Reminder.objects.filter(union=world.unions["C"]).count() == 1
    client.post(f"{remind}?month=2026-09")  # all not submitted: A gets one, C has one
    assert Reminder.objects.count() == 2
    assert client.post(f"{remind}?union={world.unions['B'].pk}").status_code == 404


def test_the_officer_and_the_cadre_cannot_send_reminders(client, world):
    for persona in ("officer_a", "cadre_a", "leader_lt"):
        login(client, world, persona)
        assert client.post(f"{reverse('reports:monthly_remind')}?month=2026-09").status_code == 403
    assert not Reminder.objects.exists()


@pytest.mark.parametrize("persona", ["officer_a", "cadre_a", "staff_lt", "leader_all", "superuser"])
def test_the_attention_number_and_its_list_agree(client, world, persona):
    last = previous_month(timezone.localdate())
    submitted(world, "C", last)
    item = next(i for i in attention.items() if i.key == "reports.monthly_outstanding")
    user = world.users[persona]
    number = item.count(user, timezone.localdate())
    login(client, world, persona)
    listed = client.get(item.url())
    assert listed.status_code == 200
    assert listed.context["table"].paginator.count == number
    expected = {"officer_a": 1, "cadre_a": 1, "staff_lt": 1, "leader_all": 2, "superuser": 2}
    assert number == expected[persona]


def test_the_officers_workbench_shows_the_report_to_write(client, world):
    login(client, world, "officer_a")
    page = client.get(reverse("home"))
    assert page.status_code == 200
    card = page.context["monthly_report"]
    assert card["month"] == previous_month(timezone.localdate()) and card["report"] is None
    assert "own-monthly-report" in page.content.decode()
    submitted(world, "A", card["month"])
    card = client.get(reverse("home")).context["monthly_report"]
    assert card["month"] == timezone.localdate().replace(day=1)


def grow(world, size):
    for i in range(size):
        union = make_union(f"月报扩展工会{i}")
        monthly_report_of(union)
        submitted(world, "A", datetime.date(2025, 1, 1) + datetime.timedelta(days=31 * i))


@pytest.mark.parametrize("size", [1, 12])
@pytest.mark.parametrize(
    ("persona", "name", "bound"),
    [  # measured: session, user, role, the reminder bell and the sidebar's permissions included
        ("staff_lt", "reports:monthly_status", 9),
        ("staff_lt", "reports:monthly_list", 8),
        ("officer_a", "reports:monthly_list", 15),  # (+3: the months not filled in)
        # the figures: one query each
        ("officer_a", "reports:monthly_fill", 17 + later_monthly_figures()),  # (+ the plan period)
        ("staff_lt", "reports:monthly_detail", 10),
        ("staff_lt", "reports:monthly_remind", 7),
    ],
)
def test_the_pages_stay_within_their_query_bound(
    client, world, django_assert_max_num_queries, size, persona, name, bound
):
    grow(world, size)
    if name == "reports:monthly_detail":
        url = MonthlyReport.objects.filter(union=world.unions["A"]).first().get_absolute_url()
    else:
        url = reverse(name)
    login(client, world, persona)
    with django_assert_max_num_queries(bound):
        response = client.get(url, {"month": "2026-09"} if name.endswith("status") else {})
    assert response.status_code == 200
