"""Titles (荣誉称号): a Worker Pioneer team (工人先锋号), a model worker and the like, which a
union nominates and the industry union decides (for a title above its own level, it records
what the higher body decided)."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Union


class TitleKind(models.TextChoices):
    PIONEER = "pioneer", _("Worker Pioneer team (工人先锋号)")
    MODEL_WORKER = "model_worker", _("model worker (劳动模范)")
    MEDAL = "medal", _("May Day labour medal (五一劳动奖章)")
    OTHER = "other", _("other title")


class Level(models.TextChoices):
    INDUSTRY = "industry", _("industry")
    MUNICIPAL = "municipal", _("municipal")
    PROVINCIAL = "provincial", _("provincial")
    NATIONAL = "national", _("national")


class TitleStatus(models.TextChoices):
    NOMINATED = "nominated", _("nominated")
    AWARDED = "awarded", _("awarded")
    NOT_AWARDED = "not_awarded", _("not awarded")


class Title(Versioned):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="titles", verbose_name=_("nominated by")
    )
    kind = models.CharField(_("honorary title"), max_length=15, choices=TitleKind.choices)
    holder = models.CharField(
        _("team or person"),
        max_length=100,
        help_text=_("The team (班组) for a Worker Pioneer title, the person for the others."),
    )
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    citation = models.TextField(_("citation"), help_text=_("What the team or person achieved."))
    status = models.CharField(
        _("status"), max_length=12, choices=TitleStatus.choices, default=TitleStatus.NOMINATED
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "pk"]
        verbose_name = _("honorary title")
        verbose_name_plural = _("honorary titles")

    def __str__(self):
        return f"{self.holder} · {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("competitions:title_detail", args=[self.pk])
