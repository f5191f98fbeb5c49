"""Forms of aid records and aid campaigns."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import APPROVE, CHANGE, scope_for
from cohesion_portal.fields import RecordsChoiceField
from cohesion_portal.params import parse_id
from cohesion_portal.widgets import RecordPicker
from unions.fields import UnionChoiceField
from unions.models import Enterprise, IndustryUnion, Union
from unions.selectors import union_labels

from ..models import Aid, Campaign, HardshipFile
from ..services.aid import aid_errors, campaign_errors
from .files import DATE


class AidForm(forms.ModelForm):
    class Meta:
        model = Aid
        fields = (
            "union",
            "campaign",
            "programme",
            "file",
            "name",
            "id_number",
            "enterprise",
            "cash",
            "goods",
            "goods_value",
            "funds",
            "given_on",
            "handed_over_by",
            "child_name",
            "child_born_in",
            "school",
            "school_year",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {
            "file": forms.HiddenInput(),
            "enterprise": RecordPicker("unions:enterprise_pick", narrowed_by="union"),
            "given_on": DATE,
        }
        help_texts = {"child_name": _("金秋助学 only: the child, their school and grade.")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).filter(status="active")
        self.fields["campaign"].queryset = Campaign.objects.for_user(user)
        self.fields["file"].queryset = HardshipFile.objects.for_user(user, CHANGE)
        self.fields["enterprise"].queryset = Enterprise.objects.for_user(user, CHANGE).filter(
            union__isnull=False
        )
        file_id = parse_id(self.initial.get("file") or self.data.get("file"))
        self.file = self.fields["file"].queryset.filter(pk=file_id or 0).first()
        if self.file:  # the worker is the file's: not typed again
            for name in ("name", "id_number", "enterprise"):
                del self.fields[name]

    def clean(self):
        cleaned = super().clean()
        probe = Aid(**{k: v for k, v in cleaned.items() if k in self.Meta.fields})
        for field, message in aid_errors(aid=probe).items():
            if field not in self.errors:
                self.add_error(field if field in self.fields else None, message)
        return cleaned


class CampaignForm(forms.ModelForm):
    unions = RecordsChoiceField(
        label=_("unions taking part"),
        queryset=Union.objects.none(),
        required=False,
        widget=RecordPicker("unions:union_pick", multiple=True, describe=union_labels),
        help_text=_("Grassroots unions; none chosen: every union may report aid under it."),
    )

    class Meta:
        model = Campaign
        fields = ("industry_union", "name", "programme", "starts_on", "ends_on", "budget", "unions")
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        scope = scope_for(user, APPROVE)
        industries = IndustryUnion.objects.all()
        if not scope.everything:
            industries = industries.filter(pk__in=sorted(scope.industry_union_ids))
        self.fields["industry_union"].queryset = industries
        if len(industries) == 1:
            self.initial["industry_union"] = industries[0].pk
            self.fields["industry_union"].widget = forms.HiddenInput()
        self.fields["unions"].queryset = Union.objects.for_user(user, APPROVE).filter(
            parent__isnull=True, status="active"
        )

    def clean(self):
        cleaned = super().clean()
        fields = {k: v for k, v in cleaned.items() if k in self.Meta.fields and k != "unions"}
        errors = campaign_errors(campaign=Campaign(**fields), unions=cleaned.get("unions") or [])
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field if field in self.fields else None, message)
        return cleaned
