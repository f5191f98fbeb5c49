from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import CHANGE, scope_for
from cohesion_portal.text import normalize_code, normalize_text

from ..fields import UnionChoiceField
from ..models import (
    GRASSROOTS_KINDS,
    SECTORS_BY_INDUSTRY,
    Enterprise,
    IndustryUnion,
    Sector,
    Union,
    UnionStatus,
)
from ..organisation import role_of
from ..services import UNION_FIELDS, enterprise_errors, union_placement_errors

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def sectors_for(industries, user):
    """The sectors of the user's industry unions (all of them for a wider scope)."""
    if industries is None:
        role = role_of(user)
        codes = {role.union.industry_union.code} if role and role.union else None
    else:
        codes = set(industries.values_list("code", flat=True))
    if not codes or len(codes) > 1:
        return Sector.choices
    return [(s.value, s.label) for s in SECTORS_BY_INDUSTRY.get(codes.pop(), Sector)]


def industry_unions_for(user):
    """The industry unions under which the user may add records that have no union above them."""
    scope = scope_for(user, CHANGE)
    if scope.everything:
        return IndustryUnion.objects.all()
    return IndustryUnion.objects.filter(pk__in=scope.industry_union_ids)


class UnionForm(forms.ModelForm):
    class Meta:
        model = Union
        fields = ("industry_union", "parent", *UNION_FIELDS)
        field_classes = {"parent": UnionChoiceField}
        widgets = {"founded_on": DATE_WIDGET}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        # Where the user may place units, and where this one sits now (an officer of a branch
        # keeps their branch where it is). Its own units stay listed, so that choosing one
        # gets the service's clear refusal rather than "not a valid choice".
        parents = Union.objects.for_user(user, CHANGE).exclude(kind="group")
        if self.instance.parent_id:
            parents = Union.objects.filter(Q(pk__in=parents) | Q(pk=self.instance.parent_id))
        self.fields["parent"].queryset = parents.order_by("path")
        self.fields["parent"].help_text = _("Leave empty for a grassroots union.")
        industries = industry_unions_for(user)
        if not industries.exists() or self.instance.parent_id:
            # Officers add units under their own union; a unit follows its parent's industry.
            del self.fields["industry_union"]
        if not industries.exists() and self.instance.pk and not self.instance.parent_id:
            # An officer's own grassroots union: where it sits is the industry union's
            # decision, so there is no parent to choose (a required one was never valid).
            del self.fields["parent"]
        elif not industries.exists():
            self.fields["parent"].required = True
        if not industries.exists():
            self.fields["kind"].choices = [
                (value, label)
                for value, label in self.fields["kind"].choices
                if value not in GRASSROOTS_KINDS or value == self.instance.kind
            ]
        if "industry_union" not in self.fields:
            return
        self.fields["industry_union"].queryset = industries
        self.fields["industry_union"].required = False
        self.fields["industry_union"].help_text = _(
            "Only for a grassroots union; a unit under a union belongs to that union's "
            "industry union."
        )
        if industries.count() == 1:
            self.fields["industry_union"].initial = industries.first()

    def clean_name(self):
        return normalize_text(self.cleaned_data["name"])

    def clean(self):
        cleaned = super().clean()
        parent = cleaned.get("parent")
        kind = cleaned.get("kind")
        industry = cleaned.get("industry_union")
        moving_to_top = not self.instance.pk or self.instance.parent_id is not None
        if parent is None and kind in GRASSROOTS_KINDS and industry is None and moving_to_top:
            if "industry_union" in self.fields:
                self.add_error(
                    "industry_union", _("Choose the industry union of this grassroots union.")
                )
            else:
                self.add_error("parent", _("Choose the union this unit belongs under."))
        founded_on = cleaned.get("founded_on")
        if (
            parent is not None
            and founded_on
            and parent.founded_on
            and founded_on < parent.founded_on
        ):
            self.add_error(
                "founded_on",
                _("%(parent)s was founded on %(date)s; a unit under it cannot be older.")
                % {"parent": parent, "date": parent.founded_on.isoformat()},
            )
        if kind and "name" in cleaned:
            probe = Union(
                pk=self.instance.pk,
                path=self.instance.path,
                industry_union_id=industry.pk if industry else self.instance.industry_union_id,
            )
            for field, message in union_placement_errors(
                union=probe, parent=parent, kind=kind, name=cleaned["name"]
            ).items():
                self.add_error(field, message)
        return cleaned

    def validate_unique(self):
        """The name rules are checked above with clearer messages than the constraints'."""


class EnterpriseForm(forms.ModelForm):
    # Longer than 18 on the way in: pasted codes carry spaces; the model checks the clean value.
    credit_code = forms.CharField(label=_("unified social credit code"), max_length=40)

    class Meta:
        model = Enterprise
        fields = (
            "name",
            "credit_code",
            "industry_union",
            "union",
            "unionized_on",
            "ownership",
            "sector",
            "headcount",
            "migrant_headcount",
            "address",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {"unionized_on": DATE_WIDGET}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # A dissolved union takes no enterprise (the one the enterprise is in stays offered).
        self.fields["union"].queryset = (
            Union.objects.for_user(user, CHANGE)
            .filter(Q(status=UnionStatus.ACTIVE) | Q(pk=self.instance.union_id))
            .select_related(None)
        )
        industries = industry_unions_for(user)
        self.fields["industry_union"].queryset = industries
        self.fields["industry_union"].required = False
        self.fields["industry_union"].help_text = _(
            "Needed only for an enterprise without a union; otherwise it follows the union."
        )
        if not industries.exists():
            # An officer adds enterprises to their own union; the industry union follows it.
            del self.fields["industry_union"]
            self.fields["union"].required = True
            self.fields["union"].help_text = ""
        self.fields["credit_code"].widget.attrs.update(
            {"spellcheck": "false", "style": "text-transform: uppercase"}
        )
        sectors = sectors_for(industries if industries.exists() else None, user)
        self.fields["sector"].choices = [("", "---------"), *sectors]

    def clean_name(self):
        name = normalize_text(self.cleaned_data["name"])
        if Enterprise.objects.filter(name=name).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(
                _("An enterprise of this name is registered already; names are unique.")
            )
        return name

    def clean_credit_code(self):
        return normalize_code(self.cleaned_data["credit_code"])

    def clean(self):
        cleaned = super().clean()
        headcount, migrants = cleaned.get("headcount"), cleaned.get("migrant_headcount")
        if headcount is not None and migrants is not None and migrants > headcount:
            self.add_error(
                "migrant_headcount",
                _("Migrant workers (%(migrants)d) cannot outnumber all employees (%(headcount)d).")
                % {"migrants": migrants, "headcount": headcount},
            )
        for field, message in enterprise_errors(
            union=cleaned.get("union"),
            unionized_on=cleaned.get("unionized_on"),
            previous_union_id=self.instance.union_id,  # (as stored: the form has not set it)
        ).items():
            if field not in self.errors:
                self.add_error(field, message)
        if (
            "industry_union" in self.fields
            and not cleaned.get("union")
            and not cleaned.get("industry_union")
        ):
            self.add_error(
                "industry_union",
                _("Choose the industry union, or a union the enterprise belongs to."),
            )
        return cleaned
