"""Member pages: the roster, a member's page, enrol, edit, leave, rejoin, and transfers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, ListView

from cohesion_portal.access import CHANGE, can_change_anything
from cohesion_portal.params import query_id
from cohesion_portal.views import (
    PortalViewMixin,
    RecordDetailView,
    RequiresChangeMixin,
    ScopedDetailView,
    ScopedEditView,
    ScopedListView,
    ScopedObjectFormView,
    ScopedViewMixin,
    add_service_error,
)

from ..filters import MemberFilter
from ..forms import (
    MemberForm,
    MemberLeaveForm,
    MemberRejoinForm,
    TransferDecisionForm,
    TransferRequestForm,
)
from ..models import Member, Transfer, Union
from ..selectors import transfers_to_decide
from ..services import (
    AlreadyMember,
    member_disclose,
    member_enrol,
    member_leave,
    member_rejoin,
    member_update,
    transfer_decide,
    transfer_lookup,
    transfer_request,
)
from ..tables import MemberTable

MEMBERS_CRUMB = (_("Members"), reverse_lazy("unions:member_list"))
TRANSFERS_CRUMB = (_("Transfers"), reverse_lazy("unions:transfer_list"))


class MemberListView(ScopedListView):
    model = Member
    create_url_name = "unions:member_create"
    create_label = _("Enrol a member")
    table_class = MemberTable
    filterset_class = MemberFilter
    title = _("Members")

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.may_create():
            context["extra_actions"] = [
                (
                    reverse("unions:roster_upload"),
                    _("Import a roster"),
                    "bi-file-earmark-spreadsheet",
                )
            ]
        return context


class MemberDetailView(RecordDetailView):
    model = Member
    template_name = "unions/member_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [MEMBERS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        member = self.object
        user = self.request.user
        context["may_disclose"] = (
            user.has_perm("unions.view_personal_data") and context["can_change"]
        )
        context["memberships"] = member.memberships.select_related("union")
        context["transfers"] = member.transfers.select_related("from_union", "to_union")
        context["disclosures"] = member.disclosures.select_related("user")[:10]
        return context


class MemberDiscloseView(ScopedDetailView):
    """POST: show the whole ID and phone number, and record that this user saw them."""

    model = Member
    http_method_names = ["post"]
    template_name = "unions/partials/member_personal.html"

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        member_disclose(actor=request.user, member=self.object)
        return render(request, self.template_name, {"object": self.object, "disclosed": True})


class MemberEditView(ScopedEditView):
    """Enrols a member, or edits one: enrolling finds an ID number already on the books."""

    model = Member
    form_class = MemberForm
    add_title = _("Enrol a member")
    added_message = _("%(object)s was enrolled.")
    list_crumb = MEMBERS_CRUMB
    template_name = "unions/member_form.html"

    def get_initial(self):
        initial = super().get_initial()
        if self.adding:
            initial["union"] = query_id(self.request.GET, "union")
        return initial

    def save(self, form):
        if not self.adding:
            return member_update(actor=self.request.user, member=form.instance)
        try:
            return member_enrol(actor=self.request.user, member=form.instance)
        except AlreadyMember as error:
            self.already_member = error.member
            raise

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["already_member"] = getattr(self, "already_member", None)
        return context


class MemberActionView(ScopedObjectFormView):
    """A form about one member, on a member in the user's change scope."""

    model = Member

    def get_breadcrumbs(self):
        return [MEMBERS_CRUMB, (self.object.name, self.object.get_absolute_url())]

    def form_valid(self, form):
        try:
            with transaction.atomic():
                self.act(form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message % {"object": self.object})
        return HttpResponseRedirect(self.object.get_absolute_url())


class MemberLeaveView(MemberActionView):
    form_class = MemberLeaveForm
    success_message = _("%(object)s is no longer a member.")

    def get_title(self):
        return _("%(name)s leaves") % {"name": self.object.name}

    def act(self, data):
        member_leave(
            actor=self.request.user,
            member=self.object,
            on=data["on"],
            reason=data["reason"],
            transferred_out=data["kind"] == "transferred_out",
        )


class MemberRejoinView(MemberActionView):
    form_class = MemberRejoinForm
    success_message = _("%(object)s is a member again.")

    def get_title(self):
        return _("%(name)s rejoins") % {"name": self.object.name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def act(self, data):
        member_rejoin(
            actor=self.request.user,
            member=self.object,
            union=data["union"],
            on=data["on"],
            enterprise=data["enterprise"],
        )


class TransferListView(ScopedViewMixin, ListView):
    """Transfers in and out of the user's unions; the holding union decides the pending ones."""

    model = Transfer
    title = _("Transfers")
    template_name = "unions/transfer_list.html"
    paginate_by = 50

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("member", "from_union", "to_union", "requested_by", "decided_by")
            .order_by("-requested_at")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["decidable"] = transfers_to_decide(user=self.request.user)
        context["can_request"] = can_change_anything(self.request.user)
        return context


class TransferRequestView(RequiresChangeMixin, PortalViewMixin, FormView):
    """The receiving union asks for a member, named by ID number (转会申请)."""

    form_class = TransferRequestForm
    template_name = "portal/form.html"
    title = _("Ask for a member's transfer")

    def get_breadcrumbs(self):
        return [TRANSFERS_CRUMB]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            member = transfer_lookup(actor=self.request.user, id_number=data["id_number"])
            transfer = transfer_request(
                actor=self.request.user,
                member=member,
                to_union=data["to_union"],
                to_enterprise=data["to_enterprise"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The request went to %(union)s, which holds the member.")
            % {"union": transfer.from_union},
        )
        return HttpResponseRedirect(reverse("unions:transfer_list"))


class TransferDecideView(ScopedObjectFormView):
    """The holding union accepts or rejects a transfer of one of its members."""

    model = Transfer
    form_class = TransferDecisionForm
    template_name = "unions/transfer_decide.html"

    def get_queryset(self):
        # Only the union that holds the member decides: the change scope over `from_union`.
        held = Union.objects.for_user(self.request.user, CHANGE)
        return (
            super()
            .get_queryset()
            .filter(from_union__in=held)
            .select_related("member", "from_union", "to_union")
        )

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except PermissionDenied:
            raise PermissionDenied(_("Only the union that holds the member decides.")) from None

    def get_title(self):
        return _("Transfer of %(name)s") % {"name": self.object.member.name}

    def get_breadcrumbs(self):
        return [TRANSFERS_CRUMB]

    def form_valid(self, form):
        try:
            transfer_decide(
                actor=self.request.user,
                transfer=self.object,
                accept=form.cleaned_data["accept"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The transfer was decided."))
        return HttpResponseRedirect(reverse("unions:transfer_list"))
