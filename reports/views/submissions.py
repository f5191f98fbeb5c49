"""The industry union's side of the monthly progress report (月报): who has submitted a month's
report in the user's area, and the reminders sent to those who have not."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from cohesion_portal.access import APPROVE, scope_for
from cohesion_portal.dates import month_label
from cohesion_portal.params import query_id
from cohesion_portal.views import (
    PortalViewMixin,
    RequiresChangeMixin,
    ScopedListView,
    add_service_error,
)
from unions.models import Union

from ..filters import SubmissionFilter
from ..forms import RemindForm
from ..selectors.monthly import (
    STATE_CHOICES,
    expected_unions,
    parse_month,
    report_month_default,
    state_counts,
    with_state,
)
from ..services.monthly import (
    monthly_reminders_send,
)
from ..tables import SubmissionTable
from .monthly import REPORTS_CRUMB, STATUS_CRUMB

NAMES_SHOWN = 10  # unions named in the message after a reminder; the rest counted


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
        union_id = query_id(request.GET, "union")
        self.union = None
        if request.GET.get("union") and request.user.is_authenticated:
            if union_id is None:
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
            shown = "、".join(sent.reminded[:NAMES_SHOWN])
            if len(sent.reminded) > NAMES_SHOWN:
                shown = gettext("%(names)s and %(more)d more") % {
                    "names": shown,
                    "more": len(sent.reminded) - NAMES_SHOWN,
                }
            messages.success(
                self.request,
                gettext("Reminders sent to %(count)d unions: %(names)s.")
                % {"count": sent.opened, "names": shown},
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
