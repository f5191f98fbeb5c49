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
    from cohesion_portal.metrics import PEOPLE, PERCENT, UNIT_LABELS, UNITS, YUAN

    if value is None or value == "":
        return "—"
    if unit == PERCENT:
        return numbers.percent_text(value)
    number = float(value)
    # People are counted whole; money always has its fen.
    whole = unit != YUAN and (number == int(number) or unit in (PEOPLE, UNITS))
    text = numbers.number_text(number, 0 if whole else 2)
    label = UNIT_LABELS.get(unit, "")
    return f"{text} {label}" if label else text


@register.filter
def share_figure(value, unit=""):
    """An area's share of a count target, which is rarely whole: 0.57 people -> '0.6 人' (a
    figure of people is whole; a share of them is not); a rate as `figure` shows it."""
    from cohesion_portal.metrics import PERCENT, UNIT_LABELS

    if value is None or value == "" or unit == PERCENT:
        return figure(value, unit)
    number = float(value)
    text = numbers.number_text(number, 0 if number == int(number) else 1)
    label = UNIT_LABELS.get(unit, "")
    return f"{text} {label}" if label else text
