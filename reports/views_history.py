"""The history page (变更与查看记录): who changed or saw what, and when, in the reader's area.
For industry staff and superusers, who answer for their unions' records."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from cohesion_portal.access import APPROVE, scope_for
from cohesion_portal.views import PortalViewMixin, RequiresChangeMixin
from unions.fields import UnionChoiceField
from unions.models import Union

from .history import Filters, history_page

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
KINDS = [("", _("Changes and showings")), ("changes", _("Changes")), ("disclosures", _("Showings"))]


class HistoryFilterForm(forms.Form):
    union = UnionChoiceField(queryset=Union.objects.none(), label=_("union"), required=False)
    username = forms.CharField(label=_("by (user name)"), max_length=150, required=False)
    since = forms.DateField(label=_("from"), required=False, widget=DATE)
    until = forms.DateField(label=_("until"), required=False, widget=DATE)
    kind = forms.ChoiceField(label=_("Show"), choices=KINDS, required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = (
            Union.objects.for_user(user, APPROVE).filter(parent__isnull=True).order_by("name")
        )

    def clean_username(self):
        name = self.cleaned_data["username"].strip()
        if not name:
            return None
        found = get_user_model().objects.filter(username__iexact=name).first()
        if found is None:
            raise forms.ValidationError(_("No user has this user name."))
        return found

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end comes before the start."))
        return cleaned

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            union=data["union"],
            user=data["username"],
            since=data["since"],
            until=data["until"],
            kind=data["kind"],
        )


def parse_cursor(value: str):
    """'2026-11-29T08:00:00.123456+00:00|3|42' → (time, source, row); None for anything else."""
    try:
        at, source, row = value.split("|")
        moment = datetime.datetime.fromisoformat(at)
        if moment.tzinfo is None:
            return None
        return moment, int(source), int(row)
    except ValueError:
        return None


class HistoryView(RequiresChangeMixin, PortalViewMixin, TemplateView):
    required_action = APPROVE
    template_name = "reports/history.html"
    title = _("Changes and showings of personal data")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = HistoryFilterForm(self.request.GET or None, user=self.request.user)
        cursor = parse_cursor(self.request.GET.get("after", ""))
        entries, next_cursor = history_page(
            scope_for(self.request.user, APPROVE), form.filters(), cursor
        )
        context["form"] = form
        context["entries"] = entries
        if next_cursor is not None:
            query = self.request.GET.copy()
            at, source, row = next_cursor
            query["after"] = f"{at.isoformat()}|{source}|{row}"
            context["next_url"] = f"?{query.urlencode()}"
        context["first_url"] = (
            f"?{urlencode({k: v for k, v in self.request.GET.items() if k != 'after'})}"
            if cursor
            else ""
        )
        return context
