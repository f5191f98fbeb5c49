"""Industry staff change the assessment scheme: the points, an indicator and its thresholds,
the grades and the trusted-home rule. Each form is checked as a whole by the services."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal import versioning
from cohesion_portal.views import ScopedObjectFormView, VersionedFormMixin, add_service_error

from ..forms import GradesForm, IndicatorForm, NewVersionForm, PointsForm
from ..models import Indicator, Scheme
from ..services import (
    frozen_reason,
    grade_rules_save,
    indicator_save,
    scheme_new_version,
    scheme_points_save,
)
from .scheme import SCHEMES_CRUMB


class SchemeEditView(VersionedFormMixin, ScopedObjectFormView):
    """A form on the scheme (or a part of it), saved through a scheme service; the form
    carries the version of the scheme as a whole (services/scheme.py)."""

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
        return [SCHEMES_CRUMB, (str(scheme), scheme.get_absolute_url())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        scheme = self.scheme()
        context["notice"] = frozen_reason(scheme)
        newer = getattr(scheme, "next_version", None)
        if context["notice"] and newer is not None:
            context["notice_action"] = (_("Open the newer version"), newer.get_absolute_url())
        elif context["notice"]:
            url = reverse("standards:scheme_new_version", args=[scheme.pk])
            context["notice_action"] = (_("Start a new version"), url)
        return context

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


class SchemeNewVersionView(ScopedObjectFormView):
    """Industry staff start a new version of the scheme from the latest one, to change what a
    scored period's version keeps; the next period is opened with it."""

    model = Scheme
    form_class = NewVersionForm

    def get_title(self):
        return _("A new version of %(name)s") % {"name": self.object}

    def get_breadcrumbs(self):
        return [SCHEMES_CRUMB, (str(self.object), self.object.get_absolute_url())]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        number = {"number": self.object.number + 1, "current": self.object.number}
        context["submit_label"] = _("Start version %(number)s") % number
        context["intro"] = (
            _(
                "Version %(number)s will be a whole copy of version %(current)s: its "
                "dimensions, indicators and their points, the grades, the trusted-home rule and "
                "the veto items. You change it afterwards; the periods scored with version "
                "%(current)s keep it, and the next period is opened with the new one."
            )
            % number
        )
        newer = getattr(self.object, "next_version", None)
        if newer is not None:
            context["notice"] = _("A newer version of this scheme exists: start from the latest.")
            context["notice_action"] = (_("Open the newer version"), newer.get_absolute_url())
        return context

    def form_valid(self, form):
        try:
            scheme = scheme_new_version(actor=self.request.user, scheme=self.object)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(version)s was started from %(previous)s: change it here.")
            % {"version": scheme.version_label, "previous": self.object.version_label},
        )
        return HttpResponseRedirect(scheme.get_absolute_url())
