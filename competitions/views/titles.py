"""Pages of titles: unions nominate, the industry union decides."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal import versioning
from cohesion_portal.access import APPROVE, CHANGE
from cohesion_portal.views import (
    RecordDetailView,
    ScopedEditView,
    ScopedListView,
    ScopedObjectFormView,
    VersionedFormMixin,
    add_service_error,
)

from ..filters import TitleFilter
from ..forms import TitleDecisionForm, TitleForm
from ..models import Title, TitleStatus
from ..services import title_decide, title_save
from ..tables import TitleTable

TITLES_CRUMB = (_("Honorary titles"), reverse_lazy("competitions:title_list"))


class TitleListView(ScopedListView):
    model = Title
    create_url_name = "competitions:title_create"
    create_label = _("Nominate")
    table_class = TitleTable
    filterset_class = TitleFilter
    title = _("Honorary titles")

    def get_queryset(self):
        return super().get_queryset().select_related("union")


class TitleDetailView(RecordDetailView):
    model = Title
    template_name = "competitions/title_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "decided_by")

    def get_title(self):
        return str(self.object)

    def get_breadcrumbs(self):
        return [TITLES_CRUMB]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        undecided = self.object.status == TitleStatus.NOMINATED
        mine = Title.objects.filter(pk=self.object.pk)
        context["can_edit"] = undecided and mine.for_user(self.request.user, CHANGE).exists()
        context["can_decide"] = undecided and mine.for_user(self.request.user, APPROVE).exists()
        return context


class TitleEditView(ScopedEditView):
    model = Title
    form_class = TitleForm
    add_title = _("Nominate for a title")
    list_crumb = TITLES_CRUMB

    def save(self, form):
        return title_save(actor=self.request.user, title=form.instance)


class TitleDecideView(VersionedFormMixin, ScopedObjectFormView):
    model = Title
    form_class = TitleDecisionForm
    scope_action = APPROVE

    def get_title(self):
        return _("Decide: %(title)s") % {"title": self.object}

    def get_breadcrumbs(self):
        return [TITLES_CRUMB, (str(self.object), self.object.get_absolute_url())]

    def form_valid(self, form):
        version = versioning.loaded_version(form)
        self.object.version = version  # the nomination as the decider read it
        try:
            title = title_decide(
                actor=self.request.user,
                title=self.object,
                awarded=form.cleaned_data["decision"] == "awarded",
                on=form.cleaned_data["decided_on"],
            )
        except versioning.StaleRecord:
            return self.refuse_stale_save(form, version)
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The decision was recorded."))
        return HttpResponseRedirect(title.get_absolute_url())
