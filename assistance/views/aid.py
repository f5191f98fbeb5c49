"""Pages of aid records (救助记录, with the assistance permission: they name workers) and of
aid campaigns (figures only: seen by the unions taking part and their industry union)."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import APPROVE, CHANGE, scope_for
from cohesion_portal.params import parse_id
from cohesion_portal.views import RecordDetailView, ScopedEditView, ScopedListView
from unions.id_numbers import mask_id_number

from ..filters import AidFilter, CampaignFilter
from ..forms import AidForm, CampaignForm
from ..models import Aid, Campaign, HardshipFile
from ..selectors import campaign_by_union, campaign_summary
from ..services.aid import aid_save, campaign_save
from ..tables import AidTable, CampaignTable

AID_CRUMB = (_("Aid records"), reverse_lazy("assistance:aid_list"))
CAMPAIGNS_CRUMB = (_("Aid campaigns"), reverse_lazy("assistance:campaign_list"))


class AidListView(ScopedListView):
    model = Aid
    create_url_name = "assistance:aid_create"
    create_label = _("Record aid")
    table_class = AidTable
    filterset_class = AidFilter
    title = _("Aid records")

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise", "campaign")


class AidDetailView(RecordDetailView):
    model = Aid
    template_name = "assistance/aid_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise", "campaign", "file")

    def get_title(self):
        return str(self.object)

    def get_breadcrumbs(self):
        return [AID_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["masked_id_number"] = mask_id_number(self.object.id_number)
        return context


class AidEditView(ScopedEditView):
    model = Aid
    form_class = AidForm
    add_title = _("Record aid")
    list_crumb = AID_CRUMB

    def get_initial(self):
        """From a hardship file's page (?file=): the worker and their union."""
        initial = super().get_initial()
        file = HardshipFile.objects.for_user(self.request.user, CHANGE).filter(
            pk=parse_id(self.request.GET.get("file")) or 0
        )
        for found in file.select_related("union")[:1]:
            initial |= {"file": found.pk, "union": found.union_id}
        return initial

    def save(self, form):
        return aid_save(actor=self.request.user, aid=form.instance)


class CampaignListView(ScopedListView):
    model = Campaign
    create_url_name = "assistance:campaign_create"
    create_label = _("Start a campaign")
    table_class = CampaignTable
    filterset_class = CampaignFilter
    title = _("Aid campaigns")

    def may_create(self):
        return not scope_for(self.request.user, APPROVE).is_empty

    def get_queryset(self):
        return super().get_queryset().select_related("industry_union")


class CampaignDetailView(RecordDetailView):
    model = Campaign
    template_name = "assistance/campaign_detail.html"

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [CAMPAIGNS_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = campaign_summary(self.object)
        context["by_union"] = campaign_by_union(self.object)
        context["can_change"] = (
            Campaign.objects.for_user(self.request.user, APPROVE).filter(pk=self.object.pk).exists()
        )
        return context


class CampaignEditView(ScopedEditView):
    """Only the industry union's staff start and change a campaign."""

    model = Campaign
    form_class = CampaignForm
    scope_action = APPROVE
    required_action = APPROVE
    add_title = _("Start a campaign")
    list_crumb = CAMPAIGNS_CRUMB

    def get_initial(self):
        initial = super().get_initial()
        if not self.adding:
            initial["unions"] = list(self.object.unions.values_list("pk", flat=True))
        return initial

    def save(self, form):
        return campaign_save(
            actor=self.request.user, campaign=form.instance, unions=form.cleaned_data["unions"]
        )
