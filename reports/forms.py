"""The reports app's forms: the 月报 and its review, asking for reports, the monthly Excel
report's month, the history's filters and the dashboard's."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import APPROVE
from cohesion_portal.dates import month_label, previous_month
from standards.models import Period
from unions.fields import UnionChoiceField
from unions.models import IndustryUnion, Union
from unions.organisation import cadres_to_choose, industry_unions_to_choose

from .models import MonthlyReport
from .selectors.history import Filters


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


MONTHS_OFFERED = 24


def months_offered(today: datetime.date) -> list[tuple[str, str]]:
    months, month = [], today.replace(day=1)
    for _step in range(MONTHS_OFFERED):
        months.append((month.isoformat(), month_label(month)))
        month = previous_month(month)
    return months


class ExportRequestForm(forms.Form):
    month = forms.TypedChoiceField(label=gettext_lazy("Month"), coerce=datetime.date.fromisoformat)

    def __init__(self, *args, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = months_offered(today)
        self.fields["month"].initial = previous_month(today).isoformat()


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


KINDS = [("", _("Changes and showings")), ("changes", _("Changes")), ("disclosures", _("Showings"))]


class HistoryFilterForm(forms.Form):
    union = UnionChoiceField(queryset=Union.objects.none(), label=_("union"), required=False)
    username = forms.CharField(label=_("by (user name)"), max_length=150, required=False)
    since = forms.DateField(label=_("from"), required=False, widget=DATE)
    until = forms.DateField(label=_("until"), required=False, widget=DATE)
    kind = forms.ChoiceField(label=_("Show"), choices=KINDS, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = (
            Union.objects.for_user(user, APPROVE).filter(parent__isnull=True).order_by("name")
        )

    def clean_username(self):
        name = self.cleaned_data["username"].strip()
        if not name:
            return None
        found = get_user_model().objects.filter(username__iexact=name).first()
        if found is None:
            raise forms.ValidationError(_("No user has this user name."))
        return found

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end comes before the start."))
        return cleaned

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            union=data["union"],
            user=data["username"],
            since=data["since"],
            until=data["until"],
            kind=data["kind"],
        )


class CadreChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class DashboardFilterForm(forms.Form):
    """The dashboard's filters. Each choice only narrows the user's own area: an industry union
    (offered to those who see both), an area cadre (the unions assigned to them today; offered
    to those who see whole industry unions), the assessment period of the grades, the top ten
    and the map (the latest by default)."""

    industry_union = forms.ModelChoiceField(
        label=_("industry union"),
        queryset=IndustryUnion.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    cadre = CadreChoiceField(
        label=_("area cadre"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("All"),
    )
    period = forms.TypedChoiceField(
        label=_("assessment period"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, data=None, *, user, today):
        super().__init__(data or None)
        industries = industry_unions_to_choose(user)
        if industries is not None:
            self.fields["industry_union"].queryset = industries
        else:
            del self.fields["industry_union"]
        cadres = cadres_to_choose(user)
        if cadres is not None:
            self.fields["cadre"].queryset = cadres
        else:
            del self.fields["cadre"]
        # One query for the choices and the default (the latest period begun by today).
        self.periods = {period.pk: period for period in Period.objects.order_by("-starts_on")}
        self.fields["period"].choices = [(pk, str(p)) for pk, p in self.periods.items()]
        self.default_period = next((p for p in self.periods.values() if p.starts_on <= today), None)
        if self.default_period is not None:
            self.initial["period"] = self.default_period.pk
        for bound in self.fields.values():
            bound.widget.attrs["class"] = "form-select form-select-sm"

    def chosen(self) -> dict:
        """{"industry_union": id, "cadre": id, "period": Period}: the valid choices (a choice not
        offered, typed into the address, is no choice; the form shows why)."""
        cleaned = self.cleaned_data if self.is_valid() else getattr(self, "cleaned_data", {})
        area = {name: cleaned[name].pk for name in ("industry_union", "cadre") if cleaned.get(name)}
        period = self.periods.get(cleaned.get("period")) or self.default_period
        return {**area, "period": period}

    def narrowed_to(self) -> list[str]:
        """The names of the industry union and cadre chosen, for the caption."""
        cleaned = getattr(self, "cleaned_data", {})
        return [
            self.fields[name].label_from_instance(cleaned[name])
            for name in ("industry_union", "cadre")
            if cleaned.get(name)
        ]
