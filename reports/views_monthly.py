"""The monthly progress report (月报): the union's list and form, a report's page with its
review, and the industry union's submission status for a month with its reminders."""

import django_filters
import django_tables2 as tables
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from cohesion_portal import monthly_figures
from cohesion_portal.access import APPROVE, CHANGE, own_grassroots_union, scope_for
from cohesion_portal.dates import month_label
from cohesion_portal.filters import PortalFilterSet, search_box
from cohesion_portal.views import (
    PortalViewMixin,
    RecordDetailView,
    RequiresChangeMixin,
    ScopedListView,
    ScopedObjectFormView,
    add_service_error,
)
from unions.filters import UnionSubtreeFilter
from unions.models import Union

from .forms_monthly import MonthlyReportForm, RemindForm, ReviewForm
from .models import MonthlyReport
from .models import MonthlyReportStatus as Status
from .monthly import (
    FILTER_CHOICES,
    NOT_STARTED,
    OUTSTANDING_STATES,
    STATE_CHOICES,
    expected_unions,
    filter_state,
    parse_month,
    report_month_default,
    state_counts,
    with_state,
)
from .monthly_services import (
    OUTSTANDING,
    month_to_report,
    monthly_reminders_send,
    monthly_report_accept,
    monthly_report_return,
    monthly_report_save,
    monthly_report_submit,
)

REPORTS_CRUMB = (_("Monthly reports"), reverse_lazy("reports:monthly_list"))
STATUS_CRUMB = (_("Submission status"), reverse_lazy("reports:monthly_status"))


def figure_rows(report_figures: dict) -> list[dict]:
    """The report's figures in the registry's order; a figure no longer registered keeps its
    key as its name, one registered after the report was sent shows no value."""
    rows = []
    for figure in monthly_figures.figures():
        rows.append(
            {
                "label": figure.label,
                "help": figure.help_text,
                "unit": figure.unit,
                "value": report_figures.get(figure.key),
            }
        )
    known = {figure.key for figure in monthly_figures.figures()}
    for key, value in report_figures.items():
        if key not in known:
            rows.append({"label": key, "help": "", "unit": "", "value": value})
    return rows


STATE_BADGES = {
    NOT_STARTED: "text-bg-light border",
    Status.DRAFT: "text-bg-secondary",
    Status.SUBMITTED: "text-bg-warning",
    Status.RETURNED: "text-bg-danger",
    Status.ACCEPTED: "text-bg-success",
}


def state_badge(state) -> str:
    return format_html(
        '<span class="badge {}">{}</span>',
        STATE_BADGES.get(state, "text-bg-light"),
        dict(STATE_CHOICES).get(state, state),
    )


# --- The list of reports -------------------------------------------------------------------


class MonthFilter(django_filters.CharFilter):
    """A month (<input type="month">, "2026-10")."""

    field_class = forms.CharField

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("month"))
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "month"}))
        super().__init__(**kwargs)

    def filter(self, queryset, value):
        month = parse_month(value)
        return queryset.filter(**{self.field_name: month}) if month else queryset


class MonthlyReportFilter(PortalFilterSet):
    month = MonthFilter()
    status = django_filters.ChoiceFilter(label=_("status"), choices=Status.choices)
    union = UnionSubtreeFilter(label=_("union"))

    class Meta:
        model = MonthlyReport
        fields = ("month", "status", "union")


class MonthlyReportTable(tables.Table):
    month = tables.DateColumn(
        format="YEAR_MONTH_FORMAT", linkify=lambda record: record.get_absolute_url()
    )
    union = tables.Column(attrs={"td": {"class": "wrap"}}, order_by=("union__path",))
    status = tables.Column()
    submitted_at = tables.DateTimeColumn(format="SHORT_DATETIME_FORMAT", default="—")
    reviewed_at = tables.DateTimeColumn(format="SHORT_DATETIME_FORMAT", default="—")

    class Meta:
        model = MonthlyReport
        fields = ("month", "union", "status", "submitted_at", "reviewed_at")
        order_by = ("-month",)
        empty_text = _("No monthly report matches.")

    def render_status(self, record):
        return state_badge(record.status)


class MonthlyReportListView(ScopedListView):
    model = MonthlyReport
    table_class = MonthlyReportTable
    filterset_class = MonthlyReportFilter
    title = _("Monthly reports")

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        union = own_grassroots_union(user)
        if union is not None and not scope_for(user, CHANGE).is_empty:
            month = month_to_report(union, timezone.localdate())
            context["add_url"] = f"{reverse('reports:monthly_fill')}?month={month:%Y-%m}"
            context["add_label"] = _("Report for %(month)s") % {"month": month_label(month)}
        if not scope_for(user, APPROVE).is_empty or scope_for(user).industry_union_ids:
            context["extra_actions"] = [
                (reverse("reports:monthly_status"), _("Submission status"), "bi-list-check")
            ]
        return context


