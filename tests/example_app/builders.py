"""A record of the example app in a given union, for the view walk (tests/scoping.py)."""

import datetime

from tests.scoping import builds

from .models import Visit

QUERY_BOUNDS = {"example:visit_list": 8}  # (tests/portal/test_query_bounds.py)


@builds(Visit)
def visit_in(union):
    return Visit.objects.create(
        union=union,
        worker=f"{union.name}·走访",
        visited_on=datetime.date(2026, 11, 2),
        follow_up=True,
    )
