"""The officers' pages of appeals (职工诉求): the list, an appeal with its steps, filing one
taken by visit, phone or letter, moving it on and routing it. Only with the assistance
permission (the queryset says so)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    RecordDetailView,
    ScopedCreateView,
    ScopedListView,
    ScopedObjectFormView,
    add_service_error,
)
from cohesion_portal.workdays import is_published

from ..filters import AppealFilter
from ..forms import AppealForm, AppealMoveForm, AppealRouteForm
from ..models import RUNNING, Appeal, AppealStatus
from ..services import appeal_file, appeal_move, appeal_route
from ..tables import AppealTable

APPEALS_CRUMB = (_("Appeals"), reverse_lazy("assistance:appeal_list"))


class AppealListView(ScopedListView):
    model = Appeal
    create_url_name = "assistance:appeal_create"
    create_label = _("Register an appeal")
    table_class = AppealTable
    filterset_class = AppealFilter
    title = _("Appeals")

    def get_queryset(self):
        return super().get_queryset().select_related("union", "industry_union")


class AppealDetailView(RecordDetailView):
    model = Appeal
    template_name = "assistance/appeal_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "industry_union", "appeal_class")

    def get_title(self):
        return f"{self.object.tracking_number} · {self.object.subject}"

    def get_breadcrumbs(self):
        return [APPEALS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appeal = self.object
        context["steps"] = appeal.steps.select_related("routed_to", "by")
        context["overdue"] = appeal.status in RUNNING and appeal.deadline < timezone.localdate()
        # A deadline in a year whose holidays are not published yet may still move.
        context["deadline_may_move"] = not is_published(appeal.deadline.year)
        if context["can_change"] and appeal.next_statuses:
            context["move_form"] = AppealMoveForm(appeal=appeal)
        if context["can_change"] and appeal.status in RUNNING:
            context["route_form"] = AppealRouteForm(appeal=appeal, user=self.request.user)
        return context


class AppealCreateView(ScopedCreateView):
    """Register an appeal received by visit, phone or letter; the worker is told its tracking
    number and code (shown once). What the worker said is not edited afterwards: the steps
    carry what follows."""

    model = Appeal
    form_class = AppealForm
    title = _("Register an appeal")

    def get_breadcrumbs(self):
        return [APPEALS_CRUMB]

    def get_initial(self):
        return {"received_on": timezone.localdate()}

    def save(self, form):
        appeal, self.code = appeal_file(actor=self.request.user, appeal=form.instance)
        return appeal

    @property
    def success_message(self):
        return _(
            "The appeal was registered. Tell the worker: tracking number %(object)s, tracking "
            "code %(code)s (shown only this once)."
        ) % {"object": self.object, "code": self.code}  # (formatted again: nothing left)


class AppealActionView(ScopedObjectFormView):
    """A step on an appeal (its page holds the form); the appeal's page again after it."""

    model = Appeal

    def get_breadcrumbs(self):
        return [APPEALS_CRUMB, (str(self.object), self.object.get_absolute_url())]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "appeal": self.object, "user": self.request.user}

    def act(self, form) -> Appeal:
        raise NotImplementedError

    def form_valid(self, form):
        try:
            appeal = self.act(form)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done_message(appeal))
        if Appeal.objects.for_user(self.request.user).filter(pk=appeal.pk).exists():
            return HttpResponseRedirect(appeal.get_absolute_url())
        return HttpResponseRedirect(reverse("assistance:appeal_list"))


class AppealMoveView(AppealActionView):
    form_class = AppealMoveForm

    def get_title(self):
        return _("Move appeal %(number)s on") % {"number": self.object}

    def act(self, form):
        data = form.cleaned_data
        return appeal_move(
            actor=self.request.user,
            appeal=self.object,
            status=data["status"],
            note=data["note"],
            appeal_class=data.get("appeal_class"),
            answer=data.get("answer", ""),
            satisfaction=data.get("satisfaction", ""),
        )

    def done_message(self, appeal):
        return _("Appeal %(number)s is %(status)s now.") % {
            "number": appeal,
            "status": AppealStatus(appeal.status).label,
        }


class AppealRouteView(AppealActionView):
    form_class = AppealRouteForm

    def get_title(self):
        return _("Route appeal %(number)s") % {"number": self.object}

    def act(self, form):
        data = form.cleaned_data
        return appeal_route(
            actor=self.request.user, appeal=self.object, union=data["union"], note=data["note"]
        )

    def done_message(self, appeal):
        return _("Appeal %(number)s was passed to %(union)s.") % {
            "number": appeal,
            "union": appeal.union or appeal.industry_union,
        }
