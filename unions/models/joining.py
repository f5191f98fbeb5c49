"""网上入会: a worker applies on their phone through a union's public join page."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet

from .enterprises import Enterprise
from .members import Member
from .tree import Union


class JoinApplicationStatus(models.TextChoices):
    PENDING = "pending", _("waiting for the union")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class JoinApplication(models.Model):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="join_applications", verbose_name=_("union")
    )
    name = models.CharField(_("full name"), max_length=50)
    id_number = models.CharField(_("ID number"), max_length=18)
    phone = models.CharField(_("mobile phone"), max_length=11)
    enterprise = models.ForeignKey(
        Enterprise,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("enterprise"),
    )
    is_migrant = models.BooleanField(_("migrant worker"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=JoinApplicationStatus.choices,
        default=JoinApplicationStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_reason = models.CharField(_("reason"), max_length=200, blank=True)
    member = models.ForeignKey(
        Member, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("member")
    )
    history = HistoricalRecords(excluded_fields=["id_number"])

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("online application")
        verbose_name_plural = _("online applications")
        constraints = [
            models.UniqueConstraint(
                fields=["union", "id_number"],
                condition=models.Q(status="pending"),
                name="one_pending_application_per_person",
            )
        ]

    def __str__(self):
        return f"{self.name} → {self.union}"

    def get_absolute_url(self):
        return reverse("unions:application_decide", args=[self.pk])
