"""Forms of legal aid workstations and cases."""

from django import forms

from cohesion_portal.access import CHANGE
from cohesion_portal.widgets import RecordPicker
from unions.fields import UnionChoiceField
from unions.selectors import union_labels

from ..models import LegalCase, LegalWorkstation
from ..services.legal import legal_case_errors, workstation_errors
from .files import DATE
from .industry_level import offer_union_or_industry


def _checked(form, probe, errors_of) -> None:
    for field, message in errors_of(probe).items():
        if field not in form.errors:
            form.add_error(field if field in form.fields else None, message)


class WorkstationForm(forms.ModelForm):
    class Meta:
        model = LegalWorkstation
        fields = ("industry_union", "union", "name", "opened_on", "lawyers", "phone")
        field_classes = {"union": UnionChoiceField}
        widgets = {
            "union": RecordPicker("unions:union_pick", describe=union_labels),
            "opened_on": DATE,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_union_or_industry(self, user)

    def clean(self):
        cleaned = super().clean()
        probe = LegalWorkstation(**{k: v for k, v in cleaned.items() if k in self.Meta.fields})
        _checked(self, probe, lambda w: workstation_errors(workstation=w))
        return cleaned


class LegalCaseForm(forms.ModelForm):
    class Meta:
        model = LegalCase
        fields = (
            "workstation",
            "name",
            "phone",
            "employer",
            "dispute",
            "stage",
            "outcome",
            "opened_on",
            "closed_on",
            "claimed",
            "recovered",
            "summary",
        )
        widgets = {
            "opened_on": DATE,
            "closed_on": DATE,
            "summary": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workstation"].queryset = LegalWorkstation.objects.for_user(user, CHANGE)

    def clean(self):
        cleaned = super().clean()
        probe = LegalCase(**{k: v for k, v in cleaned.items() if k in self.Meta.fields})
        _checked(self, probe, lambda case: legal_case_errors(case=case))
        return cleaned
