"""Workers' congresses (职代会, target T6): congress systems and their sessions."""

import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Enterprise, Union


class CongressLevel(models.TextChoices):
    ENTERPRISE = "enterprise", _("enterprise")
    INSTITUTION = "institution", _("public institution")
    INDUSTRY = "industry", _("industry-level")
    REGIONAL = "regional", _("regional")


# Congresses that several enterprises share; the federation reports them apart.
SHARED_LEVELS = (CongressLevel.INDUSTRY, CongressLevel.REGIONAL)


class CongressQuerySet(ScopedQuerySet):
    def overdue_on(self, day: datetime.date):
        """No session in the twelve months that end on `day` (counted from its establishment
        when it has never met)."""
        window_start = twelve_months_before(day)
        return self.annotate(last_met=models.Max("sessions__held_on")).filter(
            Q(last_met__lt=window_start) | Q(last_met__isnull=True, established_on__lt=window_start)
        )


class CongressSystem(Versioned):
    """A workers' congress system (职代会制度) of an enterprise, institution, industry or region."""

    union = models.ForeignKey(
        Union, models.PROTECT, related_name="congresses", verbose_name=_("union")
    )
    level = models.CharField(_("level"), max_length=20, choices=CongressLevel.choices)
    name = models.CharField(_("name"), max_length=200)
    enterprises = models.ManyToManyField(
        Enterprise,
        through="CongressCoverage",
        related_name="congresses",
        verbose_name=_("enterprises covered"),
    )
    established_on = models.DateField(_("established on"))
    history = HistoricalRecords()

    objects = CongressQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("workers' congress")
        verbose_name_plural = _("workers' congresses")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contracts:congress_detail", args=[self.pk])


class CongressCoverage(models.Model):
    """An enterprise a workers' congress covers; the enterprise cannot be deleted while it is
    (T6 would change without a word). Table and columns as Django made them for the plain
    many-to-many field this replaced."""

    congresssystem = models.ForeignKey(CongressSystem, models.CASCADE)
    enterprise = models.ForeignKey(Enterprise, models.PROTECT)

    class Meta:
        db_table = "contracts_congresssystem_enterprises"
        unique_together = [("congresssystem", "enterprise")]
        verbose_name = _("enterprise covered")
        verbose_name_plural = _("enterprises covered")

    def __str__(self):
        return f"{self.congresssystem_id} → {self.enterprise_id}"


class SessionQuerySet(ScopedQuerySet):
    union_path = "congress__union"


class CongressSession(models.Model):
    congress = models.ForeignKey(
        CongressSystem, models.CASCADE, related_name="sessions", verbose_name=_("workers' congress")
    )
    held_on = models.DateField(_("date held"))
    delegates_elected = models.PositiveIntegerField(_("delegates elected"))
    delegates_present = models.PositiveIntegerField(_("delegates present"))
    items = models.TextField(_("items deliberated"))
    resolutions = models.TextField(_("resolutions and votes"), blank=True)
    history = HistoricalRecords()

    objects = SessionQuerySet.as_manager()

    class Meta:
        ordering = ["-held_on"]
        verbose_name = _("congress session")
        verbose_name_plural = _("congress sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(delegates_present__lte=F("delegates_elected")),
                name="session_present_within_elected",
                violation_error_message=_("More delegates present than elected."),
            )
        ]
        indexes = [models.Index(fields=["congress", "held_on"], name="session_congress_held")]

    def __str__(self):
        return f"{self.congress} · {self.held_on}"

    def quorum_met(self) -> bool:
        """A congress decides with two thirds of its delegates present (辽宁省职代会规定)."""
        return self.delegates_present * 3 >= self.delegates_elected * 2


def twelve_months_before(day: datetime.date) -> datetime.date:
    """The first day of the twelve months that end on `day`."""
    try:
        return day.replace(year=day.year - 1) + datetime.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28) + datetime.timedelta(days=1)
