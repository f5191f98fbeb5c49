"""The monthly progress report (月报): the union's list and form, a report's page with its
review. The industry union's submission status and reminders: submissions.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from cohesion_portal import monthly_figures, versioning
from cohesion_portal.access import APPROVE, CHANGE, scope_for
from cohesion_portal.dates import month_label
from cohesion_portal.params import query_id
from cohesion_portal.views import (
    PortalViewMixin,
    RecordDetailView,
    RequiresChangeMixin,
    ScopedListView,
    ScopedObjectFormView,
    VersionedFormMixin,
    add_service_error,
)
from standards.shares import running_plan
from unions.models import Union
from unions.organisation import own_grassroots_union

from ..filters import MonthlyReportFilter
from ..forms import MonthlyReportForm, ReviewForm
from ..models import MonthlyReport
from ..models import MonthlyReportStatus as Status
from ..selectors.monthly import (
    expected_unions,
    figure_rows,
    parse_month,
    status_steps,
    unfilled_months,
)
from ..services.monthly import (
    OUTSTANDING,
    as_stored,
    month_to_report,
    monthly_report_accept,
    monthly_report_return,
    monthly_report_save,
    monthly_report_submit,
)
from ..tables import MonthlyReportTable

REPORTS_CRUMB = (_("Monthly reports"), reverse_lazy("reports:monthly_list"))
STATUS_CRUMB = (_("Submission status"), reverse_lazy("reports:monthly_status"))


# --- The list of reports -------------------------------------------------------------------


class MonthlyReportListView(ScopedListView):
    model = MonthlyReport
    template_name = "reports/monthly_list.html"
    table_class = MonthlyReportTable
    filterset_class = MonthlyReportFilter
    title = _("Monthly reports")

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def create_button(self):
        """An officer's own union's report of the month due (each union reports for itself)."""
        union = own_grassroots_union(self.request.user)
        if union is None or scope_for(self.request.user, CHANGE).is_empty:
            return None
        month = month_to_report(union, timezone.localdate())
        url = f"{reverse('reports:monthly_fill')}?month={month:%Y-%m}"
        return url, _("Report for %(month)s") % {"month": month_label(month)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        union = own_grassroots_union(user)
        plan = running_plan(timezone.localdate(), user=user) if union else None
        if union is not None and plan is not None:
            context["unfilled"] = [
                (month_label(month), f"{reverse('reports:monthly_fill')}?month={month:%Y-%m}")
                for month in unfilled_months(union, timezone.localdate(), since=plan.starts_on)
            ]
        if not scope_for(user, APPROVE).is_empty or scope_for(user).industry_union_ids:
            context["extra_actions"] = [
                (reverse("reports:monthly_status"), _("Submission status"), "bi-list-check")
            ]
        return context


# --- The union's form ----------------------------------------------------------------------


class MonthlyReportFillView(VersionedFormMixin, RequiresChangeMixin, PortalViewMixin, FormView):
    """The union's report of a month: the figures from the records (read only) and what the
    union writes; saved as a draft or submitted. `?month=2026-10` (default: the month the union
    works on now) and, for those who act for several unions, `?union=<id>`."""

    form_class = MonthlyReportForm
    template_name = "reports/monthly_fill.html"

    def dispatch(self, request, *args, **kwargs):
        self.today = timezone.localdate()
        return super().dispatch(request, *args, **kwargs)

    def setup_report(self):
        user = self.request.user
        self.union = self.report = None
        self.month = None
        if self.request.GET.get("union"):
            union_id = query_id(self.request.GET, "union")
            if union_id is None:
                raise Http404
            writable = expected_unions(Union.objects.for_user(user, CHANGE))
            self.union = writable.filter(pk=union_id).first()
            if self.union is None:
                raise Http404
        else:
            self.union = own_grassroots_union(user)
        if self.union is None:
            return
        asked = parse_month(self.request.GET.get("month"))
        if asked is not None and asked > self.today.replace(day=1):
            messages.warning(
                self.request, gettext("This month has not begun yet: its report cannot be written.")
            )
            asked = None
        self.month = asked or month_to_report(self.union, self.today)
        self.report = MonthlyReport.objects.filter(union=self.union, month=self.month).first()

    def get(self, request, *args, **kwargs):
        self.setup_report()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_report()
        if self.union is None:
            raise Http404
        return super().post(request, *args, **kwargs)

    def versioned_record(self):
        return self.report

    def reload_versioned_record(self):
        self.report = MonthlyReport.objects.filter(union=self.union, month=self.month).first()
        return self.report

    @property
    def editable(self) -> bool:
        return self.report is None or self.report.status in OUTSTANDING

    def get_title(self):
        if self.union is None:
            return _("Monthly report")
        return _("Monthly report for %(month)s") % {"month": month_label(self.month)}

    def get_breadcrumbs(self):
        return [REPORTS_CRUMB]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.report
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(union=self.union, month=self.month, report=self.report)
        if self.union is not None:
            context["editable"] = self.editable
            if self.editable:
                figures = monthly_figures.collect(self.union, self.month, self.today)
            else:
                figures = self.report.figures
            context["figures"] = figure_rows(figures)
            # What the person is shown: a submission freezes exactly these, or is refused.
            context["figures_shown"] = versioning.sign(as_stored(figures))
            context["month_label"] = month_label(self.month)
            context["so_far"] = self.month == self.today.replace(day=1)
        return context

    def form_valid(self, form):
        submit = "submit" in self.request.POST
        service = monthly_report_submit if submit else monthly_report_save
        version = versioning.loaded_version(form)
        seen = {}
        if submit:
            seen["figures_seen"] = versioning.unsign(self.request.POST.get("figures_shown"))
        try:
            report = service(
                actor=self.request.user,
                union=self.union,
                month=self.month,
                texts=form.texts(),
                version=version,
                today=self.today,
                **seen,
            )
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, version)
        except ValidationError as error:
            if getattr(error, "code", None) == "already_done" and self.report is not None:
                messages.info(self.request, " ".join(error.messages))
                return HttpResponseRedirect(self.report.get_absolute_url())
            add_service_error(form, error)
            return self.form_invalid(form)
        if submit:
            messages.success(
                self.request,
                gettext("The report for %(month)s was submitted to the industry union.")
                % {"month": month_label(self.month)},
            )
            return HttpResponseRedirect(report.get_absolute_url())
        messages.success(
            self.request,
            gettext("The draft was saved; submit it when it is complete."),
        )
        return HttpResponseRedirect(self.request.get_full_path())


# --- One report ------------------------------------------------------------------------------


class MonthlyReportDetailView(RecordDetailView):
    model = MonthlyReport
    template_name = "reports/monthly_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("union", "union__industry_union", "submitted_by", "reviewed_by")
        )

    def get_title(self):
        return _("Monthly report of %(union)s for %(month)s") % {
            "union": self.object.union.name,
            "month": month_label(self.object.month),
        }

    def get_breadcrumbs(self):
        return [REPORTS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.object, self.request.user
        context["figures"] = figure_rows(report.figures)
        context["steps"] = status_steps(report)
        context["may_edit"] = context["can_change"] and report.status in OUTSTANDING
        context["fill_url"] = (
            f"{reverse('reports:monthly_fill')}?"
            f"{urlencode({'month': f'{report.month:%Y-%m}', 'union': report.union_id})}"
        )
        may_review = (
            report.status == Status.SUBMITTED
            and MonthlyReport.objects.for_user(user, APPROVE).filter(pk=report.pk).exists()
        )
        context["review_form"] = None
        if may_review:
            context["review_form"] = ReviewForm()
            versioning.add_version_fields(context["review_form"], report)
        return context


class MonthlyReportReviewView(VersionedFormMixin, ScopedObjectFormView):
    """The industry union accepts a submitted report or returns it with comments."""

    model = MonthlyReport
    form_class = ReviewForm
    scope_action = APPROVE
    template_name = "reports/monthly_review.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def get_title(self):
        return _("Review the monthly report of %(union)s for %(month)s") % {
            "union": self.object.union.name,
            "month": month_label(self.object.month),
        }

    def get_breadcrumbs(self):
        return [REPORTS_CRUMB, (str(self.object), self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["report"] = self.object
        context["figures"] = figure_rows(self.object.figures)  # the report beside the decision
        context["decides_on_record"] = True
        return context

    def form_valid(self, form):
        accept = form.cleaned_data["decision"] == "accept"
        service = monthly_report_accept if accept else monthly_report_return
        version = versioning.loaded_version(form)
        self.object.version = version  # the report as the reviewer read it
        try:
            service(
                actor=self.request.user, report=self.object, comment=form.cleaned_data["comment"]
            )
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, version)
        except ValidationError as error:
            if getattr(error, "code", None) == "already_done":
                messages.info(self.request, " ".join(error.messages))
                return HttpResponseRedirect(self.object.get_absolute_url())
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            gettext("The report was accepted.")
            if accept
            else gettext("The report was returned to the union."),
        )
        return HttpResponseRedirect(self.object.get_absolute_url())


# --- The industry union's view of a month ----------------------------------------------------
