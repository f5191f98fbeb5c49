"""Reads the union pages share (the figures are in metrics.py), each within the user's scope."""

from cohesion_portal.access import CHANGE

from .models import Enterprise, RosterImport, Transfer, TransferStatus, Union


def union_ancestors(union):
    """The unions above `union`, from the top (for breadcrumbs: a union's path is public to
    whoever may open the union)."""
    return Union.objects.filter(pk__in=union.ancestor_ids()).order_by("path")


def enterprises_under(union, *, limit=20):
    """The first enterprises of `union`'s subtree by name (its page lists them; the enterprise
    list has the rest)."""
    return Enterprise.objects.in_subtree_of(union).select_related("union").order_by("name")[:limit]


def transfers_to_decide(*, user) -> set[int]:
    """The pending transfers `user` decides: those out of a union in their change scope."""
    held = Union.objects.for_user(user, CHANGE)
    pending = Transfer.objects.filter(from_union__in=held, status=TransferStatus.PENDING)
    return set(pending.values_list("pk", flat=True))


def recent_roster_imports(*, user, limit=10):
    return RosterImport.objects.for_user(user).select_related("union", "uploaded_by")[:limit]


def tops_of_the_tree(*, user, limit=20):
    """The highest unions of `user`'s part of the tree (their join posters head the list)."""
    scoped = Union.objects.for_user(user)
    return scoped.exclude(parent__in=scoped).order_by("name")[:limit]
