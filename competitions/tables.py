import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import BookRoom, Title

NUMBER_CELL = {"td": {"class": "text-end"}, "th": {"class": "text-end"}}


class BookRoomTable(tables.Table):
    name = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    union = tables.Column(attrs={"td": {"class": "wrap"}}, order_by=("union__path",))
    books = tables.Column(attrs=NUMBER_CELL)
    yearly_borrowings = tables.Column(attrs=NUMBER_CELL)
    recognition = tables.Column(default="—")
    opened_on = tables.DateColumn(format="DATE_FORMAT")
    closed_on = tables.DateColumn(format="DATE_FORMAT", default="—")

    class Meta:
        model = BookRoom
        fields = (
            "name",
            "union",
            "books",
            "yearly_borrowings",
            "recognition",
            "opened_on",
            "closed_on",
        )
        empty_text = _("No worker book room matches.")

    def render_books(self, value):
        return f"{value:,}"

    def render_yearly_borrowings(self, value):
        return f"{value:,}"


class TitleTable(tables.Table):
    holder = tables.Column(linkify=True, attrs={"td": {"class": "wrap"}})
    kind = tables.Column()
    level = tables.Column()
    year = tables.Column()
    union = tables.Column(attrs={"td": {"class": "wrap"}}, order_by=("union__path",))
    status = tables.Column()

    class Meta:
        model = Title
        fields = ("holder", "kind", "level", "year", "union", "status")
        empty_text = _("No title matches.")
