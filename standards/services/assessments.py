"""Writes of the standards app: the self-inspection, the inspection and its approval, veto
items. Each saved inspection or approval recomputes that union's scorecard."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cohesion_portal.versioning import expect_version

from ..models import (
    Assessment,
    AssessmentScore,
    AssessmentStatus,
    Indicator,
    Method,
    Period,
    VetoHit,
)
from ..models.scheme import plain


def scored_by_people(period: Period):
    """The indicators a person scores (assessed or self-assessed), in the scheme's order."""
    return (
        Indicator.objects.filter(dimension__scheme=period.scheme_id)
        .exclude(method=Method.COMPUTED)
        .order_by("dimension__order", "order", "pk")
    )


def ensure_scores(assessment: Assessment) -> list[AssessmentScore]:
    """The assessment's score rows, one for every indicator people score, in the scheme's order;
    rows for indicators added to the scheme since the assessment began are made here."""
    scores = {s.indicator_id: s for s in assessment.scores.select_related("indicator__dimension")}
    for indicator in scored_by_people(assessment.period):
        if indicator.pk not in scores:
            scores[indicator.pk], _created = AssessmentScore.objects.get_or_create(
                assessment=assessment, indicator=indicator
            )
    return sorted(
        scores.values(), key=lambda s: (s.indicator.dimension.order, s.indicator.order, s.pk)
    )


@transaction.atomic
def assessment_start(*, actor, period: Period, union) -> Assessment:
    """A union begins its self-inspection (自查) for a period."""
    if union.parent_id is not None:
        raise ValidationError({"union": _("Only a grassroots union is assessed.")})
    if Assessment.objects.filter(period=period, union=union).exists():
        raise ValidationError({"union": _("This union already has an assessment for the period.")})
    assessment = Assessment(period=period, union=union)
    assessment._history_user = actor
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError:  # started by someone else a moment before
        raise ValidationError(
            {"union": _("This union already has an assessment for the period.")}
        ) from None
    for indicator in scored_by_people(period):
        score = AssessmentScore(assessment=assessment, indicator=indicator)
        score._history_user = actor
        score.save()
    return assessment


def _points(value, indicator, field, errors) -> Decimal | None:
    if value is None:
        return None
    if value < 0 or value > indicator.max_points:
        errors[f"{field}_{indicator.pk}"] = _("Give between 0 and %(max)s points.") % {
            "max": plain(indicator.max_points)
        }
    return value


def _require_status(assessment, *allowed):
    if assessment.status not in allowed:
        raise ValidationError(
            _("This assessment is %(status)s; it cannot be changed at this step.")
            % {"status": assessment.get_status_display()}
        )


def _locked(assessment: Assessment, *allowed) -> Assessment:
    """The assessment locked for this step, if it is at one of the `allowed` steps and still at
    the version the object passed in was read at: its scores are edited as one form, and the
    assessment's version stands for them (cohesion_portal.versioning)."""
    read = assessment.version
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    _require_status(assessment, *allowed)
    expect_version(assessment, read)
    return assessment


@transaction.atomic
def self_inspection_save(*, actor, assessment: Assessment, entries: dict, submit=False):
    """entries: {score id: (self points, evidence, evidence file or None)}. With `submit`, hand
    it to the inspector: every self-assessed indicator then needs its points."""
    assessment = _locked(assessment, AssessmentStatus.DRAFT)
    scores = list(assessment.scores.select_related("indicator"))
    errors = {}
    for score in scores:
        self_points, evidence, upload = entries.get(score.pk, (None, "", None))
        if score.indicator.method != Method.SELF_ASSESSED:
            self_points = None  # the inspector alone scores these; the union gives evidence
        score.self_points = _points(self_points, score.indicator, "self_points", errors)
        score.self_evidence = evidence or ""
        if upload:
            score.evidence_file = upload
        if submit and score.indicator.method == Method.SELF_ASSESSED and self_points is None:
            errors[f"self_points_{score.pk}"] = _("Give your points before submitting.")
    if errors:
        raise ValidationError(errors)
    for score in scores:
        score._history_user = actor
        score.save(update_fields=["self_points", "self_evidence", "evidence_file"])
    assessment._history_user = actor
    if submit:
        assessment.status = AssessmentStatus.SUBMITTED
        assessment.submitted_at = timezone.now()
        assessment.save(update_fields=["status", "submitted_at"])
    else:  # its scores changed: the assessment moves on to its next version
        assessment.save(update_fields=["version"])
    return assessment


