"""The contracts app's forms: contracts, offers and their rounds, congresses and their
sessions, performance checks and disclosures. Each form checks through the service's
`*_errors`, so the page and the service refuse the same things."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.fields import LARGEST_INTEGER, RecordsChoiceField
from cohesion_portal.validators import not_in_future
from cohesion_portal.widgets import RecordPicker
from unions.fields import UnionChoiceField
from unions.models import Enterprise, Union

from .models import (
    CollectiveContract,
    CongressSystem,
    Disclosure,
    NegotiationOffer,
    PerformanceCheck,
)
from .services import (
    congress_errors,
    contract_errors,
    disclosure_errors,
    offer_errors,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def enterprise_picker(*, multiple=False):
    """Enterprises found by typing, among those of the union the form has chosen."""
    return RecordPicker("unions:enterprise_pick", multiple=multiple, narrowed_by="union")


class ContractForm(forms.ModelForm):
    class Meta:
        model = CollectiveContract
        fields = (
            "union",
            "kind",
            "title",
            "employer_party",
            "enterprises",
            "negotiated",
            "negotiation_rounds",
            "signed_on",
            "effective_from",
            "effective_to",
            "workers_covered",
            "wage_increase_pct",
            "minimum_wage_clause",
            "congress_approved_on",
            "congress_votes_for",
            "congress_votes_total",
            "filed_on",
            "filing_result",
            "signed_scan",
        )
        field_classes = {"union": UnionChoiceField, "enterprises": RecordsChoiceField}
        widgets = {"enterprises": enterprise_picker(multiple=True)} | {
            name: DATE
            for name in (
                "signed_on",
                "effective_from",
                "effective_to",
                "congress_approved_on",
                "filed_on",
            )
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprises"].queryset = (
            Enterprise.objects.for_user(user, CHANGE).filter(union__isnull=False).order_by("name")
        )
        self.fields["enterprises"].help_text = _(
            "One for an enterprise's own contract; several for an industry or regional one."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("union") is None or cleaned.get("kind") is None:
            return cleaned
        probe = CollectiveContract(
            union=cleaned["union"],
            kind=cleaned["kind"],
            signed_on=cleaned.get("signed_on"),
            effective_from=cleaned.get("effective_from"),
            effective_to=cleaned.get("effective_to"),
        )
        errors = contract_errors(contract=probe, enterprises=cleaned.get("enterprises") or [])
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class CongressForm(forms.ModelForm):
    class Meta:
        model = CongressSystem
        fields = ("union", "level", "name", "enterprises", "established_on")
        field_classes = {"union": UnionChoiceField, "enterprises": RecordsChoiceField}
        widgets = {"established_on": DATE, "enterprises": enterprise_picker(multiple=True)}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprises"].queryset = (
            Enterprise.objects.for_user(user, CHANGE).filter(union__isnull=False).order_by("name")
        )
        self.fields["established_on"].validators.append(not_in_future)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("union") and cleaned.get("level"):
            probe = CongressSystem(union=cleaned["union"], level=cleaned["level"])
            errors = congress_errors(congress=probe, enterprises=cleaned.get("enterprises") or [])
            for field, message in errors.items():
                if field not in self.errors:
                    self.add_error(field, message)
        return cleaned


class SessionForm(forms.Form):
    held_on = forms.DateField(label=_("date held"), widget=DATE, validators=[not_in_future])
    delegates_elected = forms.IntegerField(
        label=_("delegates elected"), min_value=1, max_value=LARGEST_INTEGER
    )
    delegates_present = forms.IntegerField(
        label=_("delegates present"), min_value=0, max_value=LARGEST_INTEGER
    )
    items = forms.CharField(label=_("items deliberated"), widget=forms.Textarea(attrs={"rows": 3}))
    resolutions = forms.CharField(
        label=_("resolutions and votes"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class OfferForm(forms.ModelForm):
    class Meta:
        model = NegotiationOffer
        fields = ("union", "enterprise", "subject", "sent_on", "replied_on", "reply", "note")
        field_classes = {"union": UnionChoiceField}
        widgets = {
            "enterprise": enterprise_picker(),
            "sent_on": DATE,
            "replied_on": DATE,
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprise"].queryset = (
            Enterprise.objects.for_user(user, CHANGE).filter(union__isnull=False).order_by("name")
        )
        self.fields["sent_on"].validators.append(not_in_future)
        self.fields["replied_on"].validators.append(not_in_future)

    def clean(self):
        cleaned = super().clean()
        probe = NegotiationOffer(
            **{k: cleaned.get(k) for k in ("union", "enterprise", "sent_on", "replied_on", "reply")}
        )
        for field, message in offer_errors(offer=probe).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class RoundForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), widget=DATE, validators=[not_in_future])
    minutes = forms.CharField(label=_("minutes"), widget=forms.Textarea(attrs={"rows": 4}))


class PerformanceCheckForm(forms.ModelForm):
    class Meta:
        model = PerformanceCheck
        fields = ("year", "checked_on", "clauses_kept", "issues", "follow_up", "follow_up_done_on")
        widgets = {
            "checked_on": DATE,
            "follow_up_done_on": DATE,
            "issues": forms.Textarea(attrs={"rows": 3}),
            "follow_up": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user=None, **kwargs):  # (user: the edit view passes it to all)
        super().__init__(*args, **kwargs)
        self.fields["checked_on"].validators.append(not_in_future)
        self.fields["follow_up_done_on"].validators.append(not_in_future)


class DisclosureForm(forms.ModelForm):
    class Meta:
        model = Disclosure
        fields = (
            "union",
            "enterprise",
            "topic",
            "title",
            "disclosed_on",
            "channel",
            "content",
            "feedback",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {
            "enterprise": enterprise_picker(),
            "disclosed_on": DATE,
            "content": forms.Textarea(attrs={"rows": 4}),
            "feedback": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprise"].queryset = (
            Enterprise.objects.for_user(user, CHANGE).filter(union__isnull=False).order_by("name")
        )
        self.fields["disclosed_on"].validators.append(not_in_future)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("union") and cleaned.get("enterprise"):
            probe = Disclosure(union=cleaned["union"], enterprise=cleaned["enterprise"])
            for field, message in disclosure_errors(disclosure=probe).items():
                self.add_error(field, message)
        return cleaned
