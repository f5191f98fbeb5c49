"""Reads the union pages share (the figures are in metrics.py), each within the user's scope."""

from django.db.models import Q

from cohesion_portal.access import CHANGE
from cohesion_portal.text import normalize_code, normalize_text

from .models import Enterprise, Transfer, TransferStatus, Union


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


def tops_of_the_tree(*, user, limit=20):
    """The highest unions of `user`'s part of the tree (their join posters head the list)."""
    scoped = Union.objects.for_user(user)
    return scoped.exclude(parent__in=scoped).order_by("name")[:limit]


def enterprises_matching(queryset, text: str):
    """Enterprises whose name or credit code holds `text` (as the enterprise list searches)."""
    if not text:
        return queryset
    return queryset.filter(
        Q(name__icontains=normalize_text(text)) | Q(credit_code__icontains=normalize_code(text))
    )


def in_grassroots_of(enterprises, union):
    """The enterprises of `union`'s grassroots union, its branches and groups: the ones an
    enterprise's own contract, congress, offer or disclosure of `union` may name."""
    return enterprises.filter(union__path__startswith=union.path[: Union.SEGMENT])


def unions_named(queryset, text: str):
    return queryset.filter(name__icontains=normalize_text(text)) if text else queryset


def union_labels(unions, within) -> list[tuple[int, str]]:
    """Each union named with the unions above it (甲工会 › 一车间分会), from `within` only (the
    user's scope): one query for all the names, however many unions."""
    unions = list(unions)
    above = {pk for union in unions for pk in union.ancestor_ids()}
    names = dict(within.filter(pk__in=above).values_list("pk", "name")) if above else {}
    return [
        (u.pk, " › ".join([*(names[pk] for pk in u.ancestor_ids() if pk in names), u.name]))
        for u in unions
    ]
