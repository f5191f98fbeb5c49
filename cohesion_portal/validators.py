from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def not_in_future(value):
    if value and value > timezone.localdate():
        raise ValidationError(
            _("This date is in the future (today is %(today)s)."),
            code="future",
            params={"today": timezone.localdate().isoformat()},
        )
