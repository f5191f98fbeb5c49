from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.fields import RecordsChoiceField
from unions.fields import UnionChoiceField
from unions.models import Enterprise, Union

from .models import CollectiveContract
from .services import contract_errors

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
        widgets = {
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
        self.fields["enterprises"].widget.attrs["size"] = 8
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
