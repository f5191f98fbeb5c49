"""Form fields the portal's forms share."""

from django import forms
from django.core.exceptions import ValidationError

from .params import parse_id

# The largest number an integer column holds on PostgreSQL. A plain form's integer field (not a
# model form's, which the model's own range checks) stops there, so that a number past it is
# a form error rather than a database error on save.
LARGEST_INTEGER = 2**31 - 1


class RecordsChoiceField(forms.ModelMultipleChoiceField):
    """Several records chosen by id. A value that is no plain id ('x', '-1', a number past any
    id) is refused as not a valid choice before any query: Django's own check looks the values
    up in one `IN (...)`, which SQLite cannot even send with a number past 64 bits (a server
    error where the form should say the choice is not offered)."""

    def _check_values(self, value):
        if isinstance(value, (list, tuple)):
            for pk in value:
                self.validate_no_null_characters(pk)
                if parse_id(pk) is None:
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": pk},
                    )
        return super()._check_values(value)
