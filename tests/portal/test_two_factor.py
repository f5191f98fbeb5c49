"""Two-factor sign-in: required of superusers and industry staff (as in production), open to
everyone else, with single-use recovery codes. The codes are computed here as a phone's
authenticator app computes them (RFC 6238), from the secret the setup page shows."""

import base64
import re

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

LOGIN = reverse("login")
HOME = reverse("home")
SETUP = reverse("two_factor_setup")
VERIFY = reverse("two_factor_verify")
PASSWORD = "pass-for-tests-1"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.TWO_FACTOR_REQUIRED = True


def sign_in(client, user):
    client.logout()
    response = client.post(LOGIN, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return response


def code_from_the_page(page: str, *, later=0) -> str:
    """What an app shows after the secret on the setup page was typed into it."""
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    return f"{totp(key, t0=-30 * later):06d}"


def code_of(user, *, later=0) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{totp(device.bin_key, t0=-30 * later):06d}"


def set_up(client, user) -> list[str]:
    sign_in(client, user)
    page = client.get(SETUP).content.decode()
    response = client.post(SETUP, {"code": code_from_the_page(page)})
    assert response.status_code == 200
    return response.context["codes"]


@pytest.mark.django_db
def test_industry_staff_are_sent_to_set_it_up_and_reach_nothing_else(client, world):
    sign_in(client, world.users["staff_lt"])
    for url in (HOME, reverse("unions:member_list"), reverse("admin:index")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(SETUP), url
    page = client.get(SETUP).content.decode()
    assert "扫描下面的二维码" in page and "<svg" in page
    wrong = client.post(SETUP, {"code": "000000"})
    assert "验证码错误或已过期" in wrong.content.decode()
    codes = client.post(SETUP, {"code": code_from_the_page(page)}).context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(HOME).status_code == 200


@pytest.mark.django_db
def test_the_next_sign_in_asks_for_the_apps_code(client, world):
    staff = world.users["staff_lt"]
    set_up(client, staff)
    sign_in(client, staff)
    response = client.get(reverse("unions:member_list"))
    assert response["Location"] == f"{VERIFY}?next=%2Funions%2Fmembers%2F"
    refused = client.post(response["Location"], {"code": "123456"})
    assert "验证码错误或已过期" in refused.content.decode()
    # (each failure makes the next try wait: a moment later the right code is accepted)
    TOTPDevice.objects.filter(user=staff).update(throttling_failure_count=0)
    answer = client.post(response["Location"], {"code": code_of(staff, later=1)})
    assert answer["Location"] == reverse("unions:member_list")
    assert client.get(HOME).status_code == 200


@pytest.mark.django_db
def test_a_recovery_code_signs_in_once(client, world):
    staff = world.users["staff_lt"]
    codes = set_up(client, staff)
    sign_in(client, staff)
    assert client.post(VERIFY, {"code": codes[0].upper()})["Location"] == HOME
    sign_in(client, staff)
    again = client.post(VERIFY, {"code": codes[0]})
    assert again.status_code == 200 and client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_guessing_is_slowed_down(client, world):
    staff = world.users["staff_lt"]
    set_up(client, staff)
    sign_in(client, staff)
    for _ in range(3):
        client.post(VERIFY, {"code": "111111"})
    # Even the right code waits out the delay the failures earned.
    assert client.post(VERIFY, {"code": code_of(staff, later=1)}).status_code == 200
    assert client.get(HOME).status_code == 302


@pytest.mark.django_db
def test_others_choose_and_may_turn_it_off_but_staff_may_not(client, world):
    officer, staff = world.users["officer_a"], world.users["staff_lt"]
    sign_in(client, officer)
    assert client.get(HOME).status_code == 200  # not asked to
    set_up(client, officer)
    sign_in(client, officer)
    assert client.get(HOME)["Location"].startswith(VERIFY)
    client.post(VERIFY, {"code": code_of(officer, later=1)})
    client.post(reverse("two_factor"), {"off": "1"})
    sign_in(client, officer)
    assert client.get(HOME).status_code == 200
    set_up(client, staff)
    assert client.post(reverse("two_factor"), {"off": "1"}).status_code == 403
    assert TOTPDevice.objects.filter(user=staff, confirmed=True).exists()


@pytest.mark.django_db
def test_an_unverified_htmx_request_loads_the_code_page_whole(client, world):
    sign_in(client, world.users["superuser"])
    response = client.get(reverse("reminders:list"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith(SETUP)


@pytest.mark.django_db
def test_new_recovery_codes_replace_the_old(client, world):
    officer = world.users["officer_a"]
    old = set_up(client, officer)
    new = client.post(reverse("two_factor")).context["codes"]
    assert not set(old) & set(new)
    sign_in(client, officer)
    assert client.post(VERIFY, {"code": old[1]}).status_code == 200
    StaticDevice.objects.update(throttling_failure_count=0)  # (the wait that failure earned)
    assert client.post(VERIFY, {"code": new[1]})["Location"] == HOME
