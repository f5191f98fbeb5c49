from django import template

from cohesion_portal import numbers

register = template.Library()


@register.filter
def percent(value):
    """A ratio as a rate: 0.8965 -> '89.7%' (cohesion_portal.numbers); None -> '—'."""
    if value is None or value == "":
        return "—"
    return numbers.percent_text(numbers.percent(value, 1))


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def figure(value, unit=""):
    """A registered figure's value with its unit (cohesion_portal.metrics): 86.66 and "%" ->
    '86.7%', 1234 and "people" -> '1,234 人'; None -> '—'."""
    from cohesion_portal.metrics import PEOPLE, PERCENT, UNIT_LABELS, UNITS

    if value is None or value == "":
        return "—"
    if unit == PERCENT:
        return numbers.percent_text(value)
    number = float(value)
    whole = number == int(number) or unit in (PEOPLE, UNITS)  # people are counted whole
    text = numbers.number_text(number, 0 if whole else 2)
    label = UNIT_LABELS.get(unit, "")
    return f"{text} {label}" if label else text
