"""Aid (救助记录) handed to a worker or to an enterprise in difficulty, under the programmes of
"three sends, three helps" (三送三助), often within a campaign the industry union runs (2027
Spring Festival warmth, summer cooling…) with a budget and the unions taking part."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import Scope, ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Enterprise, IndustryUnion, Union

from .files import HardshipFile
from .personal import PersonalQuerySet

# One record above this is a typing error, not aid (a family's year of 低保 is below it).
LARGEST_AID = Decimal("100000.00")
MONEY = [MinValueValidator(Decimal("0.01")), MaxValueValidator(LARGEST_AID)]


class Programme(models.TextChoices):
    WARMTH = "warmth", _("send warmth (送温暖)")
    COOLING = "cooling", _("send coolness (送清凉)")
    CULTURE = "culture", _("send culture (送文化)")
    HARDSHIP = "hardship", _("help in hardship (助困)")
    JOBS = "jobs", _("help to a job (助岗)")
    SCHOOLING = "schooling", _("golden-autumn schooling aid (金秋助学)")


class Funds(models.TextChoices):
    UNION = "union", _("union funds")
    HIGHER = "higher", _("a higher union's grant")
    DONATION = "donation", _("donations")
    EMPLOYER = "employer", _("the employer")


class CampaignQuerySet(ScopedQuerySet):
    """A campaign is its industry union's, and seen by the unions taking part."""

    def scope_condition(self, scope: Scope) -> Q:
        taking_part = Campaign.unions.through.objects.filter(
            scope.union_condition("union__")
        ).values("campaign")
        return scope.industry_condition() | Q(pk__in=taking_part)


class Campaign(Versioned):
    industry_union = models.ForeignKey(
        IndustryUnion, models.PROTECT, related_name="campaigns", verbose_name=_("industry union")
    )
    name = models.CharField(_("name"), max_length=100)
    programme = models.CharField(_("programme"), max_length=10, choices=Programme.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    budget = models.DecimalField(
        _("budget (yuan)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    unions = models.ManyToManyField(
        Union, related_name="campaigns", blank=True, verbose_name=_("unions taking part")
    )
    history = HistoricalRecords(m2m_fields=[unions])

    objects = CampaignQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("aid campaign")
        verbose_name_plural = _("aid campaigns")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assistance:campaign_detail", args=[self.pk])


class Aid(Versioned):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="aid", verbose_name=_("union giving it")
    )
    campaign = models.ForeignKey(
        Campaign,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="aid",
        verbose_name=_("campaign"),
    )
    programme = models.CharField(_("programme"), max_length=10, choices=Programme.choices)
    # The recipient: a worker (named, with their file when they have one) or an enterprise.
    file = models.ForeignKey(
        HardshipFile,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="aid",
        verbose_name=_("hardship file"),
    )
    name = models.CharField(_("full name"), max_length=50, blank=True)
    id_number = models.CharField(_("ID number"), max_length=18, blank=True)
    enterprise = models.ForeignKey(
        Enterprise,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="aid",
        verbose_name=_("enterprise in difficulty"),
        help_text=_("Instead of a worker, when the aid goes to an enterprise."),
    )
    cash = models.DecimalField(
        _("cash (yuan)"), max_digits=10, decimal_places=2, null=True, blank=True, validators=MONEY
    )
    goods = models.CharField(_("goods"), max_length=200, blank=True)
    goods_value = models.DecimalField(
        _("value of the goods (yuan)"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=MONEY,
    )
    funds = models.CharField(_("source of funds"), max_length=10, choices=Funds.choices)
    given_on = models.DateField(_("given on"))
    handed_over_by = models.CharField(_("handed over by"), max_length=50)
    # 金秋助学: the child at school.
    child_name = models.CharField(_("child's name"), max_length=50, blank=True)
    child_born_in = models.PositiveSmallIntegerField(
        _("child's year of birth"), null=True, blank=True
    )
    school = models.CharField(_("school"), max_length=100, blank=True)
    school_year = models.CharField(_("grade at school"), max_length=30, blank=True)
    history = HistoricalRecords()

    objects = PersonalQuerySet.as_manager()

    class Meta:
        ordering = ["-given_on", "-pk"]
        # The list's first page is the newest: without it, all of an industry's aid is sorted.
        indexes = [models.Index(fields=["-given_on", "-id"], name="aid_given_on_id")]
        verbose_name = _("aid record")
        verbose_name_plural = _("aid records")

    def __str__(self):
        return f"{self.recipient} · {self.get_programme_display()}"

    def get_absolute_url(self):
        return reverse("assistance:aid_detail", args=[self.pk])

    @property
    def recipient(self) -> str:
        return self.name or (self.enterprise.name if self.enterprise_id else "")

    @property
    def value(self) -> Decimal:
        return (self.cash or Decimal(0)) + (self.goods_value or Decimal(0))
