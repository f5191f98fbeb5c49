"""Which criteria of hardship a file meets (Criterion), from its figures and the year's 低保
line: the rules Dalian's unions publish for 困难职工认定, in one place."""

from decimal import Decimal

from .models import NEAR_LINE_CAUSES, Criterion

NEAR_LINE_FACTOR = Decimal("1.5")


def criteria_met(file, line: Decimal | None) -> list[str]:
    """The criteria `file` meets; `line` is the 低保 line of the year it was opened in (None
    when staff have not entered it: the criteria that need it cannot be met)."""
    met = []
    if file.on_dibao:
        met.append(Criterion.DIBAO)
    per_head = file.household_income / file.household_size
    if line is not None and per_head < line:
        met.append(Criterion.BELOW_LINE)
    elif (
        line is not None
        and per_head < line * NEAR_LINE_FACTOR
        and NEAR_LINE_CAUSES.intersection(file.causes)
    ):
        met.append(Criterion.NEAR_LINE)
    if file.medical_costs > file.household_income * 12 / 2:
        met.append(Criterion.MEDICAL)
    return [str(criterion) for criterion in met]
