from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class FormSubmission(models.Model):
    """A form's one-time token, used once: a second submit of the same form creates nothing.

    The unique token makes the database, not the browser, decide which of two concurrent
    submits wins (see cohesion_portal.views.SubmitOnceMixin).
    """

    token = models.UUIDField(unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE)
    result_url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("form submission")
        verbose_name_plural = _("form submissions")

    def __str__(self):
        return str(self.token)


class DataVersion(models.Model):
    """One row: a number that grows after every transaction that changed the portal's records
    (cohesion_portal.data_version). Figures cached under it are served only while it stands."""

    number = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self):
        return str(self.number)


class CalendarDay(models.Model):
    """A day the State Council's holiday notice (国务院办公厅关于放假安排的通知) makes a holiday
    or a working day (a make-up Saturday, 调休上班), entered by staff: for a year the calendar
    package does not know yet, or to correct it (cohesion_portal.workdays)."""

    day = models.DateField(_("day"), unique=True)
    is_workday = models.BooleanField(
        _("working day"), help_text=_("Ticked: a make-up working day. Not ticked: a holiday.")
    )
    name = models.CharField(_("name"), max_length=50, help_text=_("For example 春节 or 国庆节调休"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["day"]
        verbose_name = _("holiday or make-up working day")
        verbose_name_plural = _("holidays and make-up working days")

    def __str__(self):
        return f"{self.day:%Y-%m-%d} {self.name}"


class PersonalExport(models.Model):
    """One download of people's records (a hardship file list, say): who, when, which list with
    which filters, how many rows, and whether ID numbers and phones were whole or masked. Kept
    for the industry union to answer "who took these names out of the portal?"."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", verbose_name=_("user")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    records = models.CharField(_("records"), max_length=100)  # the model's label
    filters = models.CharField(_("filters"), max_length=500, blank=True)
    rows = models.PositiveIntegerField(_("rows"))
    whole_numbers = models.BooleanField(_("ID numbers and phones whole"), default=False)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("export of personal records")
        verbose_name_plural = _("exports of personal records")

    def __str__(self):
        return f"{self.user} · {self.records} · {self.rows}"
