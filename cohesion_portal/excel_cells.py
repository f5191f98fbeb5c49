"""Cells of the portal's Excel files (the monthly report, the hardship file list): text stays
text whatever it starts with (formula injection), and what Excel cannot hold is dropped."""

import datetime

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@")


def write_cell(ws, value, *, font=None, fill=None, alignment=None, number_format=None, border=None):
    value = clean_value(value)
    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str):
        # Text, always: never a formula, whatever it starts with (formula injection).
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # and it stays text when someone edits the cell in Excel
    if font is not None:
        cell.font = font
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    if number_format is not None:
        cell.number_format = number_format
    if border is not None:
        cell.border = border
    return cell


def clean_value(value):
    """What Excel can hold: no control characters in text, no time zone on times."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value)
    if isinstance(value, datetime.datetime) and value.tzinfo is not None:
        # Excel has no time zones: show the time in Asia/Shanghai, as the portal does.
        from django.utils import timezone

        return timezone.localtime(value).replace(tzinfo=None)
    return value
