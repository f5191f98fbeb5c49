"""The searches behind the type-ahead pickers (cohesion_portal.widgets.RecordPicker): a
contract's covered enterprises, a list's union filter."""

from cohesion_portal.access import CHANGE
from cohesion_portal.params import query_id
from cohesion_portal.views import PickView

from ..models import Enterprise, Union
from ..selectors import enterprises_matching, in_grassroots_of, union_labels, unions_named


class EnterprisePickView(PickView):
    """Enterprises in a union the user may change (those a contract, a congress, an offer or a
    disclosure may name), of the union the form has chosen unless asked for any."""

    model = Enterprise
    scope_action = CHANGE

    def search(self, queryset, text):
        found = enterprises_matching(queryset.filter(union__isnull=False), text)
        union_id = query_id(self.request.GET, "union")
        if union_id and self.request.GET.get("anywhere") != "1":
            union = Union.objects.for_user(self.request.user, CHANGE).filter(pk=union_id).first()
            if union is not None:
                found = in_grassroots_of(found, union)
        return found.order_by("name")


class UnionPickView(PickView):
    """Unions the user sees (a list's union filter), in tree order."""

    model = Union

    def search(self, queryset, text):
        return unions_named(queryset, text).order_by("path")

    def describe(self, records):
        return union_labels(records, within=Union.objects.for_user(self.request.user))