@transaction.atomic
def inspection_save(*, actor, assessment: Assessment, entries: dict) -> Assessment:
    """entries: {score id: (points, reason)}. The inspector scores every indicator; a reason is
    needed for an assessed one, and where the union's own points are changed."""
    assessment = _locked(assessment, AssessmentStatus.SUBMITTED, AssessmentStatus.INSPECTED)
    scores = list(assessment.scores.select_related("indicator"))
    errors = {}
    for score in scores:
        points, reason = entries.get(score.pk, (None, ""))
        reason = (reason or "").strip()
        if points is None:
            errors[f"points_{score.pk}"] = _("Give the points.")
            continue
        score.points = _points(points, score.indicator, "points", errors)
        changed = score.indicator.method == Method.SELF_ASSESSED and points != score.self_points
        if not reason and (changed or score.indicator.method == Method.ASSESSED):
            errors[f"reason_{score.pk}"] = (
                _("Say why the union's own points were changed.")
                if changed
                else _("Note the evidence the points rest on.")
            )
        score.reason = reason
    if errors:
        raise ValidationError(errors)
    for score in scores:
        score._history_user = actor
        score.save(update_fields=["points", "reason"])
    assessment.status = AssessmentStatus.INSPECTED
    assessment.inspected_at = timezone.now()
    assessment.inspected_by = actor
    assessment._history_user = actor
    assessment.save(update_fields=["status", "inspected_at", "inspected_by"])
    _rescore(assessment)
    return assessment


@transaction.atomic
def assessment_decide(*, actor, assessment: Assessment, approve: bool, comment="") -> Assessment:
    """The industry union approves an inspection, or returns it to the inspector."""
    assessment = _locked(assessment, AssessmentStatus.INSPECTED)
    if approve and assessment.inspected_by_id == actor.pk:
        raise ValidationError(
            _("You inspected this union yourself: someone else in the industry union approves.")
        )
    if not approve and not comment.strip():
        raise ValidationError({"comment": _("Say what the inspector should look at again.")})
    if approve:
        assessment.status = AssessmentStatus.APPROVED
        assessment.approved_at = timezone.now()
    else:
        assessment.status = AssessmentStatus.SUBMITTED
    assessment.comment = comment.strip()
    assessment._history_user = actor
    assessment.save(update_fields=["status", "approved_at", "comment"])
    _rescore(assessment, include_final=True)
    return assessment


@transaction.atomic
def self_inspection_return(*, actor, assessment: Assessment, comment: str) -> Assessment:
    """The inspector sends the self-inspection back to the union (more evidence, say)."""
    assessment = _locked(assessment, AssessmentStatus.SUBMITTED)
    if not comment.strip():
        raise ValidationError({"comment": _("Say what the union should add or correct.")})
    assessment.status = AssessmentStatus.DRAFT
    assessment.comment = comment.strip()
    assessment._history_user = actor
    assessment.save(update_fields=["status", "comment"])
    return assessment


@transaction.atomic
def veto_record(*, actor, hit: VetoHit) -> VetoHit:
    if hit.union.parent_id is not None:
        raise ValidationError({"union": _("Only a grassroots union is assessed.")})
    if hit.veto_item.scheme_id != hit.period.scheme_id:
        raise ValidationError({"veto_item": _("This veto item is not in the period's scheme.")})
    if not hit.period.starts_on <= hit.occurred_on <= hit.period.ends_on:
        raise ValidationError({"occurred_on": _("The date is outside the period.")})
    hit._history_user = actor
    hit.save()
    _rescore(hit, include_final=True)  # a veto caps even an approved grade
    return hit


def _rescore(record, include_final=False) -> None:
    """That union's scorecard again, once the change is committed."""
    from ..tasks import score_union_task

    period_id, union_id = record.period_id, record.union_id
    transaction.on_commit(lambda: score_union_task.delay(period_id, union_id, include_final))
