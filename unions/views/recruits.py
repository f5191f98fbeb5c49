"""T1's list: the new-generation migrant workers recruited, with the union credited."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import ScopedListView

from ..filters import RecruitFilter
from ..models import Membership
from ..tables import RecruitTable


class RecruitListView(ScopedListView):
    """The recruits of the unions in the user's scope (T1 counts exactly these rows): a
    recruit who has since moved on stays on the recruiting union's list, marked so."""

    model = Membership
    table_class = RecruitTable
    filterset_class = RecruitFilter
    title = _("New-generation recruits (T1)")

    def get_queryset(self):
        return super().get_queryset().select_related("member", "member__enterprise", "union")

    def get_table_kwargs(self):
        return {"user": self.request.user}
