import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.filters import PortalFilterSet, search_box, yes_no
from cohesion_portal.text import normalize_code, normalize_text
from unions.filters import UnionSubtreeFilter

from .models import (
    Aid,
    Appeal,
    AppealCategory,
    AppealStatus,
    Campaign,
    Dispute,
    HardshipFile,
    HardshipGrade,
    JobHelp,
    JobHelpKind,
    JobOutcome,
    LegalCase,
    LegalWorkstation,
    Outcome,
    Programme,
    Stage,
    Station,
    StationKind,
)


def scoped_campaigns(request):
    return Campaign.objects.for_user(request.user) if request else Campaign.objects.none()


class HardshipFileFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Name or last 4 of the ID"))
    )
    union = UnionSubtreeFilter()
    grade = django_filters.ModelChoiceFilter(label=_("grade"), queryset=HardshipGrade.objects.all())
    open = django_filters.BooleanFilter(
        label=_("on file"), field_name="closed_on", lookup_expr="isnull", widget=yes_no()
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


class AppealFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Tracking number or subject"))
    )
    union = UnionSubtreeFilter()
    status = django_filters.ChoiceFilter(label=_("status"), choices=AppealStatus.choices)
    category = django_filters.ChoiceFilter(label=_("category"), choices=AppealCategory.choices)
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="overdue_on", widget=yes_no())
    escalated = django_filters.BooleanFilter(
        label=_("escalated to the industry union"), method="escalated_on", widget=yes_no()
    )

    class Meta:
        model = Appeal
        fields = ("q", "union", "status", "category", "overdue", "escalated")

    def search(self, queryset, name, value):
        text = normalize_text(value)
        return queryset.filter(
            Q(tracking_number__iexact=normalize_code(value)) | Q(subject__icontains=text)
        )

    def overdue_on(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue_on(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))

    def escalated_on(self, queryset, name, value):
        if value is None:
            return queryset
        escalated = queryset.escalated_on(timezone.localdate())
        return escalated if value else queryset.exclude(pk__in=escalated.values("pk"))


class StationFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Name"))
    )
    union = UnionSubtreeFilter()
    kind = django_filters.ChoiceFilter(label=_("type of station"), choices=StationKind.choices)
    open = django_filters.BooleanFilter(label=_("open now"), method="open_today", widget=yes_no())

    class Meta:
        model = Station
        fields = ("q", "union", "kind", "open")

    def open_today(self, queryset, name, value):
        if value is None:
            return queryset
        open_now = queryset.open_on(timezone.localdate())
        return open_now if value else queryset.exclude(pk__in=open_now.values("pk"))


class AidFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Name or last 4 of the ID"))
    )
    union = UnionSubtreeFilter()
    programme = django_filters.ChoiceFilter(label=_("programme"), choices=Programme.choices)
    campaign = django_filters.ModelChoiceFilter(label=_("campaign"), queryset=scoped_campaigns)
    year = django_filters.NumberFilter(label=_("year"), field_name="given_on__year")

    class Meta:
        model = Aid
        fields = ("q", "union", "programme", "campaign", "year")

    def search(self, queryset, name, value):
        code = normalize_code(value)
        condition = Q(name__icontains=normalize_text(value)) | Q(
            enterprise__name__icontains=normalize_text(value)
        )
        if len(code) == 4:
            condition |= Q(id_number__endswith=code)
        return queryset.filter(condition)


class CampaignFilter(PortalFilterSet):
    programme = django_filters.ChoiceFilter(label=_("programme"), choices=Programme.choices)
    year = django_filters.NumberFilter(label=_("year"), field_name="starts_on__year")

    class Meta:
        model = Campaign
        fields = ("programme", "year")


class LegalCaseFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), method="search", widget=search_box(_("Name or employer"))
    )
    dispute = django_filters.ChoiceFilter(label=_("dispute"), choices=Dispute.choices)
    stage = django_filters.ChoiceFilter(label=_("stage"), choices=Stage.choices)
    outcome = django_filters.ChoiceFilter(label=_("outcome"), choices=Outcome.choices)
    year = django_filters.NumberFilter(label=_("year"), field_name="opened_on__year")

    class Meta:
        model = LegalCase
        fields = ("q", "dispute", "stage", "outcome", "year")

    def search(self, queryset, name, value):
        text = normalize_text(value)
        return queryset.filter(Q(name__icontains=text) | Q(employer__icontains=text))


class WorkstationFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Name"))
    )
    union = UnionSubtreeFilter()

    class Meta:
        model = LegalWorkstation
        fields = ("q", "union")


class JobHelpFilter(PortalFilterSet):
    q = django_filters.CharFilter(
        label=_("Search"), field_name="name", lookup_expr="icontains", widget=search_box(_("Name"))
    )
    union = UnionSubtreeFilter()
    kind = django_filters.ChoiceFilter(label=_("help given"), choices=JobHelpKind.choices)
    outcome = django_filters.ChoiceFilter(label=_("outcome"), choices=JobOutcome.choices)

    class Meta:
        model = JobHelp
        fields = ("q", "union", "kind", "outcome")