# --- The union's form ----------------------------------------------------------------------


class MonthlyReportFillView(RequiresChangeMixin, PortalViewMixin, FormView):
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
        union_id = self.request.GET.get("union")
        if union_id:
            if not str(union_id).isdigit():
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
            context["month_label"] = month_label(self.month)
            context["so_far"] = self.month == self.today.replace(day=1)
        return context

    def form_valid(self, form):
        submit = "submit" in self.request.POST
        service = monthly_report_submit if submit else monthly_report_save
        try:
            report = service(
                actor=self.request.user,
                union=self.union,
                month=self.month,
                texts=form.texts(),
                today=self.today,
            )
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


STEP_LABELS = {
    Status.DRAFT: _("Report begun"),
    Status.SUBMITTED: _("Submitted"),
    Status.RETURNED: _("Returned for changes"),
    Status.ACCEPTED: _("Accepted"),
}


def status_steps(report) -> list[dict]:
    """The report's way so far, from its history: begun, submitted, returned, accepted (saves
    that changed no status are left out)."""
    steps, previous = [], None
    records = report.history.select_related("history_user").order_by("history_date", "history_id")
    for record in records:
        status = record.status
        if previous is None or status != previous.status:
            again = status == Status.SUBMITTED and previous and previous.status == Status.RETURNED
            steps.append(
                {
                    "label": _("Submitted again") if again else STEP_LABELS[status],
                    "status": status,
                    "user": record.history_user,
                    "at": record.history_date,
                    "comment": record.review_comment
                    if status in (Status.RETURNED, Status.ACCEPTED)
                    else "",
                }
            )
        previous = record
    return steps


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
        context["review_form"] = ReviewForm() if may_review else None
        return context


class MonthlyReportReviewView(ScopedObjectFormView):
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
        return context

    def form_valid(self, form):
        accept = form.cleaned_data["decision"] == "accept"
        service = monthly_report_accept if accept else monthly_report_return
        try:
            service(
                actor=self.request.user, report=self.object, comment=form.cleaned_data["comment"]
            )
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


def default_month():
    return f"{report_month_default(timezone.localdate()):%Y-%m}"


class SubmissionFilter(PortalFilterSet):
    month = django_filters.CharFilter(
        label=_("month"), method="keep", widget=forms.DateInput(attrs={"type": "month"})
    )
    state = django_filters.ChoiceFilter(
        label=_("status"), choices=FILTER_CHOICES, method="filter_by_state", empty_label=_("all")
    )
    name = django_filters.CharFilter(
        label=_("union"),
        field_name="name",
        lookup_expr="icontains",
        widget=search_box(_("name of the union")),
    )

    class Meta:
        model = Union
        fields = ("month", "state", "name")

    defaults = {"month": default_month}

    def keep(self, queryset, name, value):
        return queryset  # the view reads the month: it decides what the rows are annotated with

    def filter_by_state(self, queryset, name, value):
        return filter_state(queryset, value)


class SubmissionTable(tables.Table):
    name = tables.Column(
        verbose_name=_("Union"), attrs={"td": {"class": "wrap"}}, order_by=("path",)
    )
    industry_union = tables.Column(
        verbose_name=_("industry union"), accessor="industry_union__short_name"
    )
    state = tables.Column(verbose_name=_("status"))
    submitted_at = tables.DateTimeColumn(
        verbose_name=_("submitted at"), format="SHORT_DATETIME_FORMAT", default="—"
    )
    action = tables.Column(verbose_name="", empty_values=(), orderable=False)

    class Meta:
        model = Union
        fields = ("name", "industry_union", "state", "submitted_at")
        order_by = ("name",)
        empty_text = _("No grassroots union matches.")

    def __init__(self, *args, month=None, may_remind=False, csrf_token="", **kwargs):
        super().__init__(*args, **kwargs)
        self.month, self.may_remind, self.csrf_token = month, may_remind, csrf_token

    def render_name(self, record, value):
        if record.report_id:
            return format_html(
                '<a href="{}">{}</a>',
                reverse("reports:monthly_detail", args=[record.report_id]),
                value,
            )
        return value

    def render_state(self, value):
        return state_badge(value)

    def render_action(self, record):
        parts = []
        if record.report_id and record.state == Status.SUBMITTED and self.may_remind:
            parts.append(
                format_html(
                    '<a class="btn btn-sm btn-primary" href="{}">{}</a>',
                    reverse("reports:monthly_review", args=[record.report_id]),
                    _("Review"),
                )
            )
        if record.state in OUTSTANDING_STATES and self.may_remind:
            parts.append(
                format_html(
                    '<form method="post" action="{}" class="d-inline">'
                    '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
                    '<button type="submit" class="btn btn-sm btn-outline-secondary">'
                    '<i class="bi bi-bell me-1"></i>{}</button></form>',
                    f"{reverse('reports:monthly_remind')}?"
                    f"{urlencode({'month': f'{self.month:%Y-%m}', 'union': record.pk})}",
                    self.csrf_token,
                    _("Send a reminder"),
                )
            )
        return format_html(" ".join(["{}"] * len(parts)), *parts) if parts else ""


