"""The member satisfaction survey (职工满意度测评): members answer on their phones; an answer is
never linked to the person who gave it."""

import secrets
import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cohesion_portal.access import ScopedQuerySet
from unions.models import Member, Union

from .scheme import Period


def new_survey_code() -> str:
    return secrets.token_urlsafe(9)


class Survey(models.Model):
    period = models.ForeignKey(
        Period, models.PROTECT, related_name="surveys", verbose_name=_("period")
    )
    union = models.ForeignKey(
        Union, models.PROTECT, related_name="surveys", verbose_name=_("union")
    )
    code = models.CharField(max_length=20, unique=True, default=new_survey_code, editable=False)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    history = HistoricalRecords()

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on"]
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "union"],
                name="one_survey_per_union_and_period",
                violation_error_message=_("This union already has a survey for the period."),
            )
        ]

    def __str__(self):
        return f"{self.union} · {self.period}"

    def get_absolute_url(self):
        return reverse("standards:survey_detail", args=[self.pk])

    def is_open_on(self, day) -> bool:
        return self.opens_on <= day <= self.closes_on


class Answer(models.TextChoices):
    SATISFIED = "satisfied", _("satisfied")
    FAIRLY = "fairly", _("fairly satisfied")
    DISSATISFIED = "dissatisfied", _("dissatisfied")


SATISFIED_ANSWERS = (Answer.SATISFIED, Answer.FAIRLY)


class SurveyResponse(models.Model):
    """An answer: no member, no time, and a random key (a counting one would pair answers
    with the voters' rows, written one after the other), so it cannot be traced back."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey, models.CASCADE, related_name="responses", verbose_name=_("survey")
    )
    answer = models.CharField(_("answer"), max_length=20, choices=Answer.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")

    def __str__(self):
        return self.get_answer_display()


class SurveyVoter(models.Model):
    """Who has answered (to refuse a second answer), kept apart from what they answered."""

    survey = models.ForeignKey(Survey, models.CASCADE, related_name="voters")
    member = models.ForeignKey(Member, models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "member"],
                name="one_answer_per_member",
                violation_error_message=_("You have already answered this survey."),
            )
        ]

    def __str__(self):
        return f"{self.survey} · {self.member_id}"
