"""Assistance stations and love supermarkets (帮扶站, 爱心超市): the places where workers in
difficulty are received and given goods, run by a grassroots union or by the industry union,
with the enterprises (units) whose workers they serve. T7 counts the units a love supermarket
covers."""

import datetime
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import Scope, ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Enterprise, IndustryUnion, Union


class StationKind(models.TextChoices):
    STATION = "station", _("assistance station")
    SUPERMARKET = "supermarket", _("love supermarket")


class StationQuerySet(ScopedQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        # One the industry union runs itself is its own.
        return scope.union_condition("union__") | (
            Q(union__isnull=True) & scope.industry_condition()
        )

    def open_on(self, day: datetime.date):
        return self.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day), opened_on__lte=day)


class Station(Versioned):
    kind = models.CharField(_("type of station"), max_length=12, choices=StationKind.choices)
    industry_union = models.ForeignKey(
        IndustryUnion, models.PROTECT, related_name="stations", verbose_name=_("industry union")
    )
    union = models.ForeignKey(
        Union,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="stations",
        verbose_name=_("run by"),
        help_text=_("Empty: the industry union runs it."),
    )
    name = models.CharField(_("name"), max_length=100)
    address = models.CharField(_("address"), max_length=200, blank=True)
    opened_on = models.DateField(_("set up on"))
    closed_on = models.DateField(_("closed down on"), null=True, blank=True)
    offers = models.TextField(
        _("what it offers"), help_text=_("Daily necessities, school supplies, legal advice…")
    )
    enterprises = models.ManyToManyField(
        Enterprise,
        through="StationCoverage",
        related_name="stations",
        blank=True,
        verbose_name=_("units covered"),
    )
    history = HistoricalRecords()

    objects = StationQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "pk"]
        verbose_name = _("assistance station or love supermarket")
        verbose_name_plural = _("assistance stations and love supermarkets")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assistance:station_detail", args=[self.pk])

    def is_open_on(self, day: datetime.date) -> bool:
        return self.opened_on <= day and (self.closed_on is None or self.closed_on > day)


class StationCoverage(models.Model):
    """A unit (enterprise) whose workers a station serves. The enterprise cannot be deleted
    while it is: that would take it out of T7 without a word."""

    station = models.ForeignKey(Station, models.CASCADE)
    enterprise = models.ForeignKey(Enterprise, models.PROTECT)

    class Meta:
        unique_together = [("station", "enterprise")]
        verbose_name = _("unit covered")
        verbose_name_plural = _("units covered")

    def __str__(self):
        return f"{self.station_id} → {self.enterprise_id}"


class ActivityQuerySet(ScopedQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        return scope.union_condition("station__union__") | (
            Q(station__union__isnull=True) & scope.industry_condition("station__industry_union_id")
        )


class StationActivity(models.Model):
    """A day's record of a station: the workers received and what was handed out."""

    station = models.ForeignKey(
        Station, models.CASCADE, related_name="activities", verbose_name=_("station or supermarket")
    )
    day = models.DateField(_("day"))
    visitors = models.PositiveIntegerField(_("workers received"))
    handouts = models.CharField(_("handed out"), max_length=200, blank=True)
    value = models.DecimalField(
        _("value (yuan)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    history = HistoricalRecords()

    objects = ActivityQuerySet.as_manager()

    class Meta:
        ordering = ["-day", "-pk"]
        verbose_name = _("station activity")
        verbose_name_plural = _("station activities")

    def __str__(self):
        return f"{self.station} · {self.day}"
