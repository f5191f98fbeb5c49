"""The assessment: self-inspection by the union, inspection by the area cadre, approval by the
industry union; veto items recorded by inspectors."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal import versioning
from cohesion_portal.access import APPROVE, CHANGE, INSPECT, scope_for
from cohesion_portal.documents import document_response
from cohesion_portal.views import (
    RecordDetailView,
    ScopedCreateView,
    ScopedDetailView,
    ScopedListView,
    ScopedObjectFormView,
    VersionedFormMixin,
    add_service_error,
)

from ..filters import AssessmentFilter
from ..forms import (
    AssessmentStartForm,
    DecisionForm,
    InspectionForm,
    ReturnForm,
    SelfInspectionForm,
    VetoHitForm,
)
from ..models import Assessment, AssessmentScore, AssessmentStatus, VetoHit
from ..selectors import can_begin_a_self_inspection
from ..services import (
    assessment_decide,
    assessment_start,
    ensure_scores,
    inspection_save,
    self_inspection_return,
    self_inspection_save,
    veto_record,
)
from ..tables import AssessmentTable

ASSESSMENTS_CRUMB = (_("Inspections"), reverse_lazy("standards:assessment_list"))


class AssessmentListView(ScopedListView):
    model = Assessment
    create_url_name = "standards:assessment_start"
    create_label = _("Begin a self-inspection")
    table_class = AssessmentTable
    filterset_class = AssessmentFilter
    title = _("Inspections")

    def get_queryset(self):
        return super().get_queryset().select_related("union", "period")

    def may_create(self) -> bool:
        """Offered only while a self-inspection can still begin: a union the user may change
        without one in some period (the start page would refuse every other choice)."""
        return super().may_create() and can_begin_a_self_inspection(user=self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if not scope_for(self.request.user, INSPECT).is_empty:
            context["extra_actions"] = [
                (
                    reverse("standards:veto_create"),
                    _("Record a veto item"),
                    "bi-exclamation-octagon",
                )
            ]
        return context


class AssessmentStartView(ScopedCreateView):
    model = Assessment
    form_class = AssessmentStartForm
    title = _("Begin a self-inspection")

    def get_breadcrumbs(self):
        return [ASSESSMENTS_CRUMB]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.pop("instance", None)
        return kwargs

    def save(self, form):
        return assessment_start(
            actor=self.request.user,
            period=form.cleaned_data["period"],
            union=form.cleaned_data["union"],
        )

    def get_success_url(self):
        return reverse("standards:self_inspection", args=[self.object.pk])


class AssessmentDetailView(RecordDetailView):
    model = Assessment
    template_name = "standards/assessment_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "period", "inspected_by")

    def get_title(self):
        return _("Inspection of %(union)s, %(period)s") % {
            "union": self.object.union.name,
            "period": self.object.period.name,
        }

    def get_breadcrumbs(self):
        return [ASSESSMENTS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment, user = self.object, self.request.user
        context["scores"] = assessment.scores.select_related("indicator__dimension")
        status = assessment.status
        may = {
            action: Assessment.objects.for_user(user, action).filter(pk=assessment.pk).exists()
            for action in (CHANGE, INSPECT, APPROVE)
        }
        context["may_self_inspect"] = may[CHANGE] and status == AssessmentStatus.DRAFT
        context["may_inspect"] = may[INSPECT] and status in (
            AssessmentStatus.SUBMITTED,
            AssessmentStatus.INSPECTED,
        )
        # Not offered to who inspected it: the service would refuse their approval.
        context["may_decide"] = (
            may[APPROVE]
            and status == AssessmentStatus.INSPECTED
            and assessment.inspected_by_id != user.pk
        )
        context["approves_elsewhere"] = (
            may[APPROVE]
            and status == AssessmentStatus.INSPECTED
            and assessment.inspected_by_id == user.pk
        )
        context["scorecard"] = assessment.union.scorecards.filter(period=assessment.period).first()
        return context


class ScoreRowsView(VersionedFormMixin, ScopedObjectFormView):
    """A form of one row per score of the assessment, open only at its own step."""

    model = Assessment
    template_name = "standards/score_rows_form.html"
    open_at: tuple = ()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Past this step (submitted, say): say so rather than offer a form the save refuses.
        context["step_closed"] = self.object.status not in self.open_at
        return context

    def get_queryset(self):
        return super().get_queryset().select_related("union", "period")

    def get_breadcrumbs(self):
        return [ASSESSMENTS_CRUMB, (str(self.object), self.object.get_absolute_url())]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["scores"] = ensure_scores(self.object)
        return kwargs

    def save(self, form):
        raise NotImplementedError

    def form_valid(self, form):
        version = versioning.loaded_version(form)
        self.object.version = version  # the assessment as the form read it
        try:
            self.save(form)
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, version)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.object.get_absolute_url())


class SelfInspectionView(ScoreRowsView):
    form_class = SelfInspectionForm
    scope_action = CHANGE
    open_at = (AssessmentStatus.DRAFT,)

    def get_title(self):
        return _("Self-inspection of %(union)s") % {"union": self.object.union.name}

    @property
    def success_message(self):
        if "submit" in self.request.POST:
            return _("The self-inspection was submitted for inspection.")
        return _("The self-inspection was saved; submit it when it is complete.")

    def save(self, form):
        self_inspection_save(
            actor=self.request.user,
            assessment=self.object,
            entries=form.entries(),
            submit="submit" in self.request.POST,
        )


class InspectionView(ScoreRowsView):
    form_class = InspectionForm
    scope_action = INSPECT
    open_at = (AssessmentStatus.SUBMITTED, AssessmentStatus.INSPECTED)
    success_message = _("The inspection was saved; the scorecard is recomputed.")

    def get_title(self):
        return _("Inspection of %(union)s") % {"union": self.object.union.name}

    def save(self, form):
        inspection_save(
            actor=self.request.user,
            assessment=self.object,
            entries=form.entries("points", "reason"),
        )


class ReturnSelfInspectionView(VersionedFormMixin, ScopedObjectFormView):
    model = Assessment
    form_class = ReturnForm
    scope_action = INSPECT

    def get_title(self):
        return _("Return the self-inspection to %(union)s") % {"union": self.object.union.name}

    def get_breadcrumbs(self):
        return [ASSESSMENTS_CRUMB, (str(self.object), self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decides_on_record": True}

    def form_valid(self, form):
        version = versioning.loaded_version(form)
        self.object.version = version  # the self-inspection as the inspector read it
        try:
            self_inspection_return(
                actor=self.request.user,
                assessment=self.object,
                comment=form.cleaned_data["comment"],
            )
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, version)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The self-inspection was returned to the union."))
        return HttpResponseRedirect(self.object.get_absolute_url())


class DecisionView(VersionedFormMixin, ScopedObjectFormView):
    model = Assessment
    form_class = DecisionForm
    scope_action = APPROVE

    def get_title(self):
        return _("Approve the inspection of %(union)s") % {"union": self.object.union.name}

    def get_breadcrumbs(self):
        return [ASSESSMENTS_CRUMB, (str(self.object), self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "decides_on_record": True}

    def form_valid(self, form):
        approve = form.cleaned_data["decision"] == "approve"
        version = versioning.loaded_version(form)
        self.object.version = version  # the inspection as the approver read it
        try:
            assessment_decide(
                actor=self.request.user,
                assessment=self.object,
                approve=approve,
                comment=form.cleaned_data["comment"],
            )
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, version)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The inspection was approved.") if approve else _("The inspection was returned."),
        )
        return HttpResponseRedirect(self.object.get_absolute_url())


class VetoHitCreateView(ScopedCreateView):
    model = VetoHit
    form_class = VetoHitForm
    title = _("Record a veto item")
    success_message = _("%(object)s was recorded.")
    required_action = INSPECT

    def get_breadcrumbs(self):
        return [ASSESSMENTS_CRUMB]

    def save(self, form):
        return veto_record(actor=self.request.user, hit=form.instance)

    def get_success_url(self):
        return reverse("standards:assessment_list")


class EvidenceView(ScopedDetailView):
    """A score's evidence file, to those who may see the assessment."""

    model = AssessmentScore

    def get(self, request, *args, **kwargs):
        score = self.get_object()
        return document_response(score.evidence_file, str(score.indicator))

    def get_queryset(self):
        return super().get_queryset().select_related("indicator")
