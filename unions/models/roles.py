"""Who works in which part of the tree: roles and area assignments (包片)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .tree import IndustryUnion, Union


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
        Union, models.PROTECT, related_name="area_assignments", verbose_name=_("union")
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
