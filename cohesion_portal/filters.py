import django_filters
from django import forms


def search_box(placeholder):
    return forms.TextInput(attrs={"type": "search", "placeholder": placeholder})


class PortalFilterSet(django_filters.FilterSet):
    """A FilterSet whose widgets wear Bootstrap's small controls, for the filter bar."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs["class"] = f"{css} form-{css.split('-')[1]}-sm"
