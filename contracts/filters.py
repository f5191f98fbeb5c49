import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from unions.filters import UnionSubtreeFilter

from .models import (
    CollectiveContract,
    CongressLevel,
    CongressSystem,
    ContractKind,
    Disclosure,
    DisclosureChannel,
    DisclosureTopic,
    NegotiationOffer,
)

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
    kind = django_filters.ChoiceFilter(label=_("contract kind"), choices=ContractKind.choices)
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


class CongressFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Name"))
    )
    level = django_filters.ChoiceFilter(label=_("level"), choices=CongressLevel.choices)
    union = UnionSubtreeFilter()
    overdue = django_filters.BooleanFilter(
        label=_("no session in 12 months"), method="filter_overdue", widget=yes_no()
    )

    class Meta:
        model = CongressSystem
        fields = ("q", "union", "level", "overdue")

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = CongressSystem.objects.overdue_on(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class DisclosureFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Title or enterprise"))
    )
    union = UnionSubtreeFilter()
    topic = django_filters.ChoiceFilter(label=_("topic"), choices=DisclosureTopic.choices)
    channel = django_filters.ChoiceFilter(label=_("form"), choices=DisclosureChannel.choices)
    year = django_filters.NumberFilter(
        label=_("year"), field_name="disclosed_on", lookup_expr="year"
    )

    class Meta:
        model = Disclosure
        fields = ("q", "union", "topic", "channel", "year")

    def search(self, queryset, name, value):
        return queryset.filter(title__icontains=value) | queryset.filter(
            enterprise__name__icontains=value
        )


class OfferFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Subject or enterprise"))
    )
    overdue = django_filters.BooleanFilter(
        label=_("reply overdue"),
        method="filter_overdue",
        widget=yes_no(),
    )

    class Meta:
        model = NegotiationOffer
        fields = ("q", "overdue")

    def search(self, queryset, name, value):
        return queryset.filter(subject__icontains=value) | queryset.filter(
            enterprise__name__icontains=value
        )

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue_on(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
