"""The worker's side of appeals (连心桥), open to the public: file an appeal (named or
anonymous), then follow it with the tracking number and the code, and rate the answer.
CSRF-protected and rate-limited per address; an unknown number and a wrong code get the same
answer, so the page tells nobody which tracking numbers exist."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views import View

from cohesion_portal.ratelimit import allow, client_address

from ..forms import AppealRateForm, AppealTrackForm, PublicAppealForm
from ..models import AppealStatus
from ..services import appeal_file, appeal_for_worker, appeal_rate


class AppealFileView(View):
    template_name = "assistance/public/appeal_file.html"

    def get(self, request):
        return self.page(PublicAppealForm())

    def post(self, request):
        key = f"appeal-file:{client_address(request)}"
        if not allow(key, limit=settings.APPEALS_PER_HOUR, seconds=3600):
            return self.page(None, status=429, too_many=True)
        form = PublicAppealForm(request.POST)
        if not form.is_valid():
            return self.page(form)
        try:
            appeal, code = appeal_file(actor=None, appeal=form.instance)
        except ValidationError as error:
            form.add_error(None, error)
            return self.page(form)
        return self.page(None, appeal=appeal, code=code)

    def page(self, form, status=200, **context):
        return render(self.request, self.template_name, {"form": form, **context}, status=status)


class AppealTrackView(View):
    """GET: the form. POST: the number and code, and with them the rating when it is sent."""

    template_name = "assistance/public/appeal_track.html"

    def get(self, request):
        return self.page(AppealTrackForm())

    def post(self, request):
        key = f"appeal-check:{client_address(request)}"
        if not allow(key, limit=settings.APPEAL_CHECKS_PER_HOUR, seconds=3600):
            return self.page(None, status=429, too_many=True)
        form = AppealTrackForm(request.POST)
        if not form.is_valid():
            return self.page(form)
        number, code = form.cleaned_data["tracking_number"], form.cleaned_data["code"]
        appeal = appeal_for_worker(number, code)
        if appeal is None:
            return self.page(form, not_found=True)
        rate_form = None
        if appeal.status == AppealStatus.ANSWERED:
            rate_form = AppealRateForm(request.POST if "satisfaction" in request.POST else None)
            if rate_form.is_bound and rate_form.is_valid():
                try:
                    appeal = appeal_rate(appeal=appeal, **rate_form.cleaned_data)
                    rate_form = None
                except ValidationError as error:
                    rate_form.add_error(None, error)
        return self.page(
            None,
            appeal=appeal,
            number=number,
            code=code,
            rate_form=rate_form,
            steps=appeal.steps.select_related("routed_to"),
        )

    def page(self, form, status=200, **context):
        return render(self.request, self.template_name, {"form": form, **context}, status=status)
