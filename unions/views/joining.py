"""网上入会: the public join page and its QR poster; the union's list of applications."""

import segno
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse, reverse_lazy
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import ListView

from cohesion_portal.access import can_change_anything
from cohesion_portal.ratelimit import allow, client_address
from cohesion_portal.views import (
    ScopedDetailView,
    ScopedObjectFormView,
    ScopedViewMixin,
    add_service_error,
)

from ..forms import JoinDecisionForm, JoinForm
from ..models import JoinApplication, JoinApplicationStatus, Union
from ..selectors import tops_of_the_tree
from ..services import join_apply, join_decide, union_join_code

APPLICATIONS_CRUMB = (_("Online applications"), reverse_lazy("unions:application_list"))


class JoinView(View):
    """Public: a worker applies to join a grassroots union. CSRF-protected, rate-limited per
    address, and the answer is the same whoever the applicant is."""

    template_name = "unions/join.html"

    def dispatch(self, request, code):
        self.union = get_object_or_404(Union, join_code=code, status="active")
        return super().dispatch(request, code)

    def get(self, request, code):
        return self.page(JoinForm(union=self.union))

    def post(self, request, code):
        key = f"join:{client_address(request)}"
        if not allow(key, limit=settings.JOIN_APPLICATIONS_PER_HOUR, seconds=3600):
            return self.page(None, status=429, too_many=True)
        form = JoinForm(request.POST, union=self.union)
        if not form.is_valid():
            return self.page(form)
        join_apply(union=self.union, **form.cleaned_data)
        return self.page(None, sent=True)

    def page(self, form, status=200, **flags):
        context = {"union": self.union, "form": form, **flags}
        return render(self.request, self.template_name, context, status=status)


class JoinPosterView(ScopedDetailView):
    """A printable poster with the union's QR code, for the notice board."""

    model = Union
    template_name = "unions/join_poster.html"

    def get_title(self):
        return _("Join poster")

    def get_breadcrumbs(self):
        return [(self.object.name, self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        code = union_join_code(union=self.object)
        url = self.request.build_absolute_uri(reverse("join", args=[code]))
        qr = segno.make(url, error="m")
        context["join_url"] = url
        context["qr_svg"] = mark_safe(qr.svg_inline(scale=8, dark="#1e293b", border=2))
        return context


class ApplicationListView(ScopedViewMixin, ListView):
    model = JoinApplication
    title = _("Online applications")
    template_name = "unions/application_list.html"
    paginate_by = 50
    narrows_to_area = True  # (the dashboard's attention list links here)

    def get_queryset(self):
        queryset = super().get_queryset().select_related("union", "enterprise", "decided_by")
        status = self.request.GET.get("status", JoinApplicationStatus.PENDING)
        return (
            queryset.filter(status=status) if status in JoinApplicationStatus.values else queryset
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["statuses"] = JoinApplicationStatus.choices
        context["can_decide"] = can_change_anything(self.request.user)
        context["status"] = self.request.GET.get("status", JoinApplicationStatus.PENDING)
        # Posters of the tops of the user's part of the tree (any union has one, on its page).
        context["posters"] = tops_of_the_tree(user=self.request.user)
        return context


class ApplicationDecideView(ScopedObjectFormView):
    model = JoinApplication
    form_class = JoinDecisionForm
    template_name = "unions/application_decide.html"

    def get_title(self):
        return _("Application of %(name)s") % {"name": self.object.name}

    def get_breadcrumbs(self):
        return [APPLICATIONS_CRUMB]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "application": self.object}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            application = join_decide(
                actor=self.request.user,
                application=self.object,
                approve=data["approve"],
                reason=data["reason"],
                unit=data["unit"],
                joined_on=data["joined_on"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        if application.member:
            messages.success(
                self.request, _("%(name)s is a member now.") % {"name": application.name}
            )
            return HttpResponseRedirect(application.member.get_absolute_url())
        messages.success(self.request, _("The application was rejected."))
        return HttpResponseRedirect(reverse("unions:application_list"))
