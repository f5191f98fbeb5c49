import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from unions.filters import UnionSubtreeFilter

from .models import BookRoom, Level, Recognition, Title, TitleKind, TitleStatus


class BookRoomFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Name"))
    )
    union = UnionSubtreeFilter()
    recognition = django_filters.ChoiceFilter(
        label=_("recognition"), choices=Recognition.choices[1:]
    )
    open = django_filters.BooleanFilter(label=_("open now"), method="open_today", widget=yes_no())

    class Meta:
        model = BookRoom
        fields = ("q", "union", "recognition", "open")

    def open_today(self, queryset, name, value):
        if value is None:
            return queryset
        open_now = queryset.open_on(timezone.localdate())
        return open_now if value else queryset.exclude(pk__in=open_now.values("pk"))


class TitleFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        field_name="holder",
        lookup_expr="icontains",
        widget=search_box(_("Team or person")),
    )
    union = UnionSubtreeFilter()
    kind = django_filters.ChoiceFilter(label=_("honorary title"), choices=TitleKind.choices)
    level = django_filters.ChoiceFilter(label=_("level"), choices=Level.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=TitleStatus.choices)
    year = django_filters.NumberFilter(label=_("year"))

    class Meta:
        model = Title
        fields = ("q", "union", "kind", "level", "status", "year")
