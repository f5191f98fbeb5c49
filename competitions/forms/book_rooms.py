"""The form of a worker book room."""

from django import forms

from cohesion_portal.access import CHANGE
from cohesion_portal.forms import CheckedByService
from cohesion_portal.widgets import RecordPicker
from unions.fields import UnionChoiceField
from unions.models import Enterprise, Union

from ..models import BookRoom
from ..services import book_room_errors

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class BookRoomForm(CheckedByService, forms.ModelForm):
    class Meta:
        model = BookRoom
        fields = (
            "union",
            "enterprise",
            "name",
            "opened_on",
            "closed_on",
            "books",
            "area",
            "opening_hours",
            "yearly_borrowings",
            "recognition",
            "recognised_in",
        )
        field_classes = {"union": UnionChoiceField}
        widgets = {
            "enterprise": RecordPicker("unions:enterprise_pick", narrowed_by="union"),
            "opened_on": DATE,
            "closed_on": DATE,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["union"].queryset = Union.objects.for_user(user, CHANGE).order_by("path")
        self.fields["enterprise"].queryset = Enterprise.objects.for_user(user, CHANGE).filter(
            union__isnull=False
        )

    def service_errors(self, instance) -> dict:
        return book_room_errors(room=instance)
