"""Industry staff change the assessment scheme: the points, an indicator and its thresholds,
the grades and the trusted-home rule. Each form is checked as a whole by the services."""

from decimal import Decimal

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics, versioning
from cohesion_portal.fields import LARGEST_INTEGER
from cohesion_portal.views import ScopedObjectFormView, VersionedFormMixin, add_service_error

from .models import Grade, Indicator, Scheme
from .models.scheme import plain
from .scheme_services import grade_rules_save, indicator_save, scheme_points_save
from .views_scheme import SCHEMES_CRUMB

POINTS = {"max_digits": 6, "decimal_places": 2, "min_value": 0}
THRESHOLD_ROWS = 5


class SchemeEditView(VersionedFormMixin, ScopedObjectFormView):
    """A form on the scheme (or a part of it), saved through a scheme service; the form
    carries the version of the scheme as a whole (scheme_services)."""

    success_message = _("The scheme was saved. Scorecards change at the next recompute.")

    def scheme(self) -> Scheme:
        return self.object

    def versioned_record(self):
        return self.scheme()

    def reload_versioned_record(self):
        self.object = self.get_object()
        return self.scheme()

    def get_breadcrumbs(self):
        scheme = self.scheme()
        return [SCHEMES_CRUMB, (scheme.name, scheme.get_absolute_url())]

    def form_valid(self, form):
        self.version = versioning.loaded_version(form)
        try:
            self.save(form)
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, self.version)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.scheme().get_absolute_url())


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


class SchemePointsView(SchemeEditView):
    model = Scheme
    form_class = PointsForm

    def get_title(self):
        return _("Points of %(name)s") % {"name": self.object.name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "scheme": self.object}

    def save(self, form):
        data = form.cleaned_data
        scheme_points_save(
            actor=self.request.user,
            scheme=self.object,
            version=self.version,
            weights={d.pk: data[f"weight_{d.pk}"] for d in form.dimensions},
            maxima={i.pk: data[f"max_{i.pk}"] for d in form.dimensions for i in d.indicators.all()},
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


class IndicatorEditView(SchemeEditView):
    model = Indicator
    form_class = IndicatorForm

    def get_queryset(self):
        return super().get_queryset().select_related("dimension__scheme")

    def scheme(self):
        return self.object.dimension.scheme

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.object.name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.object}

    def save(self, form):
        indicator_save(
            actor=self.request.user,
            indicator=form.instance,
            version=self.version,
            steps=form.steps,
        )


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


class GradesEditView(SchemeEditView):
    model = Scheme
    form_class = GradesForm

    def get_title(self):
        return _("Grades of %(name)s") % {"name": self.object.name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "scheme": self.object}

    def save(self, form):
        data = form.cleaned_data
        grade_rules_save(
            actor=self.request.user,
            scheme=self.object,
            version=self.version,
            rules={g: (data[f"total_{g}"], data[f"share_{g}"]) for g in form.grades},
            trusted={
                name: data[name]
                for name in (
                    "trusted_min_grade",
                    "trusted_without_veto",
                    "trusted_min_satisfaction",
                    "survey_min_answers",
                )
            },
        )
