from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def percent(value, digits=1):
    """0.9312 -> '93.1%'; None (nothing to divide by) -> '—'."""
    if value is None or value == "":
        return "—"
    return f"{number_format(value * 100, int(digits))}%"


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def figure(value, unit=""):
    """A registered figure's value with its unit (cohesion_portal.metrics): 86.7 and "%" ->
    '86.7%', 1234 and "people" -> '1,234 人'; None -> '—'."""
    from cohesion_portal.metrics import PEOPLE, PERCENT, UNIT_LABELS, UNITS

    if value is None or value == "":
        return "—"
    number = float(value)
    whole = number == int(number) or unit in (PEOPLE, UNITS)  # people are counted whole
    digits = 0 if whole else 1 if unit == PERCENT else 2
    text = number_format(round(number, digits), digits, force_grouping=True)
    if unit == PERCENT:
        return f"{text}%"
    label = UNIT_LABELS.get(unit, "")
    return f"{text} {label}" if label else text
