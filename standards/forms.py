"""The standards app's forms: the assessment's score rows (one row of fields per indicator a
person scores), plans and targets, the scheme's points, indicators and grades, surveys and
their answers, a recompute."""

import re
from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from cohesion_portal.access import CHANGE, INSPECT
from cohesion_portal.documents import validate_document
from cohesion_portal.fields import LARGEST_INTEGER
from cohesion_portal.text import normalize_code
from cohesion_portal.validators import not_in_future
from unions.fields import UnionChoiceField
from unions.models import Union

from .models import Answer, Grade, Indicator, Method, Period, Plan, Survey, Target, VetoHit
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
            Union.objects.for_user(user, CHANGE).counted().order_by("name")
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
            Union.objects.for_user(user, INSPECT).counted().order_by("name")
        )
        self.fields["occurred_on"].validators.append(not_in_future)


class PlanForm(forms.ModelForm):
    copy_targets_from = forms.ModelChoiceField(
        label=_("Start with the targets of"),
        queryset=Plan.objects.all(),
        required=False,
        help_text=_("Their deadlines become the end of the new plan."),
    )

    class Meta:
        model = Plan
        fields = ("name", "document_number", "issued_by", "starts_on", "ends_on", "summary")
        widgets = {"starts_on": DATE, "ends_on": DATE, "summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["copy_targets_from"]


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ("code", "title", "wording", "metric", "value", "deadline", "order")
        widgets = {"deadline": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        known = [(m.key, m.label) for m in metrics.all_metrics() if m.total is not None]
        if self.instance.metric and all(key != self.instance.metric for key, _ in known):
            # A figure an app still to come will count: kept, shown as such.
            known.append(
                (
                    self.instance.metric,
                    _("%(key)s (not counted yet)") % {"key": self.instance.metric},
                )
            )
        self.fields["metric"] = forms.ChoiceField(label=_("figure"), choices=known)
        # A rate or a count to reach: never below nothing.
        self.fields["value"].validators.append(MinValueValidator(0))
        self.fields["value"].widget.attrs["min"] = 0


POINTS = {"max_digits": 6, "decimal_places": 2, "min_value": 0}


THRESHOLD_ROWS = 5


class PointsForm(forms.Form):
    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = list(scheme.dimensions.prefetch_related("indicators"))
        for dimension in self.dimensions:
            self.fields[f"weight_{dimension.pk}"] = forms.DecimalField(
                label=_("%(name)s: points of the dimension") % {"name": dimension.name},
                initial=plain(dimension.weight),
                **POINTS,
            )
            for indicator in dimension.indicators.all():
                self.fields[f"max_{indicator.pk}"] = forms.DecimalField(
                    label=f"{dimension.name} · {indicator.name}",
                    initial=plain(indicator.max_points),
                    **POINTS,
                )


def computed_figures():
    return [(m.key, m.label) for m in metrics.all_metrics() if m.by_union is not None]


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ("name", "method", "metric", "guidance")
        widgets = {"guidance": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["metric"] = forms.ChoiceField(
            label=_("figure"),
            required=False,
            choices=[("", "—"), *computed_figures()],
            help_text=_("For a computed indicator."),
        )
        steps = list(self.instance.thresholds.order_by("-at_least"))
        for row in range(THRESHOLD_ROWS):
            step = steps[row] if row < len(steps) else None
            self.fields[f"at_least_{row}"] = forms.DecimalField(
                label=_("Threshold %(n)s: value at least") % {"n": row + 1},
                required=False,
                min_value=0,  # (every figure counts up from 0)
                max_digits=12,
                decimal_places=2,
                initial=plain(step.at_least) if step else None,
            )
            self.fields[f"points_{row}"] = forms.DecimalField(
                label=_("Threshold %(n)s: points") % {"n": row + 1},
                required=False,
                initial=plain(step.points) if step else None,
                **POINTS,
            )

    def clean(self):
        cleaned = super().clean()
        self.steps: list[tuple[Decimal, Decimal]] = []
        for row in range(THRESHOLD_ROWS):
            value, points = cleaned.get(f"at_least_{row}"), cleaned.get(f"points_{row}")
            if value is not None and points is not None:
                self.steps.append((value, points))
            elif value is not None or points is not None:
                self.add_error(f"points_{row}", _("Give both the value and its points."))
        return cleaned


class GradesForm(forms.Form):
    trusted_min_grade = forms.ChoiceField(
        label=_("trusted home: lowest grade"), choices=Grade.choices[1:]
    )
    trusted_without_veto = forms.BooleanField(
        label=_("trusted home: no veto item hit"), required=False
    )
    trusted_min_satisfaction = forms.DecimalField(
        label=_("trusted home: lowest member satisfaction (%)"), max_value=100, **POINTS
    )
    # Stops at what an integer column holds: a larger number is a form error, not a database one.
    survey_min_answers = forms.IntegerField(
        label=_("least answers for a survey to count"), min_value=1, max_value=LARGEST_INTEGER
    )

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        self.grades = [rule.grade for rule in scheme.grade_rules.all()]
        for rule in scheme.grade_rules.all():
            self.fields[f"total_{rule.grade}"] = forms.DecimalField(
                label=_("%(grade)s: least total") % {"grade": rule.grade},
                initial=plain(rule.min_total),
                **POINTS,
            )
            self.fields[f"share_{rule.grade}"] = forms.DecimalField(
                label=_("%(grade)s: least share of each dimension (%%)") % {"grade": rule.grade},
                initial=plain(rule.min_dimension_share),
                max_value=100,
                **POINTS,
            )
        self.initial.update(
            trusted_min_grade=scheme.trusted_min_grade,
            trusted_without_veto=scheme.trusted_without_veto,
            trusted_min_satisfaction=plain(scheme.trusted_min_satisfaction),
            survey_min_answers=scheme.survey_min_answers,
        )


class RecomputeForm(forms.Form):
    pass


class NewVersionForm(forms.Form):
    """(nothing to fill in: the new version is a copy of the latest, changed afterwards)"""


class SurveyForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ("period", "union", "opens_on", "closes_on")
        field_classes = {"union": UnionChoiceField}
        widgets = {"opens_on": DATE, "closes_on": DATE}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["period"].queryset = Period.objects.for_user(user).order_by("-starts_on")
        self.fields["union"].queryset = (
            Union.objects.for_user(user, CHANGE).counted().order_by("name")
        )


class AnswerForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=50)
    id_last6 = forms.CharField(
        label=_("Last 6 characters of your ID number"),
        max_length=12,  # (full-width characters and spaces, folded below)
        widget=forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off", "maxlength": 6}),
    )
    answer = forms.ChoiceField(
        label=_("Overall, are you satisfied with your union's work?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("What should the union do better? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_id_last6(self):
        # Full-width characters (from a phone's Chinese keyboard) fold to ASCII; other
        # scripts' digits do not, and are refused.
        value = normalize_code(self.cleaned_data["id_last6"])
        if not re.fullmatch(r"[0-9]{5}[0-9X]", value):
            raise forms.ValidationError(_("Enter the last 6 characters of your ID number."))
        return value
