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
