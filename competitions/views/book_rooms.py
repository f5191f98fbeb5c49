"""Pages of worker book rooms (职工书屋): no personal data, in the plain scope."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cohesion_portal.views import RecordDetailView, ScopedEditView, ScopedListView

from ..filters import BookRoomFilter
from ..forms import BookRoomForm
from ..models import BookRoom
from ..services import book_room_save
from ..tables import BookRoomTable

BOOK_ROOMS_CRUMB = (_("Worker book rooms"), reverse_lazy("competitions:book_room_list"))


class BookRoomListView(ScopedListView):
    model = BookRoom
    create_url_name = "competitions:book_room_create"
    create_label = _("Add a book room")
    table_class = BookRoomTable
    filterset_class = BookRoomFilter
    title = _("Worker book rooms")

    def get_queryset(self):
        return super().get_queryset().select_related("union")


class BookRoomDetailView(RecordDetailView):
    model = BookRoom
    template_name = "competitions/book_room_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("union", "enterprise")

    def get_title(self):
        return self.object.name

    def get_breadcrumbs(self):
        return [BOOK_ROOMS_CRUMB]


class BookRoomEditView(ScopedEditView):
    model = BookRoom
    form_class = BookRoomForm
    add_title = _("Add a book room")
    list_crumb = BOOK_ROOMS_CRUMB

    def save(self, form):
        return book_room_save(actor=self.request.user, room=form.instance)
