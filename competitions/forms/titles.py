"""Forms of title nominations and their decision."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.forms import CheckedByService
from unions.fields import UnionChoiceField
from unions.models import Union

from ..models import Title
from ..services import title_errors


class TitleForm(CheckedByService, forms.ModelForm):
    class Meta:
        model = Title
        fields = ("union", "kind", "holder", "level", "year", "citation")
        field_classes = {"union": UnionChoiceField}
        widgets = {"citation": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")

    def service_errors(self, instance) -> dict:
        return title_errors(title=instance)


class TitleDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("awarded", _("Awarded")), ("not_awarded", _("Not awarded"))],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(
        label=_("decided on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day of the decision, or of the higher body's, when it is recorded later."),
    )
