"""Workers' appeals (职工诉求, 连心桥): received by visit, phone, letter or online, routed to the
union that answers them, with a deadline in working days that the appeal's class sets (12351's
practice). Every step is kept, and shown to the worker on the public tracking page."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import Scope, SharedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import IndustryUnion, Union

from .personal import PersonalQuerySet

# The classes as the data migration adds them (code, name, working days to answer, order):
# 12351's practice, which staff may change (data, not code).
DEFAULT_APPEAL_CLASSES = (
    ("ordinary", "一般诉求", 5, 1),
    ("difficult", "疑难诉求", 15, 2),
    ("complex", "特别复杂诉求", 30, 3),
)


class AppealClass(models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=30)
    working_days = models.PositiveSmallIntegerField(
        _("working days to answer"), validators=[MinValueValidator(1)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    objects = SharedQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("appeal class")
        verbose_name_plural = _("appeal classes")

    def __str__(self):
        return self.name


class Channel(models.TextChoices):
    VISIT = "visit", _("visit")
    PHONE = "phone", _("phone")
    LETTER = "letter", _("letter")
    ONLINE = "online", _("on the web")


class AppealCategory(models.TextChoices):
    WAGES = "wages", _("wages owed or pay")
    CONTRACT = "contract", _("labour contract")
    INJURY = "injury", _("work injury")
    SOCIAL_INSURANCE = "insurance", _("social insurance")
    HARDSHIP = "hardship", _("hardship in life")
    RIGHTS = "rights", _("democratic rights at work")
    OTHER = "other", _("other")


class AppealStatus(models.TextChoices):
    RECEIVED = "received", _("received")
    ACCEPTED = "accepted", _("accepted for handling")
    IN_HAND = "in_hand", _("in hand")
    ANSWERED = "answered", _("answered")
    CLOSED = "closed", _("concluded")


# The statuses an appeal can move to from each (services.appeals checks every move).
NEXT_STATUSES = {
    AppealStatus.RECEIVED: (AppealStatus.ACCEPTED, AppealStatus.CLOSED),
    AppealStatus.ACCEPTED: (AppealStatus.IN_HAND, AppealStatus.ANSWERED),
    AppealStatus.IN_HAND: (AppealStatus.ANSWERED,),
    AppealStatus.ANSWERED: (AppealStatus.IN_HAND, AppealStatus.CLOSED),
    AppealStatus.CLOSED: (),
}
# Until answered, the deadline runs.
RUNNING = (AppealStatus.RECEIVED, AppealStatus.ACCEPTED, AppealStatus.IN_HAND)


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("satisfied")
    BASICALLY = "basically", _("basically satisfied")
    UNSATISFIED = "unsatisfied", _("not satisfied")


class AppealQuerySet(PersonalQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        # An appeal not yet routed to a union is its industry union's.
        return scope.union_condition("union__") | (
            Q(union__isnull=True) & scope.industry_condition()
        )

    def running(self):
        return self.filter(status__in=RUNNING)

    def overdue_on(self, today):
        """Not answered, and the deadline (the end of its day) has passed."""
        return self.running().filter(deadline__lt=today)

    def escalated_on(self, today):
        """Overdue past the second threshold: the industry union's to follow up."""
        return self.running().filter(escalates_on__lt=today)


class Appeal(Versioned):
    industry_union = models.ForeignKey(
        IndustryUnion, models.PROTECT, related_name="appeals", verbose_name=_("industry union")
    )
    union = models.ForeignKey(
        Union,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="appeals",
        verbose_name=_("responsible union"),
        help_text=_("Empty while the industry union itself handles it or has not routed it."),
    )
    tracking_number = models.CharField(_("tracking number"), max_length=20, unique=True)
    # The worker's secret code for the tracking page, hashed like a password.
    code_hash = models.CharField(max_length=128, editable=False)
    channel = models.CharField(_("received by"), max_length=10, choices=Channel.choices)
    category = models.CharField(_("category"), max_length=10, choices=AppealCategory.choices)
    appeal_class = models.ForeignKey(
        AppealClass, models.PROTECT, related_name="appeals", verbose_name=_("appeal class")
    )
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    name = models.CharField(_("full name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    workplace = models.CharField(_("workplace"), max_length=100, blank=True)
    subject = models.CharField(_("subject"), max_length=100)
    content = models.TextField(_("what happened and what is asked"))
    received_on = models.DateField(_("received on"))
    deadline = models.DateField(_("answer due by"), editable=False)
    # The day after which an unanswered appeal is the industry union's to follow up.
    escalates_on = models.DateField(editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=AppealStatus.choices, default=AppealStatus.RECEIVED
    )
    answer = models.TextField(_("answer to the worker"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    satisfaction = models.CharField(
        _("satisfaction"), max_length=12, choices=Satisfaction.choices, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["code_hash"])

    objects = AppealQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self):
        return self.tracking_number

    def get_absolute_url(self):
        return reverse("assistance:appeal_detail", args=[self.pk])

    @property
    def next_statuses(self) -> tuple[str, ...]:
        return NEXT_STATUSES[AppealStatus(self.status)]


class AppealStepQuerySet(PersonalQuerySet):
    def scope_condition(self, scope: Scope) -> Q:
        return scope.union_condition("appeal__union__") | (
            Q(appeal__union__isnull=True) & scope.industry_condition("appeal__industry_union_id")
        )


class AppealStep(models.Model):
    """One step of an appeal, as the worker's tracking page lists them: a move to a status, or
    a routing to another union. `by` is empty for the worker's own steps (filing, rating)."""

    appeal = models.ForeignKey(
        Appeal, models.CASCADE, related_name="steps", verbose_name=_("appeal")
    )
    status = models.CharField(_("status"), max_length=10, choices=AppealStatus.choices)
    # A routing step: to `routed_to`, or back to the industry union when that is empty.
    routed = models.BooleanField(_("routed"), default=False)
    routed_to = models.ForeignKey(
        Union,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("routed to"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now, editable=False)

    objects = AppealStepQuerySet.as_manager()

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("appeal step")
        verbose_name_plural = _("appeal steps")

    def __str__(self):
        return f"{self.appeal} · {self.get_status_display()}"
