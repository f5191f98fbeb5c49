"""Narrowing a user's area: the dashboard's filters (an industry union, an area cadre's unions)
and the lists its numbers link to.

A filter only ever narrows: the area read is the intersection of the user's own scope with the
chosen industry union and with the unions assigned to the chosen cadre today, so no choice (nor
an id typed into the address) shows anything outside the user's scope. The result is an
`access.Reader` that goes wherever a user goes in `for_user(...)`.

The lists understand the same narrowing from the query string (`?industry_union=1&cadre=7`,
`AREA_PARAMETERS`): `ScopedListView` reads it, so a number on the dashboard and the list behind
it count the same rows.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode

from .access import EMPTY, Reader, Scope, organisation, scope_for
from .params import query_id

AREA_PARAMETERS = ("industry_union", "cadre")


def _outermost(paths) -> tuple[str, ...]:
    """The paths not inside another of them, sorted (a subtree inside another adds nothing)."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not any(path.startswith(outer) for outer in kept):
            kept.append(path)
    return tuple(kept)


def intersect(first: Scope, second: Scope) -> Scope:
    """The unions and industry-union records that both scopes hold.

    A scope is a union (OR) of whole industry unions and union subtrees, so the intersection is:
    the industry unions both hold whole; each subtree of one that lies inside a subtree of the
    other (the inner one); each subtree of one that lies in an industry union the other holds
    whole. One query, only when one side holds whole industry unions and the other subtrees.
    """
    if first.everything:
        return second
    if second.everything:
        return first
    industries = first.industry_union_ids & second.industry_union_ids
    paths = [
        inner
        for a in first.subtree_paths
        for b in second.subtree_paths
        for inner in ((a,) if a.startswith(b) else (b,) if b.startswith(a) else ())
    ]
    if first.industry_union_ids or second.industry_union_ids:
        industry_of = organisation().industries_of({*first.subtree_paths, *second.subtree_paths})
        paths += [
            path
            for mine, other in ((first, second), (second, first))
            for path in mine.subtree_paths
            if industry_of.get(path) in other.industry_union_ids
        ]
        # A subtree in an industry union kept whole is inside the scope already.
        paths = [path for path in paths if industry_of.get(path) not in industries]
    scope = Scope(industry_union_ids=frozenset(industries), subtree_paths=_outermost(paths))
    return EMPTY if scope.is_empty else scope


def assigned_scope(cadre_id: int, day: datetime.date | None = None) -> Scope:
    """The unions assigned to the area cadre `cadre_id` on `day` (包片), as a scope (empty for
    anyone who is not a cadre or has no assignment)."""
    return Scope(subtree_paths=_outermost(organisation().assigned_paths(cadre_id, day)))


def narrowed_scope(user, *, industry_union: int | None = None, cadre: int | None = None) -> Scope:
    """The user's scope, narrowed to `industry_union` and to `cadre`'s unions (ids; None: no
    narrowing on that side). Never wider than the user's own scope."""
    scope = scope_for(user)
    if industry_union is not None:
        scope = intersect(scope, Scope(industry_union_ids=frozenset({industry_union})))
    if cadre is not None:
        scope = intersect(scope, assigned_scope(cadre))
    return scope


def narrowed_reader(user, *, industry_union: int | None = None, cadre: int | None = None):
    """A Reader of the narrowed area."""
    return Reader(narrowed_scope(user, industry_union=industry_union, cadre=cadre))


def area_from(data) -> dict[str, int]:
    """{parameter: id} of the area parameters present in `data` (a QueryDict), whole numbers
    only (anything else is no narrowing: the filter form says what is wrong)."""
    area = {}
    for name in AREA_PARAMETERS:
        value = query_id(data, name)
        if value is not None:
            area[name] = value
    return area


def reader_from_request(request):
    """A Reader of the request's area when its query string narrows it; None when it does not."""
    area = area_from(request.GET)
    if not area:
        return None
    return narrowed_reader(request.user, **area)


def with_area(url: str, area: dict) -> str:
    """`url` carrying the area's parameters (for the lists a number links to)."""
    if not area:
        return url
    return f"{url}{'&' if '?' in url else '?'}{urlencode(sorted(area.items()))}"


def describe(area: dict, user) -> list[str]:
    """What the area's parameters name, for the notice above a narrowed list ([] for none).
    Only what `user` could have chosen is named: an id typed into the address names nobody."""
    names = []
    if "industry_union" in area:
        choices = organisation().industry_unions_to_choose(user)
        industry = choices.filter(pk=area["industry_union"]).first() if choices else None
        names.append(str(industry) if industry else "—")
    if "cadre" in area:
        choices = organisation().cadres_to_choose(user)
        cadre = choices.filter(pk=area["cadre"]).first() if choices is not None else None
        names.append(cadre.get_full_name() or cadre.get_username() if cadre else "—")
    return names
