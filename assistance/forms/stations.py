"""Forms of assistance stations and love supermarkets."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.fields import RecordsChoiceField
from cohesion_portal.widgets import RecordPicker
from unions.fields import UnionChoiceField
from unions.models import Enterprise
from unions.selectors import union_labels

from ..models import Station, StationActivity
from ..services.stations import activity_errors, station_errors
from .files import DATE
from .industry_level import offer_union_or_industry


class StationForm(forms.ModelForm):
    class Meta:
        model = Station
        fields = (
            "kind",
            "industry_union",
            "union",
            "name",
            "address",
            "opened_on",
            "closed_on",
            "offers",
            "enterprises",
        )
        field_classes = {"union": UnionChoiceField, "enterprises": RecordsChoiceField}
        widgets = {
            "union": RecordPicker("unions:union_pick", describe=union_labels),
            "enterprises": RecordPicker(
                "unions:enterprise_pick", multiple=True, narrowed_by="union"
            ),
            "offers": forms.Textarea(attrs={"rows": 3}),
            "opened_on": DATE,
            "closed_on": DATE,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_union_or_industry(self, user)
        self.fields["enterprises"].queryset = Enterprise.objects.for_user(user, CHANGE)
        self.fields["enterprises"].help_text = _(
            "The units whose workers it serves: for T7, the units a love supermarket covers."
        )

    def clean(self):
        cleaned = super().clean()
        fields = {k: v for k, v in cleaned.items() if k in self.Meta.fields and k != "enterprises"}
        probe = Station(**fields)
        errors = station_errors(station=probe, enterprises=cleaned.get("enterprises") or [])
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field if field in self.fields else None, message)
        return cleaned


class StationActivityForm(forms.ModelForm):
    class Meta:
        model = StationActivity
        fields = ("day", "visitors", "handouts", "value")
        widgets = {"day": DATE}

    def __init__(self, *args, station: Station, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.station = station

    def clean(self):
        cleaned = super().clean()
        self.instance.day = cleaned.get("day")
        for field, message in activity_errors(activity=self.instance).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned
