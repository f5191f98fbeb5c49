from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.urls import reverse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .params import parse_id

# Django's empty choice; a form shows 请选择 instead (and a filter 全部, by its setting), here
# and in templates/django/forms/widgets/select_option.html.
DASHES = "---------"


class FastSelect(forms.Select):
    """A <select> written in one pass, for choice lists of thousands of unions or enterprises:
    Django renders each option through a template, which costs about 0.1 ms an option."""

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        chosen = {
            str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v is not None
        }
        options = []
        for option_value, label in self.choices:
            option_value = (
                "" if option_value is None else str(getattr(option_value, "value", option_value))
            )
            selected = " selected" if option_value in chosen else ""
            if label == DASHES:
                label = _("Please choose")
            options.append(
                f'<option value="{escape(option_value)}"{selected}>{escape(label)}</option>'
            )
        attributes = "".join(
            format_html(' {}="{}"', key, val)
            for key, val in attrs.items()
            if val not in (None, False)
        )
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{"".join(options)}</select>')


# The choice of none of a single, optional picker: a filter's (全部) or a form's (无).
EMPTY_LABELS = {"all": lambda: _("All"), "none": lambda: _("None")}

# How many records a picker's search shows at once; past it, the person types more.
PICK_LIMIT = 12


@dataclass
class PickerChoices:
    """What a RecordPicker shows under its search box: the chosen records, ticked, then the
    records the search found. Rendered by the widget and again by the view it asks."""

    name: str
    html_id: str
    multiple: bool
    empty_label: str | None  # a single, optional choice (a filter's): the choice of none, 全部
    chosen: list  # [(pk, label)]
    found: list | None = None  # None: nothing searched yet
    more: bool = False  # the search found more than it shows


class RecordPicker(forms.Widget):
    """A type-ahead choice among thousands of records (htmx), for a ModelChoiceField or a
    ModelMultipleChoiceField: the page carries only the chosen records, as ticked boxes (or a
    radio button), and a search box that asks `url_name` (a `PickView`, reading through the
    user's scope) for the records whose name matches, narrowed by the form's `narrowed_by`
    field (the union). Ticking a record found chooses it; a later search keeps what is ticked.
    """

    template_name = "portal/widgets/record_picker.html"

    def __init__(self, url_name, *, multiple=False, narrowed_by=None, describe=None, attrs=None):
        super().__init__(attrs)
        self.url_name = url_name
        self.allow_multiple_selected = multiple
        self.narrowed_by = narrowed_by
        # (records, the field's queryset) -> [(pk, label)]; by default str() of each record
        self.describe = describe

    def value_from_datadict(self, data, files, name):
        if self.allow_multiple_selected and hasattr(data, "getlist"):
            return data.getlist(name)
        return data.get(name)

    def value_omitted_from_data(self, data, files, name):
        # Nothing ticked sends nothing: that is a choice of none, not an omitted field.
        return False if self.allow_multiple_selected else name not in data

    def use_required_attribute(self, initial):
        return False

    def chosen_ids(self, value) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value]
        return [pk for pk in (parse_id(getattr(v, "pk", v)) for v in values) if pk]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        field = self.choices.field
        chosen = field.queryset.filter(pk__in=self.chosen_ids(value))
        html_id = context["widget"]["attrs"].get("id") or f"id_{name}"
        optional = not self.allow_multiple_selected and not field.required
        # A filter's choice of none is 全部 (its setting); a form's, 无.
        empty = "all" if field.empty_label not in (None, DASHES) else "none"
        multiple = int(self.allow_multiple_selected)
        query = {"name": name, "multiple": multiple, "empty": empty if optional else ""}
        context["picker"] = PickerChoices(
            name=name,
            html_id=html_id,
            multiple=self.allow_multiple_selected,
            empty_label=EMPTY_LABELS[empty]() if optional else None,
            chosen=(
                self.describe(chosen, field.queryset)
                if self.describe
                else [(r.pk, str(r)) for r in chosen]
            ),
        )
        context["url"] = f"{reverse(self.url_name)}?{urlencode(query)}"
        context["narrowed_by"] = f"id_{self.narrowed_by}" if self.narrowed_by else None
        return context
