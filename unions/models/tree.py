"""The union tree (小三级): industry unions, grassroots unions, branches and groups."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.validators import not_in_future
from cohesion_portal.versioning import Versioned

from ..querysets import UnionQuerySet

phone_validator = RegexValidator(
    r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$",
    _("Enter a mobile number (11 digits) or a landline such as 0411-88886666."),
)


class IndustryUnion(models.Model):
    """An industry union (产业工会): 大连市轻纺工会 or 大连市农林水利工会."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    short_name = models.CharField(_("short name"), max_length=20)
    history = HistoricalRecords()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("industry union")
        verbose_name_plural = _("industry unions")

    def __str__(self):
        return self.name


class UnionKind(models.TextChoices):
    COMMITTEE = "committee", _("grassroots union committee")
    JOINT = "joint", _("joint union")
    BRANCH = "branch", _("branch union")
    GROUP = "group", _("union group")


# Which kind of union may sit directly under which (None: directly under the industry union).
ALLOWED_PARENT_KINDS = {
    UnionKind.COMMITTEE: {None},
    UnionKind.JOINT: {None},
    UnionKind.BRANCH: {UnionKind.COMMITTEE, UnionKind.JOINT},
    UnionKind.GROUP: {UnionKind.COMMITTEE, UnionKind.JOINT, UnionKind.BRANCH},
}
GRASSROOTS_KINDS = (UnionKind.COMMITTEE, UnionKind.JOINT)


class UnionStatus(models.TextChoices):
    ACTIVE = "active", _("active")
    DISSOLVED = "dissolved", _("dissolved")


class Union(Versioned):
    """A union organisation: a grassroots union (committee or joint union) or a unit under it.

    `path` is the materialised path of ids ("00000012/00000034/"), kept by unions.services, so a
    union's whole subtree is one `path__startswith` and never a recursive walk.
    """

    SEGMENT = 9  # characters per level of `path`

    industry_union = models.ForeignKey(
        IndustryUnion, models.PROTECT, related_name="unions", verbose_name=_("industry union")
    )
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent union"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=UnionKind.choices)
    name = models.CharField(_("name"), max_length=100)
    path = models.CharField(max_length=255, db_index=True, editable=False)
    chair = models.CharField(_("chair"), max_length=50, blank=True)
    vice_chairs = models.CharField(
        _("vice chairs"), max_length=200, blank=True, help_text=_("Separate names with 、")
    )
    founded_on = models.DateField(
        _("founded on"), null=True, blank=True, validators=[not_in_future]
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[phone_validator])
    party_organisation = models.CharField(
        _("Party organisation"),
        max_length=100,
        blank=True,
        help_text=_("The Party organisation at the same level that the union works under."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=UnionStatus.choices, default=UnionStatus.ACTIVE
    )
    # The secret part of the grassroots union's public join page (网上入会), made on first use.
    join_code = models.CharField(max_length=16, unique=True, null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The path is derived from the parent, which the history keeps.
    history = HistoricalRecords(excluded_fields=["path", "join_code"])

    objects = UnionQuerySet.as_manager()

    class Meta:
        ordering = ["path"]
        verbose_name = _("union")
        verbose_name_plural = _("unions")
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="union_name_unique_in_parent"),
            models.UniqueConstraint(
                fields=["industry_union", "name"],
                condition=Q(parent__isnull=True),
                name="grassroots_union_name_unique_in_industry",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("unions:union_detail", args=[self.pk])

    def path_under(self, parent: "Union | None") -> str:
        """This union's path once it sits under `parent` (None: under its industry union)."""
        return f"{parent.path if parent else ''}{self.pk:08d}/"

    @property
    def depth(self) -> int:
        return len(self.path) // self.SEGMENT

    @property
    def grassroots_id(self) -> int:
        """The id of the grassroots union at the top of this union's branch of the tree."""
        return int(self.path[: self.SEGMENT - 1])

    def ancestor_ids(self) -> list[int]:
        """Ids from the grassroots union down to the parent of this union."""
        return [int(s) for s in self.path.rstrip("/").split("/")[:-1]]

    def is_in_subtree_of(self, other: "Union") -> bool:
        return self.path.startswith(other.path)
