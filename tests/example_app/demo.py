"""The example app's demo records: a visit a month in each grassroots union, the last ones
still to be followed up."""

import datetime

from simple_history.utils import bulk_create_with_history

from unions.models import Union

from .models import Visit


def extend_demo(*, builder) -> dict:
    visits = [
        Visit(
            union=union,
            worker=builder.person(),
            visited_on=builder.today - datetime.timedelta(days=30 * months_ago),
            follow_up=months_ago == 0,
        )
        for union in Union.objects.filter(parent__isnull=True).order_by("pk")
        for months_ago in range(12)
    ]
    bulk_create_with_history(visits, Visit)
    return {"visits": len(visits)}
