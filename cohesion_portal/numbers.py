"""How the portal rounds and writes numbers, once, for the pages and the Excel alike.

A rate is kept with two decimals and shown with one, both rounded half up from the decimal
value (not the binary float): 52 of 58 is kept as 89.66 and shown as 89.7% on every page, and
the Excel's '0.0"%"' format shows the same 89.66 as 89.7%. People and units are whole.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format


def half_up(value, places: int) -> Decimal:
    """`value` rounded half up to `places` decimals, from its shortest decimal text."""
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(part, whole) -> float | None:
    """`part` of `whole` in % (0–100), kept with two decimals; None with nothing to divide."""
    if not whole:
        return None
    return float(half_up(Decimal(str(part)) * 100 / Decimal(str(whole)), 2))


def percent_text(value) -> str:
    """A rate in % (0–100) as the pages show it: 89.66 → '89.7%'; None → '—'."""
    if value is None or value == "":
        return "—"
    return f"{number_format(half_up(value, 1), 1, force_grouping=True)}%"


def number_text(value, places: int = 0) -> str:
    """A number with its thousands separators, `places` decimals, rounded half up."""
    return number_format(half_up(value, places), places, force_grouping=True)
