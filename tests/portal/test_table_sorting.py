"""Every table of the portal sorts by every column it offers to sort by, both ways.

The tables are found from the URL configuration (a view with a `table_class`), so a later
app's tables are sorted too. A column whose accessor the database cannot order by is a server
error here rather than in front of an officer who clicked its header.
"""

import pytest
from django.urls import reverse

from ..scoping import build_records
from .test_view_walk import PUBLIC, ROUTES, view_class

TABLE_PAGES = [
    (name, view_class(pattern).table_class)
    for name, pattern in ROUTES
    if name not in PUBLIC
    and not pattern.pattern.converters
    and getattr(view_class(pattern), "table_class", None)
]


def sortable_columns(table_class) -> list[str]:
    table = table_class(data=[])
    return [column.name for column in table.columns if column.orderable]


def test_the_tables_are_found():
    assert len(TABLE_PAGES) >= 10, [name for name, _table in TABLE_PAGES]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "table_class"), TABLE_PAGES, ids=[n for n, _t in TABLE_PAGES])
def test_every_orderable_column_sorts_both_ways(client, world, name, table_class):
    build_records(world)
    client.force_login(world.users["superuser"])
    columns = sortable_columns(table_class)
    assert columns, f"{name}: a table with no column to sort by"
    field = table_class(data=[]).prefixed_order_by_field
    for column in columns:
        for order in (column, f"-{column}"):
            response = client.get(reverse(name), {field: order})
            assert response.status_code == 200, (name, order)
            table = response.context["table"]
            assert [c.name for c in table.columns if c.is_ordered] == [column], (name, order)
