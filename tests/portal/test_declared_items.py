"""Contract tests over everything an app declares (cohesion_portal.plugins): parametrized from
the registries, so a new app's figures, sheets, attention items and reminder rules are held to
the same rules the moment it declares them, with nothing written here for it.

The records are the demo data (every app's DEMO, at a tiny scale): a plausible year in every
app, so each declared item has something to count, and each test says so when it has not.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cohesion_portal import attention, metrics, monthly_figures, reminder_rules, sheets
from cohesion_portal.access import EVERYTHING, Reader
from cohesion_portal.dates import previous_month
from reminders.services import refresh_reminders
from reports.services.exports import report_context
from standards.models import Indicator, Target
from unions.demo import DemoBuilder, Scale
from unions.models import Union

from ..factories import industry

DAY = datetime.date(2026, 11, 20)
MONTHS = [datetime.date(2025, 12, 1), *(datetime.date(2026, m, 1) for m in range(1, 12))]
YEAR = (datetime.date(2026, 1, 1), DAY)
SMALL = Scale(grassroots_unions=24, enterprises=120, members=600, pending_transfers=2)
LARGER = Scale(grassroots_unions=48, enterprises=240, members=1_200, pending_transfers=4)


def keyed(items):
    return pytest.mark.parametrize(
        "item", items, ids=[getattr(item, "key", None) or item.kind for item in items]
    )


# (a seed whose small demo has every case: a contract ending within 90 days, a congress
# overdue, a report asked for)
SEED = 14


def build_demo(scale: Scale, today: datetime.date = DAY) -> None:
    industry("light-textile"), industry("agri-water")
    DemoBuilder(scale=scale, seed=SEED, today=today).build()


@pytest.fixture
def demo(db):
    build_demo(SMALL)


@pytest.fixture
def demo_as_of_today(db):
    """The demo built as of the real today, which the attention items and their lists count
    on (a list page reads the calendar): its cases stand where they stand on any day."""
    build_demo(SMALL, timezone.localdate())


@pytest.mark.django_db
@keyed(monthly_figures.figures())
def test_a_monthly_figure_of_one_union_is_the_same_read_for_all(demo, item):
    unions = list(Union.objects.filter(parent__isnull=True))
    seen = []
    for month in MONTHS:
        for_all = monthly_figures.values(item, month, [union.pk for union in unions], DAY)
        for union in unions:
            one = monthly_figures.value(item, union, month, DAY)
            assert one == for_all[union.pk], (item.key, month, union.name)
            seen.append(one)
    assert any(seen), f"{item.key}: no value in the demo's year; its app's DEMO gives it nothing"


def queries(function) -> int:
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def counted_at_two_sizes(function) -> tuple[int, int]:
    with transaction.atomic():
        build_demo(SMALL)
        small = queries(function)
        transaction.set_rollback(True)
    build_demo(LARGER)
    return small, queries(function)


@pytest.mark.django_db
@keyed([metric for metric in metrics.all_metrics() if metric.by_union])
def test_a_figure_by_union_runs_the_same_queries_at_two_sizes(item):
    small, large = counted_at_two_sizes(lambda: item.by_union(*YEAR))
    assert small == large, item.key
    assert item.by_union(*YEAR), f"{item.key}: no union has a value in the demo's year"


@pytest.mark.django_db
@keyed(sheets.all_sheets())
def test_a_sheet_runs_the_same_queries_at_two_sizes(item):
    built = []

    def build():
        report = report_context(Reader(EVERYTHING), previous_month(DAY), "全部")
        built[:] = item.build(report)

    small, large = counted_at_two_sizes(build)
    assert small == large, item.key
    assert built and all(table.rows for table in built), f"{item.key}: an empty table"
    for table in built:
        assert all(len(row) == len(table.columns) for row in table.rows), item.key


def rows_listed(response) -> int:
    """The rows of a list page: a table's, or a paginated ListView's."""
    if "table" in response.context:
        table = response.context["table"]
        return table.page.paginator.count if getattr(table, "page", None) else len(table.rows)
    page = response.context.get("page_obj")
    return page.paginator.count if page else len(response.context["object_list"])


@pytest.mark.django_db
@keyed(attention.items())
def test_an_attention_count_is_the_number_of_rows_of_its_list(client, demo_as_of_today, item):
    today = timezone.localdate()
    counted = []
    for user in get_user_model().objects.order_by("username"):
        count = item.count(user, today)
        client.force_login(user)
        response = client.get(item.url())
        where = (item.key, user.username)
        if response.status_code == 200:
            assert rows_listed(response) == count, where
        else:  # a role that may not open the list has nothing counted there
            assert (response.status_code, count) == (403, 0), where
        counted.append(count)
    assert any(counted), f"{item.key}: counts nothing for anyone in the demo"


@pytest.mark.django_db
@keyed(reminder_rules.rules())
def test_a_reminder_rule_run_twice_opens_nothing_twice(demo, item, monkeypatch):
    """On a few days around the end of a month, as the daily task would run."""
    monkeypatch.setattr(reminder_rules, "rules", lambda: [item])
    found = 0
    for day in (DAY, DAY + datetime.timedelta(days=8), DAY + datetime.timedelta(days=16)):
        found += len(list(item.find(day)))
        refresh_reminders(day)
        second = refresh_reminders(day)
        assert (second.opened, second.reopened, second.closed) == (0, 0, 0), (item.kind, day)
    assert found, f"{item.kind}: finds no case in the demo"


@pytest.mark.django_db
def test_every_metric_the_plan_or_the_scheme_names_is_declared_or_pending():
    named = {
        *Target.objects.values_list("metric", flat=True),
        *Indicator.objects.exclude(metric="").values_list("metric", flat=True),
    }
    unknown = {key for key in named if metrics.get(key) is None and key not in metrics.PENDING}
    assert not unknown, f"named by the plan's data but declared by no app: {sorted(unknown)}"
    assert not [key for key in metrics.PENDING if metrics.get(key)], "declared: no longer pending"
    assert set(metrics.PENDING) <= named, "pending, but named by nothing"
