"""Enterprises and public institutions of the two systems."""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.validators import not_in_future
from cohesion_portal.versioning import Versioned

from ..credit_codes import validate_credit_code
from ..querysets import EnterpriseQuerySet
from .tree import IndustryUnion, Union


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


# The sectors of each industry union's system (industry union code -> sectors).
SECTORS_BY_INDUSTRY = {
    "light-textile": [
        Sector.LIGHT_INDUSTRY,
        Sector.TEXTILE,
        Sector.GARMENTS,
        Sector.FOOD,
        Sector.PAPER_PRINTING,
        Sector.LEATHER,
        Sector.FURNITURE,
        Sector.CRAFTS,
        Sector.OTHER,
    ],
    "agri-water": [
        Sector.AGRICULTURE,
        Sector.FORESTRY,
        Sector.WATER,
        Sector.WATER_SUPPLY,
        Sector.FISHERIES,
        Sector.SALT,
        Sector.OTHER,
    ],
}


class Enterprise(Versioned):
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
        indexes = [models.Index(fields=["name"], name="enterprise_name")]
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

    def is_organised_by(self, union) -> bool:
        """Whether the enterprise's union is `union`'s grassroots union or one of its branches:
        an enterprise's own contract, congress, hardship file or love supermarket belongs to
        that union."""
        return bool(self.union_id) and self.union.grassroots_id == union.grassroots_id

    def get_absolute_url(self):
        return reverse("unions:enterprise_detail", args=[self.pk])
