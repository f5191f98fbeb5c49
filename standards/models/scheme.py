"""The assessment scheme as data: dimensions (the plan's "six goods"), indicators with their
points and rule, thresholds, veto items, grade rules and the trusted-home rule; and the
periods assessed under it."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import SharedQuerySet
from cohesion_portal.versioning import Versioned

POINTS = {"max_digits": 6, "decimal_places": 2}


def plain(points: Decimal) -> Decimal:
    """40.00 -> 40, 2.50 -> 2.5: points as people write them."""
    return points.to_integral() if points == points.to_integral() else points.normalize()


class Grade(models.TextChoices):
    NONE = "", _("no grade")
    A = "A", "A"
    AA = "AA", "AA"
    AAA = "AAA", "AAA"


GRADE_ORDER = {Grade.NONE: 0, Grade.A: 1, Grade.AA: 2, Grade.AAA: 3}


class Scheme(Versioned):
    """One version of the scheme. A period is scored with the version it was opened with: once
    a period under it has scores, a version keeps its points and rules, and staff change the
    scheme by starting a new version from the latest one (services/scheme.py)."""

    name = models.CharField(_("name"), max_length=200)
    number = models.PositiveSmallIntegerField(_("version"), default=1)
    previous = models.OneToOneField(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
        verbose_name=_("started from"),
    )
    description = models.TextField(_("description"), blank=True)
    total_points = models.DecimalField(_("total points"), default=Decimal(100), **POINTS)
    # The trusted-home rule (职工信赖之家, T3).
    trusted_min_grade = models.CharField(
        _("trusted home: lowest grade"), max_length=3, choices=Grade.choices, default=Grade.AA
    )
    trusted_without_veto = models.BooleanField(_("trusted home: no veto item hit"), default=True)
    trusted_min_satisfaction = models.DecimalField(
        _("trusted home: lowest member satisfaction (%)"),
        default=Decimal(80),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        **POINTS,
    )
    survey_min_answers = models.PositiveIntegerField(
        _("least answers for a survey to count"),
        default=10,
        help_text=_("A survey with fewer answers gives no satisfaction rate."),
    )
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("assessment scheme")
        verbose_name_plural = _("assessment schemes")

    def __str__(self):
        return self.name if self.number == 1 else f"{self.name} · {self.version_label}"

    @property
    def version_label(self) -> str:
        return _("version %(number)s") % {"number": self.number}

    def get_absolute_url(self):
        return reverse("standards:scheme_detail", args=[self.pk])


class Dimension(models.Model):
    """One of the "goods" (好); its weight is its share of the total points."""

    scheme = models.ForeignKey(
        Scheme, models.CASCADE, related_name="dimensions", verbose_name=_("scheme")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=100)
    weight = models.DecimalField(_("points"), **POINTS)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["scheme", "order", "pk"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")
        constraints = [
            models.UniqueConstraint(fields=["scheme", "code"], name="one_dimension_code")
        ]

    def __str__(self):
        return self.name


class Method(models.TextChoices):
    COMPUTED = "computed", _("computed from records")
    ASSESSED = "assessed", _("assessed by the inspector")
    SELF_ASSESSED = "self", _("self-assessed, confirmed by the inspector")


class Indicator(models.Model):
    dimension = models.ForeignKey(
        Dimension, models.CASCADE, related_name="indicators", verbose_name=_("dimension")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    max_points = models.DecimalField(
        _("maximum points"), validators=[MinValueValidator(Decimal("0.01"))], **POINTS
    )
    method = models.CharField(_("how it is scored"), max_length=20, choices=Method.choices)
    metric = models.CharField(
        _("figure"), max_length=60, blank=True, help_text=_("For a computed indicator.")
    )
    guidance = models.TextField(
        _("what earns the points"), blank=True, help_text=_("The evidence an inspector expects.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["dimension__order", "order", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["dimension", "code"], name="one_indicator_code")
        ]

    def __str__(self):
        return self.name


class Threshold(models.Model):
    """A computed indicator's step: a value of at least `at_least` earns `points`."""

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="thresholds", verbose_name=_("indicator")
    )
    at_least = models.DecimalField(_("value at least"), max_digits=12, decimal_places=2)
    points = models.DecimalField(_("points"), validators=[MinValueValidator(0)], **POINTS)
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "-at_least"]
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "at_least"], name="one_threshold_value")
        ]

    def __str__(self):
        return f"≥ {self.at_least} → {self.points}"


class GradeRule(models.Model):
    """What a grade asks: a total, and a least share of every dimension's points."""

    scheme = models.ForeignKey(
        Scheme, models.CASCADE, related_name="grade_rules", verbose_name=_("scheme")
    )
    grade = models.CharField(_("grade"), max_length=3, choices=[c for c in Grade.choices if c[0]])
    min_total = models.DecimalField(_("least total"), **POINTS)
    min_dimension_share = models.DecimalField(
        _("least share of each dimension (%)"),
        default=Decimal(0),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        **POINTS,
    )
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["scheme", "-min_total"]
        verbose_name = _("grade rule")
        verbose_name_plural = _("grade rules")
        constraints = [models.UniqueConstraint(fields=["scheme", "grade"], name="one_rule_a_grade")]

    def __str__(self):
        return f"{self.grade} ≥ {self.min_total}"


class VetoItem(models.Model):
    """一票否决: an incident that caps the grade whatever the points."""

    scheme = models.ForeignKey(
        Scheme, models.CASCADE, related_name="veto_items", verbose_name=_("scheme")
    )
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=200)
    caps_grade_at = models.CharField(
        _("grade at most"), max_length=3, choices=Grade.choices, default=Grade.NONE, blank=True
    )
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["scheme", "code"]
        verbose_name = _("veto item")
        verbose_name_plural = _("veto items")
        constraints = [models.UniqueConstraint(fields=["scheme", "code"], name="one_veto_code")]

    def __str__(self):
        return self.name


class Period(models.Model):
    """What is assessed together: a year, usually, under one scheme."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    scheme = models.ForeignKey(
        Scheme, models.PROTECT, related_name="periods", verbose_name=_("scheme")
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("assessment period")
        verbose_name_plural = _("assessment periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")),
                name="period_ends_after_it_starts",
                violation_error_message=_("The period cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return f"{reverse('standards:ranking')}?period={self.pk}"
