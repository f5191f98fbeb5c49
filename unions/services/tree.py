"""Writes to the union tree. Views, forms, the admin and the demo data all come through here,
so the tree rules hold wherever a record comes from."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext as _

from ..models import ALLOWED_PARENT_KINDS, Enterprise, Union, UnionKind

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
    if union is not None and union.pk and kind == UnionKind.GROUP and union.children.exists():
        errors["kind"] = _("This union has units under it, so it cannot become a union group.")
    siblings = Union.objects.filter(parent=parent, name=name)
    if parent is None and union is not None:
        siblings = siblings.filter(industry_union_id=union.industry_union_id)
    if union is not None and union.pk:
        siblings = siblings.exclude(pk=union.pk)
    if name and siblings.exists():
        errors["name"] = _(
            "There is already a union named “%(name)s” at this place in the tree."
        ) % {"name": name}
    return errors


def raise_if(errors: dict) -> None:
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def union_create(*, actor, industry_union, parent: Union | None, **fields) -> Union:
    """Create a union under `parent` (or a grassroots union directly under `industry_union`)."""
    if parent is not None:
        industry_union = parent.industry_union
    probe = Union(industry_union=industry_union)
    raise_if(
        union_placement_errors(union=probe, parent=parent, kind=fields["kind"], name=fields["name"])
    )
    union = Union(industry_union=industry_union, parent=parent, path="", **fields)
    union._history_user = actor
    union.save()
    union.path = f"{parent.path if parent else ''}{union.pk:08d}/"
    Union.objects.filter(pk=union.pk).update(path=union.path)
    return union


@transaction.atomic
def union_update(*, actor, union: Union, parent: Union | None, **fields) -> Union:
    """Change a union's details; a new parent moves it with its whole subtree."""
    union = Union.objects.select_for_update().get(pk=union.pk)
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
    moved = parent != union.parent
    union.parent = parent
    if moved:
        old_path = union.path
        union.path = f"{parent.path if parent else ''}{union.pk:08d}/"
        if parent is not None:
            union.industry_union = parent.industry_union
        Union.objects.filter(path__startswith=old_path).exclude(pk=union.pk).update(
            path=Concat(Value(union.path), Substr("path", len(old_path) + 1)),
            industry_union=union.industry_union,
        )
        Enterprise.objects.filter(union__path__startswith=union.path).update(
            industry_union=union.industry_union
        )
    union._history_user = actor
    union.save()
    return union
