import django_filters
import django_tables2 as tables

from cohesion_portal.filters import PortalFilterSet, yes_no
from cohesion_portal.views import ScopedListView
from unions.filters import UnionSubtreeFilter

from .models import Visit


class VisitFilter(PortalFilterSet):
    union = UnionSubtreeFilter()
    follow_up = django_filters.BooleanFilter(label="follow-up", widget=yes_no())

    class Meta:
        model = Visit
        fields = ("union", "follow_up")


class VisitTable(tables.Table):
    class Meta:
        model = Visit
        fields = ("worker", "union", "visited_on", "follow_up")
        order_by = ("-visited_on",)


class VisitListView(ScopedListView):
    model = Visit
    title = "Visits"
    filterset_class = VisitFilter
    table_class = VisitTable

    def get_queryset(self):
        return super().get_queryset().select_related("union")
