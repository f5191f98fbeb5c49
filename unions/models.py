"""The union tree (小三级), enterprises, and who works in which part of it."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.validators import not_in_future

from .credit_codes import validate_credit_code
from .querysets import EnterpriseQuerySet, UnionQuerySet

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


class Union(models.Model):
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
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # The path is derived from the parent, which the history keeps.
    history = HistoricalRecords(excluded_fields=["path"])

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

    @property
    def depth(self) -> int:
        return len(self.path) // self.SEGMENT

    @property
    def is_grassroots(self) -> bool:
        return self.parent_id is None

    @property
    def grassroots_id(self) -> int:
        """The id of the grassroots union at the top of this union's branch of the tree."""
        return int(self.path[: self.SEGMENT - 1])

    def ancestor_ids(self) -> list[int]:
        """Ids from the grassroots union down to the parent of this union."""
        return [int(s) for s in self.path.rstrip("/").split("/")[:-1]]

    def is_in_subtree_of(self, other: "Union") -> bool:
        return self.path.startswith(other.path)


class Ownership(models.TextChoices):
    STATE = "state", _("state-owned")
    COLLECTIVE = "collective", _("collective")
    PRIVATE = "private", _("private")
    SHAREHOLDING = "shareholding", _("shareholding")
    FOREIGN = "foreign", _("foreign-invested")
    HK_MO_TW = "hk_mo_tw", _("Hong Kong, Macao or Taiwan invested")
    INSTITUTION = "institution", _("public institution")
    OTHER = "other", _("other")


class Sector(models.TextChoices):
    # The light-textile system
    LIGHT_INDUSTRY = "light", _("light industry")
    TEXTILE = "textile", _("textiles")
    GARMENTS = "garments", _("garments")
    FOOD = "food", _("food")
    PAPER_PRINTING = "paper", _("paper and printing")
    LEATHER = "leather", _("leather and footwear")
    FURNITURE = "furniture", _("furniture")
    CRAFTS = "crafts", _("arts and crafts")
    # The agriculture, forestry and water conservancy system
    AGRICULTURE = "agriculture", _("agriculture")
    FORESTRY = "forestry", _("forestry")
    WATER = "water", _("water conservancy")
    WATER_SUPPLY = "water_supply", _("water supply")
    FISHERIES = "fisheries", _("fisheries")
    SALT = "salt", _("salt industry")
    OTHER = "other", _("other")


class Enterprise(models.Model):
    """An enterprise or public institution in one of the two systems, with or without a union."""

    name = models.CharField(_("name"), max_length=100)
    credit_code = models.CharField(
        _("unified social credit code"),
        max_length=18,
        unique=True,
        validators=[validate_credit_code],
        error_messages={"unique": _("An enterprise with this credit code is already registered.")},
    )
    industry_union = models.ForeignKey(
        IndustryUnion, models.PROTECT, related_name="enterprises", verbose_name=_("industry union")
    )
    union = models.ForeignKey(
        Union,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="enterprises",
        verbose_name=_("union"),
        help_text=_("The union the enterprise belongs to; empty while it has none."),
    )
    unionized_on = models.DateField(
        _("unionized on"), null=True, blank=True, validators=[not_in_future]
    )
    ownership = models.CharField(_("ownership"), max_length=20, choices=Ownership.choices)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    headcount = models.PositiveIntegerField(_("employees"))
    migrant_headcount = models.PositiveIntegerField(_("migrant workers"), default=0)
    address = models.CharField(_("address"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords()

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        constraints = [
            models.CheckConstraint(
                condition=Q(migrant_headcount__lte=F("headcount")),
                name="enterprise_migrants_within_headcount",
                violation_error_message=_("Migrant workers cannot outnumber all employees."),
            ),
            models.CheckConstraint(
                condition=Q(union__isnull=True, unionized_on__isnull=True)
                | Q(union__isnull=False, unionized_on__isnull=False),
                name="enterprise_unionized_on_iff_union",
                violation_error_message=_(
                    "An enterprise with a union needs the date it joined; one without has none."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("unions:enterprise_detail", args=[self.pk])

    @property
    def is_unionized(self) -> bool:
        return self.union_id is not None


class RoleKind(models.TextChoices):
    INDUSTRY_STAFF = "industry_staff", _("industry-union staff")
    AREA_CADRE = "area_cadre", _("area cadre")
    GRASSROOTS_OFFICER = "officer", _("grassroots union officer")
    LEADERSHIP = "leadership", _("leadership (read-only)")


class Role(models.Model):
    """What a user does in the portal, and where. Superusers need none."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="role", verbose_name=_("user")
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    industry_union = models.ForeignKey(
        IndustryUnion,
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("industry union"),
        help_text=_("For industry staff and area cadres; for leadership, empty means both."),
    )
    union = models.ForeignKey(
        Union,
        models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("union"),
        help_text=_(
            "For a grassroots officer: the union (with its branches and groups) they keep."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="officer") | Q(union__isnull=False),
                name="role_officer_has_union",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["industry_staff", "area_cadre"])
                | Q(industry_union__isnull=False),
                name="role_industry_roles_have_industry_union",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_kind_display()}"


class AreaAssignment(models.Model):
    """包片: an industry-union cadre is responsible for a grassroots union for a time."""

    cadre = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.CASCADE,
        related_name="area_assignments",
        verbose_name=_("area cadre"),
    )
    union = models.ForeignKey(
        Union, models.CASCADE, related_name="area_assignments", verbose_name=_("union")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["cadre", "union__path"]
        verbose_name = _("area assignment")
        verbose_name_plural = _("area assignments")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="area_assignment_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.cadre} → {self.union}"
