import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from unions.filters import UnionSubtreeFilter

from .models import CollectiveContract, ContractKind

STATES = [
    ("in_force", _("in force")),
    ("expired", _("expired")),
    ("unsigned", _("not signed yet")),
    ("expiring", _("ending within 90 days")),
    ("unchecked", _("in force, not checked this year")),
]


class ContractFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Title or employer"))
    )
    union = UnionSubtreeFilter()
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=ContractKind.choices)
    state = django_filters.ChoiceFilter(label=_("state"), choices=STATES, method="in_state")
    negotiated = django_filters.BooleanFilter(
        label=_("reached through wage collective negotiation"), widget=yes_no()
    )

    class Meta:
        model = CollectiveContract
        fields = ("q", "union", "kind", "state", "negotiated")

    def search(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(employer_party__icontains=value))

    def in_state(self, queryset, name, value):
        today = timezone.localdate()
        if value == "in_force":
            return queryset.in_force_on(today)
        if value == "expired":
            return queryset.filter(effective_to__lt=today)
        if value == "unsigned":
            return queryset.filter(signed_on__isnull=True)
        if value == "expiring":
            return queryset.in_force_on(today).filter(
                effective_to__lte=today + timezone.timedelta(days=90)
            )
        if value == "unchecked":
            return queryset.in_force_on(today).exclude(performance_checks__year=today.year)
        return queryset
