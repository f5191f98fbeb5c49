"""Pages of the wage collective negotiation offers (要约) and their rounds."""

import django_filters
import django_tables2 as tables
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import can_change_anything
from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from cohesion_portal.views import (
    RecordDetailView,
    ScopedCreateView,
    ScopedListView,
    ScopedObjectFormView,
    ScopedUpdateView,
    add_service_error,
)

from .forms_offers import OfferForm, RoundForm
from .models import REPLY_DAYS, NegotiationOffer
from .services import offer_save, round_add

OFFERS_CRUMB = (_("Negotiation offers"), reverse_lazy("contracts:offer_list"))


class OfferFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Subject or enterprise"))
    )
    overdue = django_filters.BooleanFilter(
        label=_("reply overdue"),
        method="filter_overdue",
        widget=yes_no(),
    )

    class Meta:
        model = NegotiationOffer
        fields = ("q", "overdue")

    def search(self, queryset, name, value):
        return queryset.filter(subject__icontains=value) | queryset.filter(
            enterprise__name__icontains=value
        )

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue_on(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class OfferTable(tables.Table):
    subject = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    enterprise = tables.Column(attrs={"td": {"class": "wrap"}})
    reply_state = tables.Column(verbose_name=_("Reply"), empty_values=(), orderable=False)

    class Meta:
        model = NegotiationOffer
        fields = ("subject", "enterprise", "union", "sent_on", "replied_on", "reply_state")
        order_by = ("-sent_on",)
        empty_text = _("No offer matches.")

    def render_reply_state(self, record):
        if record.replied_on:
            return record.get_reply_display()
        if record.is_overdue(timezone.localdate()):
            return format_html(
                '<span class="badge text-bg-danger">{}</span>',
                _("no reply within %(days)d days") % {"days": REPLY_DAYS},
            )
        return format_html(
            '<span class="badge text-bg-light border">{}</span>',
            _("due %(date)s") % {"date": record.reply_due.isoformat()},
        )


class OfferListView(ScopedListView):
    model = NegotiationOffer
    table_class = OfferTable
    filterset_class = OfferFilter
    title = _("Negotiation offers")

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if can_change_anything(self.request.user):
            context["add_url"] = reverse("contracts:offer_create")
            context["add_label"] = _("Record an offer")
        return context


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


class OfferCreateView(ScopedCreateView):
    model = NegotiationOffer
    form_class = OfferForm
    title = _("Record an offer")
    success_message = _("%(object)s was added.")

    def get_breadcrumbs(self):
        return [OFFERS_CRUMB]

    def save(self, form):
        return offer_save(actor=self.request.user, offer=form.instance)


class OfferUpdateView(ScopedUpdateView):
    model = NegotiationOffer
    form_class = OfferForm
    success_message = _("%(object)s was saved.")

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.object.subject}

    def get_breadcrumbs(self):
        return [OFFERS_CRUMB, (self.object.subject, self.object.get_absolute_url())]

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
