import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _


def yes_no():
    """A choice of all / yes / no for a BooleanFilter (django-filter's says "unknown")."""
    return forms.Select(choices=[("", _("All")), ("true", _("Yes")), ("false", _("No"))])


def search_box(placeholder):
    return forms.TextInput(attrs={"type": "search", "placeholder": placeholder})


class PortalFilterSet(django_filters.FilterSet):
    """A FilterSet whose widgets wear Bootstrap's small controls, for the filter bar."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-{css.split('-')[1]}-sm"
