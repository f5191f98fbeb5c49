"""Affairs disclosure (厂务公开): what an enterprise made known to its workers, and how."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from cohesion_portal.versioning import Versioned
from unions.models import Enterprise, Union


class DisclosureTopic(models.TextChoices):
    WAGES = "wages", _("wages")
    BONUSES = "bonuses", _("bonuses and allowances")
    SOCIAL_INSURANCE = "social_insurance", _("social insurance and housing fund")
    SAFETY = "safety", _("work safety")
    WORKING_TIME = "working_time", _("working time and leave")
    RESTRUCTURING = "restructuring", _("restructuring and lay-offs")
    MAJOR_DECISIONS = "major_decisions", _("major business decisions")
    WELFARE = "welfare", _("welfare and training")
    OTHER = "other", _("other")


class DisclosureChannel(models.TextChoices):
    BOARD = "board", _("notice board")
    MEETING = "meeting", _("workers' meeting")
    ONLINE = "online", _("online")
    OTHER = "other", _("other")


class Disclosure(Versioned):
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="disclosures", verbose_name=_("union")
    )
    enterprise = models.ForeignKey(
        Enterprise, models.PROTECT, related_name="disclosures", verbose_name=_("enterprise")
    )
    topic = models.CharField(_("topic"), max_length=30, choices=DisclosureTopic.choices)
    title = models.CharField(_("title"), max_length=200)
    disclosed_on = models.DateField(_("disclosed on"))
    channel = models.CharField(_("form"), max_length=20, choices=DisclosureChannel.choices)
    content = models.TextField(_("what was disclosed"))
    feedback = models.TextField(
        _("workers' feedback"), blank=True, help_text=_("Questions and opinions, and the answers.")
    )
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-disclosed_on", "-pk"]
        verbose_name = _("affairs disclosure")
        verbose_name_plural = _("affairs disclosures")
        indexes = [models.Index(fields=["disclosed_on"], name="disclosure_date")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("contracts:disclosure_detail", args=[self.pk])
