"""Forms of performance checks and affairs disclosures."""

from django import forms

from cohesion_portal.access import CHANGE
from cohesion_portal.validators import not_in_future
from unions.fields import UnionChoiceField
from unions.models import Enterprise, Union

from .models import Disclosure, PerformanceCheck
from .services import disclosure_errors

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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
