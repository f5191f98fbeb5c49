"""Figures about the union tree and enterprises, always within a user's scope.

Each function answers for many unions in a fixed number of queries (GROUP BY, not a loop).
"""

from collections import defaultdict

from django.db.models import Count, Q, Sum
from django.db.models.functions import Length, Substr

from .models import Enterprise, Union


def scope_overview(user) -> dict:
    """The headline counts of the user's scope, for the workbench.

    The union establishment rate (建会率) is unionized enterprises ÷ all enterprises in scope;
    it is None where the scope holds no enterprise.
    """
    unions = Union.objects.for_user(user).aggregate(
        grassroots=Count("pk", filter=Q(parent__isnull=True)),
        units=Count("pk", filter=Q(parent__isnull=False)),
    )
    unionized = Q(union__isnull=False)
    enterprises = Enterprise.objects.for_user(user).aggregate(
        total=Count("pk"),
        unionized=Count("pk", filter=unionized),
        employees=Sum("headcount", filter=unionized, default=0),
        migrants=Sum("migrant_headcount", filter=unionized, default=0),
    )
    rate = enterprises["unionized"] / enterprises["total"] if enterprises["total"] else None
    return {**unions, "enterprises": enterprises, "establishment_rate": rate}


def subtree_counts(unions) -> dict[int, dict]:
    """For each union: direct sub-units, all units below it, enterprises and employees in its
    subtree. Two queries per depth present among `unions` (usually one depth)."""
    by_depth = defaultdict(dict)
    for union in unions:
        by_depth[len(union.path)][union.path] = union.pk
    counts = {
        pk: {"children": 0, "units": 0, "enterprises": 0, "employees": 0}
        for paths in by_depth.values()
        for pk in paths.values()
    }
    for length, paths in by_depth.items():
        prefix = Substr("path", 1, length)
        rows = (
            Union.objects.annotate(prefix=prefix, path_length=Length("path"))
            .filter(prefix__in=list(paths), path_length__gt=length)
            .values("prefix")
            .annotate(
                units=Count("pk"),
                children=Count("pk", filter=Q(path_length=length + Union.SEGMENT)),
            )
        )
        for row in rows:
            counts[paths[row["prefix"]]].update(units=row["units"], children=row["children"])
        rows = (
            Enterprise.objects.annotate(prefix=Substr("union__path", 1, length))
            .filter(prefix__in=list(paths))
            .values("prefix")
            .annotate(enterprises=Count("pk"), employees=Sum("headcount"))
        )
        for row in rows:
            counts[paths[row["prefix"]]].update(
                enterprises=row["enterprises"], employees=row["employees"] or 0
            )
    return counts
