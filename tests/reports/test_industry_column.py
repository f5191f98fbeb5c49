"""The industry-union column of the 月报 status page and of the Excel's submissions sheet names
each row's own industry union, for a reader who sees both (the trial reported it wrong for some
rows; each row is checked here against the union it is about)."""

import pytest
from django.urls import reverse

from cohesion_portal.access import EVERYTHING, Reader
from reports.services.exports import report_context
from reports.sheets import submissions_sheet

from ..factories import make_union
from .monthly_helpers import SEPTEMBER, submitted

pytestmark = pytest.mark.django_db

# Each union of the world, by hand: A and C are light-textile unions, B an agri-water one.
INDUSTRY_OF = {"A": "轻纺", "C": "轻纺", "B": "农林水利"}


@pytest.fixture
def interleaved(world):
    """More unions of each industry union, made alternately, so that ids, names and tree order
    all interleave the two industry unions."""
    for i in range(3):
        make_union(f"甲{i}工会", industry_code="agri-water")
        make_union(f"乙{i}工会", industry_code="light-textile")
    submitted(world, "B")
    submitted(world, "A")
    return world


def expected(world) -> dict[str, str]:
    names = {world.unions[label].name: industry for label, industry in INDUSTRY_OF.items()}
    names |= {f"甲{i}工会": "农林水利" for i in range(3)}
    return names | {f"乙{i}工会": "轻纺" for i in range(3)}


def test_the_status_page_names_each_rows_own_industry_union(client, interleaved):
    client.force_login(interleaved.users["leader_all"])
    response = client.get(reverse("reports:monthly_status"), {"month": "2026-09"})
    table = response.context["table"]
    shown = {row.record.name: row.get_cell("industry_union") for row in table.paginated_rows}
    assert shown == expected(interleaved)


def test_the_excel_submissions_sheet_names_each_rows_own_industry_union(interleaved):
    report = report_context(Reader(EVERYTHING), SEPTEMBER, "全部")
    (table,) = submissions_sheet(report)
    assert {row[0]: row[1] for row in table.rows} == expected(interleaved)
