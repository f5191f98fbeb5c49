import django_filters
from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _


def yes_no():
    """A choice of all / yes / no for a BooleanFilter (django-filter's says "unknown")."""
    return forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))])


def search_box(placeholder):
    return forms.TextInput(attrs={"type": "search", "placeholder": placeholder})


class PortalFilterSet(django_filters.FilterSet):
    """A FilterSet whose widgets wear Bootstrap's small controls, for the filter bar.

    `defaults`: {filter name: value, or a function giving it} for a request that does not name
    that filter (the open reminders, the latest period); a value the user chooses, even "all",
    is kept.
    """

    defaults: dict = {}

    def __init__(self, data=None, *args, **kwargs):
        missing = [name for name in self.defaults if data is None or name not in data]
        if missing:
            data = data.copy() if data is not None else QueryDict(mutable=True)
            for name in missing:
                value = self.defaults[name]
                value = value() if callable(value) else value
                if value is not None:
                    data[name] = str(value)
        super().__init__(data, *args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-{css.split('-')[1]}-sm"
