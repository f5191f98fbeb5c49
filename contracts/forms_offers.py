from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.validators import not_in_future
from unions.fields import UnionChoiceField
from unions.models import Enterprise, Union

from .models import NegotiationOffer
from .services import offer_errors

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class OfferForm(forms.ModelForm):
    class Meta:
        model = NegotiationOffer
        fields = ("union", "enterprise", "subject", "sent_on", "replied_on", "reply", "note")
        field_classes = {"union": UnionChoiceField}
        widgets = {"sent_on": DATE, "replied_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprise"].queryset = (
            Enterprise.objects.for_user(user, CHANGE).filter(union__isnull=False).order_by("name")
        )
        self.fields["sent_on"].validators.append(not_in_future)
        self.fields["replied_on"].validators.append(not_in_future)

    def clean(self):
        cleaned = super().clean()
        probe = NegotiationOffer(
            **{k: cleaned.get(k) for k in ("union", "enterprise", "sent_on", "replied_on", "reply")}
        )
        for field, message in offer_errors(offer=probe).items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


class RoundForm(forms.Form):
    held_on = forms.DateField(label=_("held on"), widget=DATE, validators=[not_in_future])
    minutes = forms.CharField(label=_("minutes"), widget=forms.Textarea(attrs={"rows": 4}))
