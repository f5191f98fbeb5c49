"""Forms for members: enrol, edit, leave, rejoin, and the transfer request."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.text import normalize_code, normalize_text
from cohesion_portal.validators import not_in_future
from cohesion_portal.widgets import FastSelect

from ..fields import UnionChoiceField
from ..id_numbers import mask_phone, parse_id_number
from ..models import Enterprise, Member, Union, mobile_validator
from ..services import person_errors

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def scoped_union_field(user, **kwargs):
    return UnionChoiceField(
        queryset=Union.objects.for_user(user, CHANGE).order_by("path"), label=_("union"), **kwargs
    )


def scoped_enterprises(user):
    return Enterprise.objects.for_user(user, CHANGE).filter(union__isnull=False).order_by("name")


class MemberForm(forms.ModelForm):
    # Longer than 18 on the way in: pasted numbers carry spaces; the service keeps the clean form.
    id_number = forms.CharField(label=_("ID number"), max_length=40)

    class Meta:
        model = Member
        fields = (
            "name",
            "id_number",
            "gender",
            "birth_date",
            "phone",
            "education",
            "union",
            "enterprise",
            "joined_on",
            "card_number",
            "hukou",
            "is_migrant",
            "is_dispatched",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {"birth_date": DATE_WIDGET, "joined_on": DATE_WIDGET, "enterprise": FastSelect}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprise"].queryset = scoped_enterprises(user)
        self.fields["birth_date"].required = False
        self.fields["gender"].required = False
        self.fields["birth_date"].help_text = _("Left empty, it is read from the ID number.")
        self.fields["joined_on"].validators.append(not_in_future)
        self.fields["id_number"].widget.attrs.update({"spellcheck": "false"})
        self.fields["phone"].validators = []  # checked in clean_phone, after clean-up
        self.fields["phone"].max_length = 30
        self.fields["phone"].widget.attrs["maxlength"] = 30
        if self.instance.pk:
            # Who the person is does not change (a wrong number is corrected by the admin), and
            # the edit page must not show whole numbers to those who may not see them.
            del self.fields["id_number"]
            if not user.has_perm("unions.view_personal_data"):
                self.initial["phone"] = ""
                self.fields["phone"].help_text = _("Now %(masked)s; leave empty to keep it.") % {
                    "masked": mask_phone(self.instance.phone) if self.instance.phone else "—"
                }

    def clean_name(self):
        return normalize_text(self.cleaned_data["name"])

    def clean_phone(self):
        phone = normalize_code(self.cleaned_data["phone"]).replace("-", "")
        if not phone and self.instance.pk:
            return self.instance.phone  # left empty: keep the number it has
        if phone:
            mobile_validator(phone)
        return phone

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            cleaned["id_number"] = self.instance.id_number
        if "id_number" not in cleaned:
            return cleaned
        try:
            parsed = parse_id_number(cleaned["id_number"])
        except forms.ValidationError as error:
            self.add_error("id_number", error)
            return cleaned
        cleaned["id_number"] = parsed.number
        cleaned["birth_date"] = cleaned.get("birth_date") or parsed.birth_date
        cleaned["gender"] = cleaned.get("gender") or ("male" if parsed.is_male else "female")
        errors = person_errors(
            id_number=parsed.number,
            birth_date=cleaned["birth_date"],
            gender=cleaned["gender"],
            joined_on=cleaned.get("joined_on"),
            union=cleaned.get("union"),
            enterprise=cleaned.get("enterprise"),
        )
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned

    def validate_unique(self):
        """The ID number is checked by the service, which says who holds the person."""
        exclude = self._get_validation_exclusions()
        exclude.add("id_number")
        try:
            self.instance.validate_unique(exclude=exclude)
            self.instance.validate_constraints(exclude=exclude)
        except forms.ValidationError as error:
            self._update_errors(error)


class MemberLeaveForm(forms.Form):
    KINDS = [
        ("left", _("leaves the union")),
        ("transferred_out", _("transfers to a union outside the system")),
    ]
    kind = forms.ChoiceField(label=_("What happens"), choices=KINDS, widget=forms.RadioSelect)
    on = forms.DateField(label=_("date"), widget=DATE_WIDGET, validators=[not_in_future])
    reason = forms.CharField(label=_("reason"), max_length=200)


class MemberRejoinForm(forms.Form):
    on = forms.DateField(label=_("date"), widget=DATE_WIDGET, validators=[not_in_future])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"] = scoped_union_field(user)
        self.fields["enterprise"] = forms.ModelChoiceField(
            queryset=scoped_enterprises(user),
            label=_("enterprise"),
            required=False,
            widget=FastSelect,
        )
        self.order_fields(["union", "enterprise", "on"])


class TransferRequestForm(forms.Form):
    """Ask the union that holds a person to transfer them here. The person is named by their
    ID number, which the holding union's officers can check against their roster."""

    id_number = forms.CharField(label=_("ID number"), max_length=40)
    note = forms.CharField(label=_("note"), max_length=200, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_union"] = scoped_union_field(user)
        self.fields["to_union"].label = _("into")
        self.fields["to_enterprise"] = forms.ModelChoiceField(
            queryset=scoped_enterprises(user),
            label=_("new enterprise"),
            required=False,
            widget=FastSelect,
        )
        self.order_fields(["id_number", "to_union", "to_enterprise", "note"])

    def clean_id_number(self):
        # Only the number's form here: who holds it is looked up (and recorded) when the
        # request is filed, by unions.services.transfer_lookup.
        try:
            return parse_id_number(self.cleaned_data["id_number"]).number
        except forms.ValidationError as error:
            raise forms.ValidationError(error.messages) from None


class TransferDecisionForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("yes", _("accept")), ("no", _("reject"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("reason"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("accept") is False and not cleaned.get("reason"):
            self.add_error("reason", _("Say why, so the other union knows."))
        return cleaned
