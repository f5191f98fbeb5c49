"""Performance checks (履行检查): each year, is a contract in force being kept?"""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.versioning import Versioned

from .contracts import CollectiveContract


class ClausesKept(models.TextChoices):
    ALL = "all", _("all clauses kept")
    MOSTLY = "mostly", _("mostly kept, some clauses not")
    NOT_KEPT = "not_kept", _("important clauses not kept")


class PerformanceQuerySet(ScopedQuerySet):
    union_path = "contract__union"


class PerformanceCheck(Versioned):
    contract = models.ForeignKey(
        CollectiveContract,
        models.CASCADE,
        related_name="performance_checks",
        verbose_name=_("collective contract"),
    )
    year = models.PositiveSmallIntegerField(_("year checked"))
    checked_on = models.DateField(_("checked on"))
    clauses_kept = models.CharField(_("clauses kept"), max_length=20, choices=ClausesKept.choices)
    issues = models.TextField(_("issues found"), blank=True)
    follow_up = models.TextField(_("follow-up"), blank=True)
    follow_up_done_on = models.DateField(_("follow-up completed on"), null=True, blank=True)
    history = HistoricalRecords()

    objects = PerformanceQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("performance check")
        verbose_name_plural = _("performance checks")
        constraints = [
            models.UniqueConstraint(
                fields=["contract", "year"],
                name="one_performance_check_a_year",
                violation_error_message=_("This contract already has a check for that year."),
            )
        ]

    def __str__(self):
        return f"{self.contract} · {self.year}"

    def get_absolute_url(self):
        return reverse("contracts:detail", args=[self.contract_id]) + "#performance"

    @staticmethod
    def year_taken_message(year) -> str:
        return _("This contract already has a check for %(year)s.") % {"year": year}
