"""A contract's yearly performance checks (履行检查)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import (
    ScopedObjectFormView,
    ScopedUpdateView,
    SubmitOnceMixin,
    add_service_error,
)

from ..forms import PerformanceCheckForm
from ..models import CollectiveContract, PerformanceCheck
from ..services import performance_check_save
from .contracts import CONTRACTS_CRUMB


class PerformanceCheckAddView(SubmitOnceMixin, ScopedObjectFormView):
    model = CollectiveContract
    form_class = PerformanceCheckForm

    def get_title(self):
        return _("Performance check of %(name)s") % {"name": self.object.title}

    def get_breadcrumbs(self):
        return [CONTRACTS_CRUMB, (self.object.title, self.object.get_absolute_url())]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = PerformanceCheck(contract=self.object)
        return kwargs

    def form_valid(self, form):
        try:
            check = performance_check_save(actor=self.request.user, check=form.instance)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        except IntegrityError:  # someone recorded the same year a moment before
            form.add_error("year", PerformanceCheck.year_taken_message(form.instance.year))
            return self.form_invalid(form)
        messages.success(
            self.request, _("The check of %(year)s was recorded.") % {"year": check.year}
        )
        return HttpResponseRedirect(check.get_absolute_url())


class PerformanceCheckUpdateView(ScopedUpdateView):
    model = PerformanceCheck
    form_class = PerformanceCheckForm
    success_message = _("%(object)s was saved.")

    def get_queryset(self):
        return super().get_queryset().select_related("contract")

    def get_title(self):
        return _("Performance check of %(name)s") % {"name": self.object.contract.title}

    def get_breadcrumbs(self):
        contract = self.object.contract
        return [CONTRACTS_CRUMB, (contract.title, contract.get_absolute_url())]

    def save(self, form):
        return performance_check_save(actor=self.request.user, check=form.instance)
