from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from unions.models import Enterprise

from .models import (
    CollectiveContract,
    CongressCoverage,
    CongressSession,
    CongressSystem,
    ContractCoverage,
    Disclosure,
    NegotiationOffer,
    NegotiationRound,
    PerformanceCheck,
)
from .services import congress_save, contract_errors, contract_save


def enterprises_field():
    """The enterprises covered, chosen as filter_horizontal would (which the admin offers only
    for a plain many-to-many field, not one with its own link model)."""
    return forms.ModelMultipleChoiceField(
        Enterprise.objects.order_by("name"),
        label=_("enterprises covered"),
        required=False,
        widget=FilteredSelectMultiple(_("enterprises"), is_stacked=False),
    )


class ContractAdminForm(forms.ModelForm):
    """The contract rules as form errors, as on the portal's own pages."""

    enterprises = enterprises_field()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("union") is None:
            return cleaned
        probe = CollectiveContract(
            union=cleaned["union"],
            kind=cleaned.get("kind"),
            signed_on=cleaned.get("signed_on"),
            effective_from=cleaned.get("effective_from"),
            effective_to=cleaned.get("effective_to"),
        )
        errors = contract_errors(contract=probe, enterprises=cleaned.get("enterprises") or [])
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field if field in self.fields else None, message)
        return cleaned


@admin.register(CollectiveContract)
class CollectiveContractAdmin(SimpleHistoryAdmin):
    form = ContractAdminForm
    list_display = ("title", "kind", "union", "signed_on", "effective_from", "effective_to")
    list_filter = ("kind", "negotiated", "filing_result")
    search_fields = ("title", "employer_party", "union__name")
    raw_id_fields = ("union",)

    def save_model(self, request, obj, form, change):
        """Saved with its enterprises in save_related, through the service."""

    def save_related(self, request, form, formsets, change):
        contract_save(
            actor=request.user,
            contract=form.instance,
            enterprises=form.cleaned_data["enterprises"],
        )


@admin.register(NegotiationOffer)
class NegotiationOfferAdmin(SimpleHistoryAdmin):
    list_display = ("subject", "union", "enterprise", "sent_on", "replied_on", "reply")
    list_filter = ("reply",)
    search_fields = ("subject", "enterprise__name", "union__name")
    raw_id_fields = ("union", "enterprise", "contract")


@admin.register(NegotiationRound)
class NegotiationRoundAdmin(SimpleHistoryAdmin):
    list_display = ("offer", "held_on")
    search_fields = ("offer__subject",)
    raw_id_fields = ("offer",)


class CongressAdminForm(forms.ModelForm):
    enterprises = enterprises_field()


@admin.register(CongressSystem)
class CongressSystemAdmin(SimpleHistoryAdmin):
    form = CongressAdminForm
    list_display = ("name", "level", "union", "established_on")
    list_filter = ("level",)
    search_fields = ("name", "union__name")
    raw_id_fields = ("union",)

    def save_model(self, request, obj, form, change):
        """Saved with its enterprises in save_related, through the service."""

    def save_related(self, request, form, formsets, change):
        congress_save(
            actor=request.user, congress=form.instance, enterprises=form.cleaned_data["enterprises"]
        )


@admin.register(CongressSession)
class CongressSessionAdmin(SimpleHistoryAdmin):
    list_display = ("congress", "held_on", "delegates_elected", "delegates_present")
    search_fields = ("congress__name",)
    raw_id_fields = ("congress",)


@admin.register(PerformanceCheck)
class PerformanceCheckAdmin(SimpleHistoryAdmin):
    list_display = ("contract", "year", "checked_on", "clauses_kept")
    list_filter = ("clauses_kept", "year")
    search_fields = ("contract__title",)
    raw_id_fields = ("contract",)


@admin.register(Disclosure)
class DisclosureAdmin(SimpleHistoryAdmin):
    list_display = ("title", "topic", "enterprise", "union", "disclosed_on", "channel")
    list_filter = ("topic", "channel")
    search_fields = ("title", "enterprise__name", "union__name")
    raw_id_fields = ("union", "enterprise")


@admin.register(ContractCoverage, CongressCoverage)
class CoverageAdmin(admin.ModelAdmin):
    """The links alone, to look at; they are changed on the contract's or congress's page."""

    list_display = ("__str__", "enterprise")
    raw_id_fields = ("enterprise",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
