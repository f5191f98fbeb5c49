"""Who may see and change what: one function, `scope_for(user, action)`, for the whole portal.

A scope is a set of union subtrees plus, for roles that oversee an industry union as a whole,
the industry unions themselves (whose records include enterprises that have no union yet).
Every scoped queryset filters through it (`ScopedQuerySet.for_user`, or `for_scope` with a
scope in hand), so no view computes access on its own. Which role gives which scope is the
unions app's, where the roles are (unions/organisation.py has the table).

Two actions belong to the 3A assessment: "inspect" (考核: the area cadre, for the unions
assigned to them, and industry staff) and "approve" (the industry union's staff).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.db import models
from django.db.models import Q

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


def organisation():
    """The module that knows the roles and the tree (settings.PORTAL_ORGANISATION, the unions
    app's `organisation`): a user's scope from their role, an area cadre's unions. Asked by
    name so that this ground imports no app."""
    return import_module(settings.PORTAL_ORGANISATION)


def scope_for(user, action: str = VIEW) -> Scope:
    """The scope of `user` (a person, or a `Reader`) for `action`.

    Cached on the user object, which lives for one request; a role changed meanwhile counts
    from the next request on.
    """
    if action not in ACTIONS:
        raise ValueError(f"Unknown action {action!r}")
    if isinstance(user, Reader):
        return user.scope if action == VIEW else EMPTY
    if user is None or not user.is_authenticated or not user.is_active:
        return EMPTY
    cache = getattr(user, "_scope_cache", None)
    if cache is None:
        cache = {}
        user._scope_cache = cache  # (request.user is a lazy proxy: set through it, not __dict__)
    if action not in cache:
        cache[action] = organisation().scope_of(user, action)
    return cache[action]


def forget_cached_access(user) -> None:
    """After a user's role or assignments change within the same request (or test)."""
    for name in ("_scope_cache", "_role_cache"):
        if hasattr(user, name):
            delattr(user, name)


@dataclass(eq=False)
class Reader:
    """Reads a scope and changes nothing, where no person is asking: the monthly Excel report
    the job on the 1st produces for an industry union, a job that reads every union
    (`Reader(EVERYTHING)`, said explicitly), or a user's area narrowed by the dashboard's
    filters. Goes wherever a user goes in `for_user(...)` and in the figures.

    `memo`: the figures read through this reader, for a reader made for one page
    (metrics.remembering); None: nothing remembered."""

    scope: Scope
    memo: dict | None = None


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

    def for_scope(self, scope: Scope):
        """The rows in `scope`: all of them for the everything scope, none for the empty one."""
        if scope.everything:
            return self.all()
        if scope.is_empty:
            return self.none()
        return self.filter(self.scope_condition(scope))

    def for_user(self, user, action: str = VIEW):
        """The rows `user` (a person, or a `Reader`) may see, or act on with `action`."""
        return self.for_scope(scope_for(user, action))


def personal_permission_of(model) -> str | None:
    """The permission a person needs to read `model`'s rows at all, whatever their scope (a
    worker's hardship file: `personal_permission` on its queryset), or None."""
    return getattr(model._default_manager.get_queryset(), "personal_permission", None)


class SharedQuerySet(models.QuerySet):
    """Rows that belong to no union but to the industry unions together: plans, the assessment
    scheme, its periods. Everyone with a role reads them; industry staff (and superusers)
    change them."""

    def for_scope(self, scope: Scope):
        """Read by anyone with a scope."""
        return self.none() if scope.is_empty else self.all()

    def for_user(self, user, action: str = VIEW):
        if action == VIEW:
            return self.for_scope(scope_for(user, VIEW))
        return self.all() if may_manage_shared_data(user) else self.none()


def may_manage_shared_data(user) -> bool:
    scope = scope_for(user, APPROVE)
    return scope.everything or bool(scope.industry_union_ids)
