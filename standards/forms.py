"""Forms of the assessment: one row of fields per indicator a person scores."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE, INSPECT
from cohesion_portal.documents import validate_document
from cohesion_portal.validators import not_in_future
from unions.fields import UnionChoiceField
from unions.models import Union

from .models import Method, Period, VetoHit
from .models.scheme import plain

POINTS = {"max_digits": 6, "decimal_places": 2, "min_value": 0}
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ScoreRowsForm(forms.Form):
    """Fields named `<field>_<score id>` for each score; `rows` pairs them for the template."""

    def __init__(self, *args, scores, **kwargs):
        super().__init__(*args, **kwargs)
        self.scores = scores
        for score in scores:
            self.add_row(score)

    def add_row(self, score):
        raise NotImplementedError

    def rows(self):
        return [
            (score, [self[n] for n in self.fields if n.endswith(f"_{score.pk}")])
            for score in self.scores
        ]

    def change_label(self, name: str) -> str:
        """A field named by its indicator too, for the message after a refused save (the rows'
        fields share their labels)."""
        for score in self.scores:
            if name.endswith(f"_{score.pk}"):
                return f"{score.indicator.name} · {self.fields[name].label}"
        return str(self.fields[name].label)

    def entries(self, first: str, second: str) -> dict:
        return {
            score.pk: (
                self.cleaned_data.get(f"{first}_{score.pk}"),
                self.cleaned_data.get(f"{second}_{score.pk}", ""),
            )
            for score in self.scores
        }


def points_field(label, maximum, initial):
    return forms.DecimalField(
        label=label,
        required=False,
        max_value=maximum,
        initial=initial,
        error_messages={
            "max_value": _("No more than the maximum of %(limit_value)s points."),
            "min_value": _("Points cannot be negative."),
        },
        **POINTS,
    )


class SelfInspectionForm(ScoreRowsForm):
    show_submit = True  # "save" keeps a draft; "save and submit" hands it to the inspector
    save_label = _("Save")

    def add_row(self, score):
        indicator = score.indicator
        if indicator.method == Method.SELF_ASSESSED:
            self.fields[f"self_points_{score.pk}"] = points_field(
                _("Your points (at most %(max)s)") % {"max": plain(indicator.max_points)},
                plain(indicator.max_points),
                score.self_points,
            )
        self.fields[f"evidence_{score.pk}"] = forms.CharField(
            label=_("evidence"),
            required=False,
            initial=score.self_evidence,
            widget=forms.Textarea(attrs={"rows": 2}),
            help_text=indicator.guidance,
        )
        self.fields[f"evidence_file_{score.pk}"] = forms.FileField(
            label=_("evidence file"),
            required=False,
            validators=[validate_document],
            help_text=_("A PDF, PNG or JPEG file, at most 10 MB.")
            if not score.evidence_file
            else _("A file is attached; a new one replaces it."),
        )

    def entries(self, *names) -> dict:
        return {
            score.pk: (
                self.cleaned_data.get(f"self_points_{score.pk}"),
                self.cleaned_data.get(f"evidence_{score.pk}", ""),
                self.cleaned_data.get(f"evidence_file_{score.pk}"),
            )
            for score in self.scores
        }


class InspectionForm(ScoreRowsForm):
    shows_evidence = True  # the union's evidence beside the points the inspector gives
    save_label = _("Save and hand over for approval")

    def add_row(self, score):
        indicator = score.indicator
        initial = score.points if score.points is not None else score.self_points
        self.fields[f"points_{score.pk}"] = points_field(
            _("Points (at most %(max)s)") % {"max": plain(indicator.max_points)},
            plain(indicator.max_points),
            initial,
        )
        self.fields[f"reason_{score.pk}"] = forms.CharField(
            label=_("inspector's reason")
            if indicator.method == Method.SELF_ASSESSED
            else _("Evidence the points rest on (required)"),
            required=False,
            initial=score.reason,
            widget=forms.Textarea(attrs={"rows": 2}),
        )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve the inspection")),
            ("return", _("Return it to the inspector")),
        ],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What the union should add or correct"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AssessmentStartForm(forms.Form):
    period = forms.ModelChoiceField(label=_("period"), queryset=Period.objects.none())
    union = UnionChoiceField(label=_("union"), queryset=Union.objects.none())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = Period.objects.for_user(user).order_by("-starts_on")
        self.fields["union"].queryset = (
            Union.objects.for_user(user, CHANGE).filter(parent__isnull=True).order_by("name")
        )


class VetoHitForm(forms.ModelForm):
    class Meta:
        model = VetoHit
        fields = ("period", "union", "veto_item", "occurred_on", "note")
        field_classes = {"union": UnionChoiceField}
        widgets = {"occurred_on": DATE, "note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = Period.objects.for_user(user).order_by("-starts_on")
        self.fields["union"].queryset = (
            Union.objects.for_user(user, INSPECT).filter(parent__isnull=True).order_by("name")
        )
        self.fields["occurred_on"].validators.append(not_in_future)
