"""Two-factor sign-in (双因素登录): a code from an authenticator app (TOTP, django-otp) after
the password, or one of ten single-use recovery codes.

Required for superusers and industry-union staff, who see every union's personal data
(settings.TWO_FACTOR_REQUIRED; production always requires it); anyone else may turn it on.
Every write here is a service: the views and the tests call these.
"""

import base64

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from unions.organisation import role_of

RECOVERY_CODES = 10
APP_DEVICE = "authenticator app"
RECOVERY_DEVICE = "recovery codes"


def required_for(user) -> bool:
    """Whether `user` may not work without a second factor: superusers and industry staff."""
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    from unions.models import RoleKind

    role = role_of(user)
    return user.is_superuser or (role is not None and role.kind == RoleKind.INDUSTRY_STAFF)


def enabled_for(user) -> bool:
    return user_has_device(user, confirmed=True)


def pending_app(user) -> TOTPDevice:
    """The authenticator app being set up: its secret is shown until a code confirms it. One
    at a time; asking again gives the same one, so the QR code on the page stays valid."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def secret_of(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32, in groups of four."""
    text = base64.b32encode(device.bin_key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@transaction.atomic
def app_confirm(*, user, code: str) -> tuple[TOTPDevice, list[str]]:
    """Confirm the app being set up with a code it shows: it replaces any earlier app, and a
    fresh set of recovery codes is made (returned, to be shown once)."""
    device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
    if device is None or not device.verify_token(_digits(code)):
        raise ValidationError(
            {"code": _("The code is wrong or has expired. Enter the code the app shows now.")}
        )
    TOTPDevice.objects.filter(user=user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return device, recovery_codes_renew(user=user)


@transaction.atomic
def recovery_codes_renew(*, user) -> list[str]:
    """Ten new single-use recovery codes; the old ones stop working."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def two_factor_off(*, user) -> None:
    """Turn two-factor sign-in off; refused to those who must have it."""
    if required_for(user):
        raise PermissionDenied(_("Your role must sign in with two factors."))
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def verify(*, user, code: str):
    """The device that accepts `code` (the app's, or a recovery code, used up), or None.
    django-otp slows down guessing: each failure doubles the wait before the next try."""
    code = code.strip().replace(" ", "")
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            token = _digits(code) if isinstance(device, TOTPDevice) else code.lower()
            if device.verify_token(token):
                return device
    return None


def _digits(code: str) -> str:
    return "".join(ch for ch in code if ch.isdigit())
