"""Following up the 月报 as the industry union does: late reports flagged on the status page
and in the Excel, who was reminded, the report beside the review, and a union's months not
yet filled in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from reports.models import MonthlyReport
from reports.selectors.monthly import is_late, unfilled_months

from .monthly_helpers import SEPTEMBER, submitted

D = datetime.date


def test_a_report_is_late_after_the_fifth_of_the_next_month():
    at = lambda day: timezone.make_aware(datetime.datetime(2026, 10, day, 12))  # noqa: E731
    assert not is_late(SEPTEMBER, at(5), D(2026, 11, 20))  # on the due day
    assert is_late(SEPTEMBER, at(6), D(2026, 11, 20))
    assert not is_late(SEPTEMBER, None, D(2026, 10, 5))  # not yet due
    assert is_late(SEPTEMBER, None, D(2026, 10, 6))  # not submitted, and the day has passed


@pytest.mark.django_db
def test_the_status_page_flags_the_late_ones(client, world):
    on_time = submitted(world, "A")
    MonthlyReport.objects.filter(pk=on_time.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(2026, 10, 4, 9))
    )
    late = submitted(world, "C")
    MonthlyReport.objects.filter(pk=late.pk).update(
        submitted_at=timezone.make_aware(datetime.datetime(2026, 10, 9, 9))
    )
    client.force_login(world.users["staff_lt"])
    response = client.get(reverse("reports:monthly_status"), {"month": "2026-09"})
    rows = {
        row.record.name: row.get_cell("state") for row in response.context["table"].page.object_list
    }
    assert "逾期" not in rows[world.unions["A"].name]
    assert "逾期" in rows[world.unions["C"].name]


@pytest.mark.django_db
def test_a_reminder_names_the_unions_it_went_to(client, world):
    client.force_login(world.users["staff_lt"])
    response = client.post(f"{reverse('reports:monthly_remind')}?month=2026-09", {}, follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    assert world.unions["A"].name in text and world.unions["C"].name in text
    assert world.unions["B"].name not in text  # another industry union's


@pytest.mark.django_db
def test_the_review_page_shows_the_report_beside_the_decision(client, world):
    report = submitted(world, "A")
    client.force_login(world.users["staff_lt"])
    page = client.get(reverse("reports:monthly_review", args=[report.pk])).content.decode()
    assert "召开会员大会，发展新会员。" in page  # what the union wrote
    assert 'id="report-under-review"' in page


@pytest.mark.django_db
def test_a_unions_months_not_filled_in(world):
    submitted(world, "A")  # September
    union = world.unions["A"]
    months = unfilled_months(union, D(2026, 11, 26), since=D(2026, 7, 15))
    assert months == [D(2026, 7, 1), D(2026, 8, 1), D(2026, 10, 1)]
    # At most a year back, however old the plan.
    assert len(unfilled_months(union, D(2026, 11, 26), since=D(2011, 5, 23))) == 11
