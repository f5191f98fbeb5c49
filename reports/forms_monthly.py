from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MonthlyReport


class MonthlyReportForm(forms.ModelForm):
    """What the union writes; the figures come from the records, not from the form."""

    class Meta:
        model = MonthlyReport
        fields = ("work_done", "problems", "next_month")
        widgets = {
            "work_done": forms.Textarea(attrs={"rows": 6}),
            "problems": forms.Textarea(attrs={"rows": 4}),
            "next_month": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "work_done": _(
                "Meetings, activities, members recruited, contracts negotiated: what the union "
                "did this month."
            ),
            "problems": _("What held the work back, and where the union needs help."),
            "next_month": _("What the union plans to do next month."),
        }

    def texts(self) -> dict:
        return {name: self.cleaned_data.get(name, "") for name in self.Meta.fields}


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("review result"),
        choices=[("accept", _("Accept the report")), ("return", _("Return it to the union"))],
        widget=forms.RadioSelect,
        initial="accept",
    )
    comment = forms.CharField(
        label=_("review comments"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when the report is returned: say what the union should change."),
    )


class RemindForm(forms.Form):
    """A confirmation: the month and the union come from the address."""
