"""Hardship files (困难职工档案): a worker in hardship, their household and what they need,
kept current (动态管理) by the union that keeps the file; the grades and the local 低保 line
are data staff keep."""

import datetime
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import SharedQuerySet
from cohesion_portal.dates import add_months
from cohesion_portal.versioning import Versioned
from unions.models import Enterprise, Member, Union

from .personal import PersonalQuerySet

# A file not reviewed for this long is due for review (动态管理).
REVIEW_MONTHS = 6
NOT_NEGATIVE = [MinValueValidator(Decimal(0))]


# The grades Dalian's unions use, as the data migration adds them (code, name, order).
DEFAULT_GRADES = (("ordinary", "一般困难", 1), ("special", "特困", 2), ("extreme", "极困", 3))


class HardshipGrade(models.Model):
    """一般困难, 特困, 极困 as the local union publishes them: data, not code."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=30)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("hardship grade")
        verbose_name_plural = _("hardship grades")

    def __str__(self):
        return self.name


class SubsistenceLine(models.Model):
    """The local minimum living allowance line (低保标准) of a year, per person and month."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    monthly_amount = models.DecimalField(
        _("yuan per person and month"), max_digits=8, decimal_places=2, validators=NOT_NEGATIVE
    )
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("subsistence allowance line")
        verbose_name_plural = _("subsistence allowance lines")

    def __str__(self):
        return f"{self.year}: {self.monthly_amount}"


class Cause(models.TextChoices):
    ILLNESS = "illness", _("illness")
    DISABILITY = "disability", _("disability")
    UNEMPLOYMENT = "unemployment", _("unemployment")
    SCHOOLING = "schooling", _("children in school")
    DISASTER = "disaster", _("disaster or accident")
    SINGLE_PARENT = "single_parent", _("single parent")
    OTHER = "other", _("other")


# The causes with which an income below 150% of the line makes a hardship.
NEAR_LINE_CAUSES = frozenset({Cause.ILLNESS, Cause.SCHOOLING, Cause.DISASTER})


class Criterion(models.TextChoices):
    """The criteria of hardship a file meets, worked out from its figures (selectors)."""

    DIBAO = "dibao", _("a household on the minimum living allowance (低保)")
    BELOW_LINE = "below_line", _("income per head below the allowance line")
    NEAR_LINE = (
        "near_line",
        _(
            "income per head below one and a half times the line, with illness, schooling or "
            "a disaster"
        ),
    )
    MEDICAL = "medical", _("medical costs above half the household's yearly income")


class CloseReason(models.TextChoices):
    OUT_OF_HARDSHIP = "out", _("out of hardship (脱困)")
    LEFT = "left", _("left the union or the job")
    DIED = "died", _("died")
    MOVED = "moved", _("moved away")
    OTHER = "other", _("other")


class HardshipFileQuerySet(PersonalQuerySet):
    def open(self):
        return self.filter(closed_on__isnull=True)

    def open_on(self, day: datetime.date):
        """The files open at the end of `day` (opened by then, not closed by then)."""
        return self.filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day), opened_on__lte=day)

    def due_for_review(self, today: datetime.date):
        """Open files last reviewed (or, never reviewed, opened) 6 months ago or earlier."""
        due = add_months(today, -REVIEW_MONTHS)
        return self.open().filter(
            Q(last_reviewed_on__lte=due) | Q(last_reviewed_on__isnull=True, opened_on__lte=due)
        )


class HouseholdQuerySet(HardshipFileQuerySet):
    union_path = "file__union"


class HardshipFile(Versioned):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="hardship_files", verbose_name=_("union")
    )
    name = models.CharField(_("full name"), max_length=50)
    id_number = models.CharField(_("ID number"), max_length=18)
    member = models.ForeignKey(
        Member,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="hardship_files",
        verbose_name=_("member"),
        help_text=_("Found by the ID number when the worker is a member."),
    )
    enterprise = models.ForeignKey(
        Enterprise,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="hardship_files",
        verbose_name=_("enterprise"),
    )
    is_migrant = models.BooleanField(_("migrant worker"), default=False)
    has_year_contract = models.BooleanField(
        _("labour contract of a year or more"),
        default=False,
        help_text=_("A migrant worker qualifies only as a member with such a contract."),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    household_size = models.PositiveSmallIntegerField(
        _("people in the household"), validators=[MinValueValidator(1)]
    )
    household_income = models.DecimalField(
        _("household income per month (yuan)"),
        max_digits=10,
        decimal_places=2,
        validators=NOT_NEGATIVE,
    )
    medical_costs = models.DecimalField(
        _("own medical costs per year (yuan)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(0),
        validators=NOT_NEGATIVE,
        help_text=_("What the household paid itself, after insurance."),
    )
    on_dibao = models.BooleanField(_("household on the minimum living allowance (低保)"))
    causes = models.JSONField(_("causes of hardship"), default=list)
    grade = models.ForeignKey(
        HardshipGrade, models.PROTECT, related_name="files", verbose_name=_("hardship grade")
    )
    criteria = models.JSONField(_("criteria met"), default=list, editable=False)
    needs = models.TextField(_("help needed"))
    opened_on = models.DateField(_("opened on"))
    last_reviewed_on = models.DateField(_("last reviewed on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    close_reason = models.CharField(
        _("reason closed"), max_length=10, choices=CloseReason.choices, blank=True
    )
    close_note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    objects = HardshipFileQuerySet.as_manager()

    class Meta:
        ordering = ["-opened_on", "-pk"]
        verbose_name = _("hardship file")
        verbose_name_plural = _("hardship files")
        permissions = [
            ("view_individuals", _("Can see hardship files, aid and appeals by name")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["id_number"],
                condition=Q(closed_on__isnull=True),
                name="one_open_hardship_file_a_person",
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assistance:file_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_on is None

    @property
    def income_per_head(self) -> Decimal:
        return (self.household_income / self.household_size).quantize(Decimal("0.01"))


class Relation(models.TextChoices):
    SPOUSE = "spouse", _("spouse")
    CHILD = "child", _("child")
    PARENT = "parent", _("parent")
    OTHER = "other", _("other")


class HouseholdMember(models.Model):
    file = models.ForeignKey(
        HardshipFile, models.CASCADE, related_name="household", verbose_name=_("hardship file")
    )
    name = models.CharField(_("full name"), max_length=50)
    relation = models.CharField(_("relation"), max_length=10, choices=Relation.choices)
    born_in = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    situation = models.CharField(
        _("situation"), max_length=100, blank=True, help_text=_("At school, ill, unemployed…")
    )
    monthly_income = models.DecimalField(
        _("income per month (yuan)"),
        max_digits=10,
        decimal_places=2,
        default=Decimal(0),
        validators=NOT_NEGATIVE,
    )
    history = HistoricalRecords()

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("household member")
        verbose_name_plural = _("household members")

    def __str__(self):
        return self.name
