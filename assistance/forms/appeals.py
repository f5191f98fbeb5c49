"""Forms of appeals: the officer's (filing, moving, routing) and the worker's (filing online,
tracking, rating)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE
from cohesion_portal.widgets import RecordPicker
from unions.fields import UnionChoiceField
from unions.models import IndustryUnion, Union
from unions.selectors import union_labels

from ..models import Appeal, AppealClass, AppealStatus, Satisfaction
from ..services import appeal_errors
from .files import DATE
from .industry_level import offer_union_or_industry

CONTENT = forms.Textarea(attrs={"rows": 5})


def checked(form, cleaned: dict) -> dict:
    """The service's checks of what the form holds, next to the fields (those already refused
    for their own reason keep that one)."""
    probe = Appeal(**{name: value for name, value in cleaned.items() if name in form.Meta.fields})
    for field, message in appeal_errors(appeal=probe).items():
        if field not in form.errors:
            form.add_error(field if field in form.fields else None, message)
    return cleaned


class AppealForm(forms.ModelForm):
    """An appeal an officer took by visit, phone or letter (or copied from elsewhere online)."""

    class Meta:
        model = Appeal
        fields = (
            "industry_union",
            "union",
            "channel",
            "category",
            "appeal_class",
            "is_anonymous",
            "name",
            "phone",
            "workplace",
            "subject",
            "content",
            "received_on",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {
            "union": RecordPicker("unions:union_pick", describe=union_labels),
            "content": CONTENT,
            "received_on": DATE,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        offer_union_or_industry(self, user)
        self.fields["appeal_class"].queryset = AppealClass.objects.all()

    def clean(self):
        return checked(self, super().clean())


class AppealMoveForm(forms.Form):
    status = forms.ChoiceField(label=_("move to"), widget=forms.RadioSelect)
    appeal_class = forms.ModelChoiceField(
        label=_("appeal class"),
        queryset=AppealClass.objects.all(),
        required=False,
        help_text=_("On accepting: sets the deadline in working days from the day received."),
    )
    answer = forms.CharField(
        label=_("answer to the worker"),
        widget=CONTENT,
        required=False,
        help_text=_("The worker reads it on the tracking page."),
    )
    satisfaction = forms.ChoiceField(
        label=_("satisfaction, as the worker said it"),
        choices=[("", "—"), *Satisfaction.choices],
        required=False,
    )
    note = forms.CharField(
        label=_("note"),
        max_length=500,
        required=False,
        help_text=_("Shown to the worker with the step."),
    )

    def __init__(self, *args, appeal: Appeal, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        following = appeal.next_statuses
        self.fields["status"].choices = [
            (status, AppealStatus(status).label) for status in following
        ]
        if len(following) == 1:
            self.fields["status"].initial = following[0]
        # Only the fields the moves on offer use.
        if AppealStatus.ACCEPTED in following:
            self.fields["appeal_class"].initial = appeal.appeal_class_id
        else:
            del self.fields["appeal_class"]
        if AppealStatus.ANSWERED in following:
            self.fields["answer"].initial = appeal.answer
        else:
            del self.fields["answer"]
        if AppealStatus.CLOSED not in following or appeal.status == AppealStatus.RECEIVED:
            del self.fields["satisfaction"]


class AppealRouteForm(forms.Form):
    union = UnionChoiceField(
        label=_("responsible union"),
        queryset=Union.objects.none(),
        required=False,
        widget=RecordPicker("unions:union_pick", describe=union_labels),
        help_text=_("None: back to the industry union."),
    )
    note = forms.CharField(label=_("note"), max_length=500, required=False)

    def __init__(self, *args, appeal: Appeal, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).filter(
            industry_union=appeal.industry_union_id, status="active"
        )


class PublicAppealForm(forms.ModelForm):
    """What a worker fills in on the public page."""

    industry_union = forms.ModelChoiceField(
        label=_("industry union"),
        queryset=IndustryUnion.objects.all(),
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_("The industry union of your workplace: it passes the appeal to your union."),
    )

    class Meta:
        model = Appeal
        fields = (
            "industry_union",
            "category",
            "is_anonymous",
            "name",
            "phone",
            "workplace",
            "subject",
            "content",
        )
        widgets = {"content": CONTENT}
        help_texts = {
            "is_anonymous": _("Your name is not kept; you follow the appeal with the code only."),
            "phone": _("For the union to call you back (optional)."),
        }

    def clean(self):
        return checked(self, super().clean())


class AppealTrackForm(forms.Form):
    tracking_number = forms.CharField(label=_("tracking number"), max_length=20)
    code = forms.CharField(label=_("tracking code"), max_length=20)


class AppealRateForm(forms.Form):
    satisfaction = forms.ChoiceField(
        label=_("Are you satisfied with the answer?"),
        choices=Satisfaction.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("comment"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
