"""The member satisfaction survey (职工满意度测评): opening one, and a member's answer."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from unions.models import Member

from .models import Survey, SurveyResponse, SurveyVoter


@transaction.atomic
def survey_open(*, actor, survey: Survey) -> Survey:
    errors = {}
    if survey.union.parent_id is not None:
        errors["union"] = _("Only a grassroots union is assessed.")
    if survey.closes_on < survey.opens_on:
        errors["closes_on"] = _("The survey cannot close before it opens.")
    period = survey.period
    if not (period.starts_on <= survey.opens_on <= period.ends_on):
        errors["opens_on"] = _("The survey opens inside its period (%(start)s – %(end)s).") % {
            "start": period.starts_on.isoformat(),
            "end": period.ends_on.isoformat(),
        }
    if Survey.objects.filter(period=period, union=survey.union).exists():
        errors["union"] = _("This union already has a survey for the period.")
    if errors:
        raise ValidationError(errors)
    survey.save()
    return survey


def member_answering(survey: Survey, *, name: str, id_last6: str) -> Member | None:
    """The active member of the survey's union (or its branches) with this name and ID number
    ending; None where there is none (or, implausibly, two)."""
    members = Member.objects.active().filter(
        union__path__startswith=survey.union.path,
        name=name.strip(),
        id_number__endswith=id_last6.strip().upper(),
    )[:2]
    return members[0] if len(members) == 1 else None


@transaction.atomic
def survey_answer(*, survey: Survey, name, id_last6, answer, comment, today) -> SurveyResponse:
    """Record an answer. Who answered is kept (to refuse a second answer) apart from what was
    answered, with nothing that links the two."""
    if not survey.is_open_on(today):
        raise ValidationError(_("This survey is not open today."))
    # One message whether the person is no member or has answered already: the page must not
    # tell a visitor who is a member of the union.
    refused = ValidationError(
        _(
            "This name and ID number cannot answer: they match no member of this union, or "
            "that member has answered already. Check both and try again."
        )
    )
    member = member_answering(survey, name=name, id_last6=id_last6)
    if member is None:
        raise refused
    try:
        with transaction.atomic():
            SurveyVoter.objects.create(survey=survey, member=member)
    except IntegrityError:
        raise refused from None
    return SurveyResponse.objects.create(survey=survey, answer=answer, comment=comment.strip())
