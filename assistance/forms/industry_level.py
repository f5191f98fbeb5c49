"""The two fields of a record that belongs to a union or, left without one, to the industry
union itself (an appeal not yet passed on, a love supermarket the industry union runs)."""

from django import forms

from cohesion_portal.access import CHANGE, scope_for
from unions.models import IndustryUnion, Union


def offer_union_or_industry(form, user) -> None:
    """The form's `union` among the active unions the user may change, and its
    `industry_union` among theirs. Only who holds a whole industry union may leave the union
    empty (an officer's record left at that level would vanish from their sight); one industry
    union to choose from is no choice, and is not shown."""
    unions = Union.objects.for_user(user, CHANGE).filter(status="active")
    form.fields["union"].queryset = unions
    scope = scope_for(user, CHANGE)
    if not (scope.everything or scope.industry_union_ids):
        form.fields["union"].required = True
        form.fields["union"].help_text = ""
    industries = IndustryUnion.objects.filter(pk__in=unions.values("industry_union"))
    form.fields["industry_union"].queryset = industries
    if len(industries) == 1:
        form.initial["industry_union"] = industries[0].pk
        form.fields["industry_union"].widget = forms.HiddenInput()
