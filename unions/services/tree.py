"""Writes to the union tree. Views, forms, the admin and the demo data all come through here,
so the tree rules hold wherever a record comes from."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from cohesion_portal.versioning import expect_version

from ..models import ALLOWED_PARENT_KINDS, Enterprise, IndustryUnion, Union, UnionKind

UNION_FIELDS = (
    "name",
    "kind",
    "chair",
    "vice_chairs",
    "founded_on",
    "address",
    "phone",
    "party_organisation",
    "status",
)


def union_placement_errors(
    *, union: Union | None, parent: Union | None, kind: str, name: str
) -> dict:
    """What is wrong with putting `union` (None: a new one) of `kind` named `name` under `parent`.

    Returns {field: message}; empty when the placement is allowed.
    """
    errors = {}
    parent_kind = parent.kind if parent else None
    if kind and parent_kind not in ALLOWED_PARENT_KINDS[kind]:
        if parent is None:
            errors["parent"] = _("A %(kind)s must sit under a grassroots union.") % {
                "kind": UnionKind(kind).label
            }
        elif parent_kind == UnionKind.GROUP:
            errors["parent"] = _("A union group is the lowest level and has no units under it.")
        else:
            errors["parent"] = _("A %(kind)s cannot sit under a %(parent_kind)s.") % {
                "kind": UnionKind(kind).label,
                "parent_kind": UnionKind(parent_kind).label,
            }
    is_saved = union is not None and union.pk is not None
    if is_saved and parent is not None and parent.is_in_subtree_of(union):
        errors["parent"] = _(
            "%(parent)s is %(union)s itself or one of its own units: "
            "a union cannot be placed under itself."
        ) % {"parent": parent, "union": union}
    if is_saved and kind:
        child_kinds = set(union.children.values_list("kind", flat=True))
        if any(kind not in ALLOWED_PARENT_KINDS[child] for child in child_kinds):
            errors["kind"] = _("The units under this union could not stay under a %(kind)s.") % {
                "kind": UnionKind(kind).label
            }
    siblings = Union.objects.filter(parent=parent, name=name)
    if parent is None and union is not None:
        siblings = siblings.filter(industry_union_id=union.industry_union_id)
    if is_saved:
        siblings = siblings.exclude(pk=union.pk)
    if name and siblings.exists():
        errors["name"] = _(
            "There is already a union named “%(name)s” at this place in the tree."
        ) % {"name": name}
    return errors


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


def _lock_tree(*industry_unions) -> None:
    """Serialise changes to the shape of the tree within the industry unions concerned, so that
    two moves at the same moment cannot build a cycle or leave stale paths behind."""
    ids = sorted({iu.pk for iu in industry_unions if iu is not None})
    list(IndustryUnion.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def _fresh(union: Union | None) -> Union | None:
    return Union.objects.get(pk=union.pk) if union is not None else None


@transaction.atomic
def union_create(*, actor, industry_union, parent: Union | None, **fields) -> Union:
    """Create a union under `parent` (or a grassroots union directly under `industry_union`)."""
    if parent is not None:
        industry_union = parent.industry_union
    _lock_tree(industry_union)
    parent = _fresh(parent)
    probe = Union(industry_union=industry_union)
    raise_if(
        union_placement_errors(union=probe, parent=parent, kind=fields["kind"], name=fields["name"])
    )
    union = Union(industry_union=industry_union, parent=parent, path="", **fields)
    union._history_user = actor
    union.save()
    union.path = union.path_under(parent)
    Union.objects.filter(pk=union.pk).update(path=union.path)
    return union


@transaction.atomic
def union_update(
    *, actor, union: Union, parent: Union | None, industry_union=None, **fields
) -> Union:
    """Change a union's details. A new parent moves it with its whole subtree; a grassroots
    union may also move to the other industry union, with everything under it."""
    target_industry = parent.industry_union if parent is not None else industry_union
    _lock_tree(union.industry_union, target_industry)
    locked = Union.objects.select_for_update().get(pk=union.pk)
    expect_version(locked, union.version)  # the caller's copy must be the latest
    union = locked
    parent = _fresh(parent)
    if parent is None and target_industry is None:
        target_industry = union.industry_union
    probe_industry = union.industry_union_id
    union.industry_union_id = target_industry.pk  # so sibling names are checked where it goes
    raise_if(
        union_placement_errors(
            union=union,
            parent=parent,
            kind=fields.get("kind", union.kind),
            name=fields.get("name", union.name),
        )
    )
    for name, value in fields.items():
        setattr(union, name, value)
    moved = parent != union.parent or target_industry.pk != probe_industry
    union.parent = parent
    if moved:
        old_path = union.path
        union.path = union.path_under(parent)
        # Derived rows follow in bulk; their own history records what they were moved under.
        Union.objects.filter(path__startswith=old_path).exclude(pk=union.pk).update(
            path=Concat(Value(union.path), Substr("path", len(old_path) + 1)),
            industry_union=target_industry,
        )
        Enterprise.objects.filter(union__path__startswith=union.path).update(
            industry_union=target_industry
        )
    union._history_user = actor
    union.save()
    return union
