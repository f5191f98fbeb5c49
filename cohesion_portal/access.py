"""Who may see and change what: one function, `scope_for(user, action)`, for the whole portal.

A scope is a set of union subtrees plus, for roles that oversee an industry union as a whole,
the industry unions themselves (whose records include enterprises that have no union yet).
Every scoped queryset filters through it (see `ScopedQuerySet`), so no view computes access
on its own.

    grassroots officer   their union with its branches and groups       view, change
    area cadre (包片)    the unions assigned to them today                 view
    industry staff       every union and enterprise of their industry union view, change,
                                                                            inspect, approve
    leadership           their industry union, or both when none is set    view
    superuser            everything                                         all

Two actions belong to the 3A assessment: "inspect" (考核: the area cadre, for the unions
assigned to them, and industry staff) and "approve" (the industry union's staff).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Q
from django.utils import timezone

VIEW = "view"
CHANGE = "change"
INSPECT = "inspect"
APPROVE = "approve"
ACTIONS = (VIEW, CHANGE, INSPECT, APPROVE)


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    industry_union_ids: frozenset[int] = field(default_factory=frozenset)
    subtree_paths: tuple[str, ...] = ()

    def __post_init__(self):
        # An empty path would start every path: a scope over everything, by accident.
        if any(not path for path in self.subtree_paths):
            raise ValueError("A scope subtree path cannot be empty.")

    @property
    def is_empty(self) -> bool:
        return not (self.everything or self.industry_union_ids or self.subtree_paths)

    def union_condition(self, prefix: str = "") -> Q:
        """A Q over Union rows in scope; `prefix` ("union__") reaches a Union through a relation.

        Not for the everything scope: ScopedQuerySet.for_user does not filter at all then (an
        empty Q() would silently vanish when OR-ed with another condition).
        """
        if self.everything:
            raise ValueError("The everything scope has no condition; do not filter.")
        condition = Q(pk__in=[]) if not prefix else Q(**{f"{prefix}pk__in": []})
        if self.industry_union_ids:
            condition |= Q(**{f"{prefix}industry_union_id__in": sorted(self.industry_union_ids)})
        for path in self.subtree_paths:
            condition |= Q(**{f"{prefix}path__startswith": path})
        return condition

    def industry_condition(self, field_name: str = "industry_union_id") -> Q:
        """A Q over rows that belong to a whole industry union in scope (no union of their own)."""
        if self.everything:
            raise ValueError("The everything scope has no condition; do not filter.")
        return Q(**{f"{field_name}__in": sorted(self.industry_union_ids)})


EMPTY = Scope()
EVERYTHING = Scope(everything=True)


def scope_for(user, action: str = VIEW) -> Scope:
    """The scope of `user` for `action` ("view" or "change").

    Cached on the user object, which lives for one request; a role changed meanwhile counts
    from the next request on.
    """
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}")
    if user is None or not user.is_authenticated or not user.is_active:
        return EMPTY
    cache = getattr(user, "_scope_cache", None)
    if cache is None:
        cache = {}
        user._scope_cache = cache  # (request.user is a lazy proxy: set through it, not __dict__)
    if action not in cache:
        cache[action] = _compute_scope(user, action)
    return cache[action]


_NO_ROLE_LOADED = object()


def role_of(user):
    """The user's unions.Role (None without one), loaded once per request."""
    from unions.models import Role

    if not user.is_authenticated:
        return None
    role = getattr(user, "_role_cache", _NO_ROLE_LOADED)
    if role is _NO_ROLE_LOADED:
        role = Role.objects.select_related("union", "industry_union").filter(user=user).first()
        user._role_cache = role
    return role


def own_grassroots_union(user):
    """The grassroots union whose officer `user` is (None for every other role)."""
    role = role_of(user)
    if role is not None and role.union_id and role.union.parent_id is None:
        return role.union
    return None


def forget_cached_access(user) -> None:
    """After a user's role or assignments change within the same request (or test)."""
    for name in ("_scope_cache", "_role_cache"):
        if hasattr(user, name):
            delattr(user, name)


def _compute_scope(user, action: str) -> Scope:
    from unions.models import RoleKind

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
        return _assigned_unions(user)
    if action != VIEW:
        return EMPTY  # area cadres and leadership read; they do not edit records
    if role.kind == RoleKind.LEADERSHIP:
        if role.industry_union_id is None:
            return EVERYTHING
        return Scope(industry_union_ids=frozenset({role.industry_union_id}))
    if role.kind == RoleKind.AREA_CADRE:
        return _assigned_unions(user)
    return EMPTY


def _assigned_unions(user) -> Scope:
    from unions.models import AreaAssignment

    today = timezone.localdate()
    paths = (
        AreaAssignment.objects.filter(cadre=user, starts_on__lte=today)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .order_by("union__path")
        .values_list("union__path", flat=True)
    )
    return Scope(subtree_paths=tuple(paths))


class Reader:
    """Someone who reads a given scope and changes nothing, where no person is asking: the
    monthly Excel report the job on the 1st produces for an industry union, or a user's area
    narrowed by the dashboard's filters. Goes wherever a user goes in `for_user(...)`."""

    is_authenticated = True
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None

    def __init__(self, scope: Scope):
        self._scope_cache = {action: EMPTY for action in ACTIONS} | {VIEW: scope}
        self._role_cache = None

    def __repr__(self):
        return f"Reader({self._scope_cache[VIEW]!r})"


def industry_reader(industry_union_id: int) -> Reader:
    """Reads one industry union as its leadership would."""
    return Reader(Scope(industry_union_ids=frozenset({industry_union_id})))


def can_change_anything(user) -> bool:
    return not scope_for(user, CHANGE).is_empty


class ScopedQuerySet(models.QuerySet):
    """Base of every queryset whose rows belong to a union.

    Subclasses say how a row reaches its union (`union_path`, "" for Union itself), or override
    `scope_condition` when the rule is richer (an enterprise without a union, say).
    """

    union_path: str = "union"

    def scope_condition(self, scope: Scope) -> Q:
        prefix = f"{self.union_path}__" if self.union_path else ""
        return scope.union_condition(prefix)

    def in_subtree_of(self, union):
        """Rows of `union` and of its branches and groups."""
        prefix = f"{self.union_path}__" if self.union_path else ""
        return self.filter(**{f"{prefix}path__startswith": union.path})

    def for_user(self, user, action: str = VIEW):
        scope = scope_for(user, action)
        if scope.everything:
            return self.all()
        if scope.is_empty:
            return self.none()
        return self.filter(self.scope_condition(scope))


class SharedQuerySet(models.QuerySet):
    """Rows that belong to no union but to the industry unions together: plans, the assessment
    scheme, its periods. Everyone with a role reads them; industry staff (and superusers)
    change them."""

    def for_user(self, user, action: str = VIEW):
        if scope_for(user, VIEW).is_empty:
            return self.none()
        if action == VIEW:
            return self.all()
        return self.all() if may_manage_shared_data(user) else self.none()


def may_manage_shared_data(user) -> bool:
    scope = scope_for(user, APPROVE)
    return scope.everything or bool(scope.industry_union_ids)
