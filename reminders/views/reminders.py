"""The reminder list (the notification list) and marking a reminder as handled."""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import can_change_anything
from cohesion_portal.views import ScopedListView, ScopedObjectFormView

from ..filters import ReminderFilter
from ..forms import MarkHandledForm
from ..models import Reminder
from ..services import reminder_mark_handled
from ..tables import ReminderTable


class ReminderListView(ScopedListView):
    model = Reminder
    table_class = ReminderTable
    filterset_class = ReminderFilter
    title = _("Reminders")

    def get_queryset(self):
        return super().get_queryset().select_related("union")

    def get_table_kwargs(self):
        # Read-only roles see reminders but cannot mark them (the view would refuse).
        return {"may_handle": can_change_anything(self.request.user)}


class ReminderHandledView(ScopedObjectFormView):
    model = Reminder
    form_class = MarkHandledForm
    template_name = "reminders/mark_handled.html"

    def get_title(self):
        return _("Mark as handled")

    def get_breadcrumbs(self):
        return [(_("Reminders"), reverse("reminders:list"))]

    def form_valid(self, form):
        if reminder_mark_handled(actor=self.request.user, reminder=self.object):
            messages.success(self.request, _("The reminder was marked as handled."))
        else:
            messages.info(self.request, _("This reminder is already closed."))
        return HttpResponseRedirect(reverse("reminders:list"))
