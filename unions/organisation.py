"""Who works where, as the access rules need it: a user's role and the scope it gives, the
industry union of a union, an area cadre's unions, what a person may narrow the dashboard to.

The portal's ground (cohesion_portal.access and .area) defines scopes and asks this module,
named by settings.PORTAL_ORGANISATION, for what only the roles and the tree know; so the ground
imports no app, and the rules of the table below live beside the roles they are about.

    grassroots officer   their union with its branches and groups       view, change
    area cadre (包片)    the unions assigned to them today                 view, inspect
    industry staff       every union and enterprise of their industry union view, change,
                                                                            inspect, approve
    leadership           their industry union, or both when none is set    view
    superuser            everything                                         all
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from cohesion_portal.access import (
    CHANGE,
    EMPTY,
    EVERYTHING,
    INSPECT,
    VIEW,
    Scope,
    scope_for,
)

from .models import AreaAssignment, IndustryUnion, Role, RoleKind, Union

_NO_ROLE_LOADED = object()


def role_of(user) -> Role | None:
    """The user's Role (None without one), loaded once per request."""
    if not getattr(user, "is_authenticated", False):
        return None
    role = getattr(user, "_role_cache", _NO_ROLE_LOADED)
    if role is _NO_ROLE_LOADED:
        role = Role.objects.select_related("union", "industry_union").filter(user=user).first()
        user._role_cache = role
    return role


def own_grassroots_union(user) -> Union | None:
    """The grassroots union whose officer `user` is (None for every other role)."""
    role = role_of(user)
    if role is not None and role.union_id and role.union.parent_id is None:
        return role.union
    return None


def scope_of(user, action: str) -> Scope:
    """The scope a signed-in, active user's role gives for `action`."""
    if user.is_superuser:
        return EVERYTHING
    role = role_of(user)
    if role is None:
        return EMPTY
    if role.kind == RoleKind.INDUSTRY_STAFF:
        return Scope(industry_union_ids=frozenset({role.industry_union_id}))
    if role.kind == RoleKind.GRASSROOTS_OFFICER:
        return Scope(subtree_paths=(role.union.path,)) if action in (VIEW, CHANGE) else EMPTY
    if action == INSPECT and role.kind == RoleKind.AREA_CADRE:
        return Scope(subtree_paths=tuple(assigned_paths(user.pk)))
    if action != VIEW:
        return EMPTY  # area cadres and leadership read; they do not edit records
    if role.kind == RoleKind.LEADERSHIP:
        if role.industry_union_id is None:
            return EVERYTHING
        return Scope(industry_union_ids=frozenset({role.industry_union_id}))
    if role.kind == RoleKind.AREA_CADRE:
        return Scope(subtree_paths=tuple(assigned_paths(user.pk)))
    return EMPTY


def assigned_paths(cadre_id: int, day: datetime.date | None = None) -> list[str]:
    """The paths of the unions assigned to the area cadre `cadre_id` on `day` (包片), sorted."""
    day = day or timezone.localdate()
    return list(
        AreaAssignment.objects.filter(cadre_id=cadre_id, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .order_by("union__path")
        .values_list("union__path", flat=True)
    )


def industries_of(paths) -> dict[str, int]:
    """{path: industry union id} of the unions at `paths`."""
    if not paths:
        return {}
    return dict(Union.objects.filter(path__in=list(paths)).values_list("path", "industry_union_id"))


def industry_unions_to_choose(user):
    """The industry unions `user` may narrow to: offered to those who see more than one."""
    scope = scope_for(user)
    if scope.everything:
        return IndustryUnion.objects.all()
    if len(scope.industry_union_ids) > 1:
        return IndustryUnion.objects.filter(pk__in=scope.industry_union_ids)
    return None


def cadres_to_choose(user):
    """The area cadres whose unions `user` may narrow to: those of the industry unions the user
    sees whole (None for anyone who sees no whole industry union)."""
    scope = scope_for(user)
    if not (scope.everything or scope.industry_union_ids):
        return None
    cadres = (
        get_user_model()
        .objects.filter(role__kind=RoleKind.AREA_CADRE)
        .order_by("last_name", "first_name", "username")
    )
    if not scope.everything:
        cadres = cadres.filter(role__industry_union__in=scope.industry_union_ids)
    return cadres
