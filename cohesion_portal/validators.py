from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

# Django's own message for text holding a NUL character (every CharField refuses one), kept in
# the portal's catalogue, which Django reads before its own: its Chinese ("不允许是用空字符串")
# reads as "empty text is not allowed", which sends a person looking for an empty field.
gettext_noop("Null characters are not allowed.")


def not_in_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(
            _("This date is in the future (today is %(today)s)."),
            code="future",
            params={"today": timezone.localdate().isoformat()},
        )
