"""Industry staff add plans (next year's, say) and set their targets."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics
from cohesion_portal.access import APPROVE
from cohesion_portal.views import ScopedCreateView, ScopedUpdateView

from .models import Plan, Target
from .plan_services import plan_save, target_save
from .views_plans import PLANS_CRUMB

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


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


class PlanCreateView(ScopedCreateView):
    model = Plan
    form_class = PlanForm
    title = _("Add a plan")
    success_message = _("%(object)s was added.")
    required_action = APPROVE  # the industry union's staff

    def get_breadcrumbs(self):
        return [PLANS_CRUMB]

    def save(self, form):
        return plan_save(
            actor=self.request.user,
            plan=form.instance,
            copy_targets_from=form.cleaned_data.get("copy_targets_from"),
        )


class PlanUpdateView(ScopedUpdateView):
    model = Plan
    form_class = PlanForm
    success_message = _("%(object)s was saved.")

    def get_title(self):
        return _("Edit %(name)s") % {"name": self.object.name}

    def get_breadcrumbs(self):
        return [PLANS_CRUMB, (self.object.name, self.object.get_absolute_url())]

    def save(self, form):
        return plan_save(actor=self.request.user, plan=form.instance)


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
