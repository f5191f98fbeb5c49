"""What the portal's first apps declare, told apart from what a later app adds (the example
app of the tests, or assistance and competitions when they come): a test that measured the
first apps' figures, sheets or queries by hand compares those, and counts a later app's items
by the rule it states (one query per attention item, say)."""

from cohesion_portal import attention, monthly_figures, sheets

FIRST_APPS = ("unions", "reminders", "contracts", "standards", "reports")


def of_the_first_apps(figures: dict) -> dict:
    """`figures` ({monthly figure key: value}) without a later app's."""
    return {
        key: value
        for key, value in figures.items()
        if monthly_figures.FIGURES.owner(key) in FIRST_APPS
    }


def later(registry) -> list:
    """The items of `registry` that a later app declared."""
    return [key for key, owner in registry.owners().items() if owner not in FIRST_APPS]


def later_sheet_titles() -> list[str]:
    added = set(later(sheets.SHEETS))
    return [str(sheet.title) for sheet in sheets.all_sheets() if sheet.key in added]


def later_attention_items() -> int:
    return len(later(attention.ITEMS))


def later_monthly_figures() -> int:
    return len(later(monthly_figures.FIGURES))
