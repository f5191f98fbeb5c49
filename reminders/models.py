"""Reminders: what is due or overdue in a union, opened and closed by the daily task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cohesion_portal import reminder_rules
from cohesion_portal.access import ScopedQuerySet
from unions.models import Union


class ReminderQuerySet(ScopedQuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)


class Reminder(models.Model):
    """Kept when closed: by the task, because it was no longer due, or by a person who marked
    it as handled (`handled`, with `closed_by` while that account exists).

    Not under simple-history: the task creates and closes these rows, and marking one as
    handled is the only change a person makes; the row itself records it.
    """

    union = models.ForeignKey(
        Union, models.CASCADE, related_name="reminders", verbose_name=_("union")
    )
    kind = models.CharField(_("kind"), max_length=60)
    key = models.CharField(max_length=160, unique=True)
    subject = models.CharField(_("subject"), max_length=200)
    url = models.CharField(max_length=200)
    stage = models.CharField(max_length=20, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    handled = models.BooleanField(_("marked as handled"), default=False)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked as handled by"),
    )

    objects = ReminderQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        indexes = [models.Index(fields=["kind", "closed_at"], name="reminder_kind_open")]

    def __str__(self):
        return f"{self.label} · {self.subject}"

    def get_absolute_url(self):
        return self.url

    @property
    def label(self) -> str:
        rule = reminder_rules.rule_for(self.kind)
        return str(rule.label) % {"stage": self.stage} if rule else self.kind

    @property
    def icon(self) -> str:
        rule = reminder_rules.rule_for(self.kind)
        return rule.icon if rule else "bi-bell"
