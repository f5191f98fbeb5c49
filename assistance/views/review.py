"""The yearly review of hardship files (年审): the open files not yet reviewed this year, a
page at a time, each to confirm, regrade or close."""

import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import ListView

from cohesion_portal.access import CHANGE
from cohesion_portal.params import parse_id
from cohesion_portal.views import RequiresChangeMixin, ScopedViewMixin

from ..models import CloseReason, HardshipFile, HardshipGrade
from ..services.review import CLOSE, CONFIRM, REGRADE, Decision, files_review
from .files import FILES_CRUMB

ACTIONS = ((CONFIRM, _("confirm as it is")), (REGRADE, _("regrade")), (CLOSE, _("close")))


class FileReviewView(RequiresChangeMixin, ScopedViewMixin, ListView):
    model = HardshipFile
    scope_action = CHANGE
    template_name = "assistance/file_review.html"
    paginate_by = 25

    def get_title(self):
        return _("Yearly review %(year)s") % {"year": self.year_start.year}

    def get_breadcrumbs(self):
        return [FILES_CRUMB]

    @property
    def year_start(self) -> datetime.date:
        return timezone.localdate().replace(month=1, day=1)

    def get_queryset(self):
        """Open files opened before this year and not reviewed since it began."""
        start = self.year_start
        return (
            super()
            .get_queryset()
            .open()
            .filter(opened_on__lt=start)
            .filter(Q(last_reviewed_on__isnull=True) | Q(last_reviewed_on__lt=start))
            .select_related("union", "grade")
            .order_by("union__path", "name", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["actions"] = ACTIONS
        context["grades"] = list(HardshipGrade.objects.all())
        context["close_reasons"] = CloseReason.choices
        chosen = getattr(self, "chosen", {})
        for file in context["object_list"]:  # (a refused page shows every choice again)
            file.chosen = {
                name: chosen.get(f"{name}-{file.pk}", "") for name in ("action", "grade", "reason")
            }
        return context

    def post(self, request, *args, **kwargs):
        decisions = []
        for pk in filter(None, map(parse_id, request.POST.getlist("file"))):
            action = request.POST.get(f"action-{pk}", "")
            if action not in (CONFIRM, REGRADE, CLOSE):
                continue  # not decided yet: left for later
            decisions.append(
                Decision(
                    file_id=pk,
                    version=parse_id(request.POST.get(f"version-{pk}")) or 0,
                    action=action,
                    grade_id=parse_id(request.POST.get(f"grade-{pk}")),
                    close_reason=request.POST.get(f"reason-{pk}", ""),
                )
            )
        try:
            done = files_review(actor=request.user, files=self.get_queryset(), decisions=decisions)
        except ValidationError as error:
            messages.error(request, error.messages[0])
            self.chosen = request.POST  # (the page again, with every choice as it was made)
            self.object_list = self.get_queryset()
            return self.render_to_response(self.get_context_data())
        messages.success(
            request,
            _("Reviewed: %(confirmed)s confirmed, %(regraded)s regraded, %(closed)s closed.")
            % {"confirmed": done[CONFIRM], "regraded": done[REGRADE], "closed": done[CLOSE]},
        )
        return HttpResponseRedirect(request.get_full_path())
