"""Send a form back as the browser would: what the page shows in each field, hidden ones (the
record's version) included, with the changes a test makes."""

import datetime
from decimal import Decimal

from django import forms
from django.db.models.fields.files import FieldFile


def _posted(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def as_posted(form, **changes) -> dict:
    """The data a browser would post for `form` as rendered (bound or not), with `changes`."""
    data = {}
    for bound in form:
        widget = bound.field.widget
        value = bound.value()
        if isinstance(widget, forms.FileInput) or isinstance(value, FieldFile):
            continue
        if isinstance(widget, forms.CheckboxInput):
            if widget.check_test(value):
                data[bound.html_name] = "on"
            continue
        if value is None:
            value = ""
        if getattr(widget, "allow_multiple_selected", False):
            data[bound.html_name] = [_posted(item) for item in value or []]
        else:
            data[bound.html_name] = _posted(value)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def form_of(response, **changes) -> dict:
    """The form of a rendered page, as the browser would send it back, with `changes`."""
    return as_posted(response.context["form"], **changes)