class SubmissionStatusView(ScopedListView):
    """Every grassroots union in the user's area and where its report of the month stands."""

    model = Union
    table_class = SubmissionTable
    filterset_class = SubmissionFilter
    template_name = "reports/monthly_status.html"
    title = _("Monthly reports: submission status")
    table_pagination = {"per_page": 50}

    def get_month(self):
        if not hasattr(self, "_month"):
            month = parse_month(self.request.GET.get("month"))
            today = timezone.localdate()
            if month is None or month > today.replace(day=1):
                month = report_month_default(today)
            self._month = month
        return self._month

    def get_breadcrumbs(self):
        return [REPORTS_CRUMB]

    def base_queryset(self):
        return expected_unions(super().get_queryset())

    def get_queryset(self):
        return with_state(self.base_queryset(), self.get_month()).select_related("industry_union")

    def may_remind(self) -> bool:
        return not scope_for(self.request.user, APPROVE).is_empty

    def get_table_kwargs(self):
        from django.middleware.csrf import get_token

        return {
            "month": self.get_month(),
            "may_remind": self.may_remind(),
            "csrf_token": get_token(self.request) if self.may_remind() else "",
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        month = self.get_month()
        context["month"] = month
        context["month_label"] = month_label(month)
        context["counts"] = state_counts(self.base_queryset(), month)
        context["state_choices"] = STATE_CHOICES
        context["may_remind"] = self.may_remind()
        context["remind_all_url"] = (
            f"{reverse('reports:monthly_remind')}?{urlencode({'month': f'{month:%Y-%m}'})}"
        )
        return context


class SendRemindersView(RequiresChangeMixin, PortalViewMixin, FormView):
    """The industry union asks for a month's report: one union (`?union=<id>`) or every one
    in its area that has not submitted. Shows what it will do; sends on POST."""

    required_action = APPROVE
    form_class = RemindForm
    template_name = "reports/monthly_remind.html"
    title = _("Send reminders")

    def dispatch(self, request, *args, **kwargs):
        today = timezone.localdate()
        month = parse_month(request.GET.get("month"))
        self.month = month if month and month <= today.replace(day=1) else None
        self.month = self.month or report_month_default(today)
        union_id = request.GET.get("union")
        self.union = None
        if union_id and request.user.is_authenticated:
            if not str(union_id).isdigit():
                raise Http404
            self.union = (
                expected_unions(Union.objects.for_user(request.user, APPROVE))
                .filter(pk=union_id)
                .first()
            )
            if self.union is None and not scope_for(request.user, APPROVE).is_empty:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs(self):
        return [REPORTS_CRUMB, (STATUS_CRUMB[0], self.status_url())]

    def status_url(self):
        return (
            f"{reverse('reports:monthly_status')}?"
            f"{urlencode({'month': f'{self.month:%Y-%m}', 'state': 'outstanding'})}"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["month_label"] = month_label(self.month)
        context["union"] = self.union
        if self.union is None:
            unions = expected_unions(Union.objects.for_user(self.request.user, APPROVE))
            context["counts"] = state_counts(unions, self.month)
        else:
            context["state"] = with_state(
                Union.objects.filter(pk=self.union.pk), self.month
            ).values_list("state", flat=True)[0]
        context["status_url"] = self.status_url()
        return context

    def form_valid(self, form):
        try:
            sent = monthly_reminders_send(
                actor=self.request.user,
                month=self.month,
                union_ids=[self.union.pk] if self.union else None,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        if sent.opened:
            messages.success(
                self.request,
                gettext("Reminders sent: %(count)d.") % {"count": sent.opened},
            )
        if sent.already:
            messages.info(
                self.request,
                gettext("Unions that already had an open reminder for the month: %(count)d.")
                % {"count": sent.already},
            )
        if not sent.opened and not sent.already:
            messages.info(self.request, gettext("Every union has submitted: nobody to remind."))
        return HttpResponseRedirect(self.status_url())
