import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from cohesion_portal.text import normalize_code, normalize_text
from unions.filters import UnionSubtreeFilter

from .models import HardshipFile, HardshipGrade


class HardshipFileFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Name or last 4 of the ID"))
    )
    union = UnionSubtreeFilter()
    grade = django_filters.ModelChoiceFilter(label=_("grade"), queryset=HardshipGrade.objects.all())
    open = django_filters.BooleanFilter(
        label=_("open"), field_name="closed_on", lookup_expr="isnull", widget=yes_no()
    )
    due = django_filters.BooleanFilter(
        label=_("due for review"), method="due_for_review", widget=yes_no()
    )

    class Meta:
        model = HardshipFile
        fields = ("q", "union", "grade", "open", "due")

    def search(self, queryset, name, value):
        code = normalize_code(value)
        condition = Q(name__icontains=normalize_text(value))
        if len(code) == 4:
            condition |= Q(id_number__endswith=code)
        return queryset.filter(condition)

    def due_for_review(self, queryset, name, value):
        if value is None:
            return queryset
        due = queryset.due_for_review(timezone.localdate())
        return due if value else queryset.exclude(pk__in=due.values("pk"))
