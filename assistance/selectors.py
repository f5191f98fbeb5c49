"""Reads the assistance pages share, each within the user's scope."""

from .models import SubsistenceLine


def subsistence_line(year: int):
    """The 低保 line of `year` (yuan a person a month), or None where staff have not set it."""
    return (
        SubsistenceLine.objects.filter(year=year).values_list("monthly_amount", flat=True).first()
    )
