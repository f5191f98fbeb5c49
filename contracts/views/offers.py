"""Pages of the wage collective negotiation offers (要约) and their rounds."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
    ScopedObjectFormView,
    add_service_error,
)

from ..filters import OfferFilter
from ..forms import OfferForm, RoundForm
from ..models import NegotiationOffer
from ..services import offer_save, round_add
from ..tables import OfferTable

OFFERS_CRUMB = (_("Negotiation offers"), reverse_lazy("contracts:offer_list"))


class OfferListView(ScopedListView):
    model = NegotiationOffer
    create_url_name = "contracts:offer_create"
    create_label = _("Record an offer")
    table_class = OfferTable
    filterset_class = OfferFilter
    title = _("Negotiation offers")

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise")


class OfferDetailView(RecordDetailView):
    model = NegotiationOffer
    template_name = "contracts/offer_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise", "contract")

    def get_title(self):
        return self.object.subject

    def get_breadcrumbs(self):
        return [OFFERS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        offer = self.object
        context["overdue"] = offer.is_overdue(timezone.localdate())
        context["rounds"] = offer.rounds.all()
        context["round_form"] = RoundForm()
        return context


class OfferEditView(ScopedEditView):
    model = NegotiationOffer
    form_class = OfferForm
    add_title = _("Record an offer")
    list_crumb = OFFERS_CRUMB

    def save(self, form):
        return offer_save(actor=self.request.user, offer=form.instance)


class OfferRoundAddView(ScopedObjectFormView):
    """Record a round of negotiation under an offer."""

    model = NegotiationOffer
    form_class = RoundForm

    def get_title(self):
        return _("A round of negotiation")

    def get_breadcrumbs(self):
        return [OFFERS_CRUMB, (self.object.subject, self.object.get_absolute_url())]

    def form_valid(self, form):
        try:
            round_add(actor=self.request.user, offer=self.object, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The round was recorded."))
        return HttpResponseRedirect(self.object.get_absolute_url())
