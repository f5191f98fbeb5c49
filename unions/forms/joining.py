from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.text import normalize_code, normalize_text
from cohesion_portal.validators import not_in_future

from ..fields import UnionChoiceField
from ..id_numbers import parse_id_number
from ..models import Enterprise, Union, mobile_validator


class JoinForm(forms.Form):
    """The public application form: as short as a phone screen allows."""

    name = forms.CharField(label=_("Your name"), max_length=50)
    id_number = forms.CharField(label=_("ID number"), max_length=30)
    phone = forms.CharField(label=_("Mobile phone"), max_length=30)
    is_migrant = forms.BooleanField(
        label=_("I am a migrant worker (rural household registration, working in the city)"),
        required=False,
    )

    def __init__(self, *args, union: Union, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"] = forms.ModelChoiceField(
            queryset=Enterprise.objects.in_grassroots_union_of(union).order_by("name"),
            label=_("Where you work"),
            required=False,
        )
        self.order_fields(["name", "id_number", "phone", "enterprise", "is_migrant"])
        self.fields["id_number"].widget.attrs.update({"autocomplete": "off", "inputmode": "text"})
        self.fields["phone"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})

    def clean_name(self):
        return normalize_text(self.cleaned_data["name"])

    def clean_phone(self):
        phone = normalize_code(self.cleaned_data["phone"]).replace("-", "")
        mobile_validator(phone)
        return phone

    def clean_id_number(self):
        try:
            return parse_id_number(self.cleaned_data["id_number"]).number
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None


class JoinDecisionForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("approve: enrol as a member")), ("no", _("reject"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    joined_on = forms.DateField(
        label=_("joined on"),
        initial=timezone.localdate,
        validators=[not_in_future],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(label=_("reason"), max_length=200, required=False)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"] = UnionChoiceField(
            queryset=Union.objects.subtree_of(application.union).order_by("path"),
            label=_("Into union"),
            initial=application.union,
        )
        self.order_fields(["approve", "unit", "joined_on", "reason"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("approve") is False and not cleaned.get("reason"):
            self.add_error("reason", _("Say why, so the applicant can be told."))
        return cleaned
