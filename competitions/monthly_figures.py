"""The competitions app's figures in the monthly progress report: T5's book rooms open at the
month's end."""

from django.utils.translation import gettext_lazy as _

from cohesion_portal import metrics, monthly_figures

from .metrics import book_rooms_grouped

MONTHLY_FIGURES = (
    monthly_figures.from_grouped(
        "competitions.book_rooms",
        _("Worker book rooms open at the end of the month"),
        metrics.UNITS,
        book_rooms_grouped,
        order=400,
    ),
)
