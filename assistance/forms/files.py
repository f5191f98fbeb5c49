"""Forms of hardship files and their households."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.forms import CheckedByService
from cohesion_portal.widgets import RecordPicker
from unions.fields import UnionChoiceField
from unions.models import Enterprise, Union

from ..models import Cause, HardshipFile, HardshipGrade, HouseholdMember
from ..services import hardship_file_errors, household_member_errors

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class HardshipFileForm(CheckedByService, forms.ModelForm):
    causes = forms.MultipleChoiceField(
        label=_("causes of hardship"), choices=Cause.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = HardshipFile
        fields = (
            "union",
            "name",
            "id_number",
            "enterprise",
            "phone",
            "address",
            "is_migrant",
            "has_year_contract",
            "household_size",
            "household_income",
            "medical_costs",
            "on_dibao",
            "causes",
            "grade",
            "needs",
            "opened_on",
            "last_reviewed_on",
            "closed_on",
            "close_reason",
            "close_note",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {
            "enterprise": RecordPicker("unions:enterprise_pick", narrowed_by="union"),
            "needs": forms.Textarea(attrs={"rows": 3}),
            "opened_on": DATE,
            "last_reviewed_on": DATE,
            "closed_on": DATE,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprise"].queryset = Enterprise.objects.for_user(user, CHANGE).filter(
            union__isnull=False
        )
        self.fields["grade"].queryset = HardshipGrade.objects.all()
        self.fields["household_income"].help_text = _(
            "Everyone's income together, in yuan a month: wages, pensions, allowances."
        )

    def service_errors(self, instance) -> dict:
        return hardship_file_errors(file=instance)


class HouseholdMemberForm(forms.ModelForm):
    class Meta:
        model = HouseholdMember
        fields = ("name", "relation", "born_in", "situation", "monthly_income")

    def __init__(self, *args, user=None, **kwargs):  # (user: the view passes it to all)
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        probe = HouseholdMember(born_in=cleaned.get("born_in"))
        for field, message in household_member_errors(person=probe).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class ConfirmForm(forms.Form):
    """Nothing to fill in: the button says what happens."""
