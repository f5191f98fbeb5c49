"""Industry staff add plans (next year's, say) and set their targets."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import APPROVE
from cohesion_portal.views import ScopedEditView, ScopedUpdateView

from ..forms import PlanForm, TargetForm
from ..models import Plan, Target
from ..services import plan_save, target_save
from .plans import PLANS_CRUMB


class PlanEditView(ScopedEditView):
    model = Plan
    form_class = PlanForm
    add_title = _("Add a plan")
    list_crumb = PLANS_CRUMB
    required_action = APPROVE  # adding: the industry union's staff

    def save(self, form):
        return plan_save(
            actor=self.request.user,
            plan=form.instance,
            copy_targets_from=form.cleaned_data.get("copy_targets_from"),  # (add page only)
        )


class TargetUpdateView(ScopedUpdateView):
    model = Target
    form_class = TargetForm
    success_message = _("%(object)s was saved.")

    def get_queryset(self):
        return super().get_queryset().select_related("plan")

    def get_title(self):
        return _("Edit %(name)s") % {"name": str(self.object)}

    def get_breadcrumbs(self):
        plan = self.object.plan
        return [PLANS_CRUMB, (plan.name, plan.get_absolute_url())]

    def save(self, form):
        return target_save(actor=self.request.user, target=form.instance)

    def get_success_url(self):
        return self.object.plan.get_absolute_url()
