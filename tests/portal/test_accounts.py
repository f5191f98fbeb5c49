import time

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from ..factories import make_user

LOGIN = reverse("login")


@pytest.fixture
def argon2(settings):
    settings.PASSWORD_HASHERS = [
        "cohesion_portal.hashers.PortalArgon2Hasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.mark.django_db
def test_passwords_are_stored_with_argon2(argon2):
    user = make_user(username="wang")
    user.set_password("a-long-secret-9")
    user.save()
    stored = get_user_model().objects.get(pk=user.pk).password
    assert stored.startswith("argon2$argon2id$v=19$m=19456,t=2,p=1$")


@pytest.mark.django_db
def test_a_user_logs_in_and_lands_on_the_workbench(client):
    make_user(username="wang")
    response = client.post(LOGIN, {"username": "wang", "password": "pass-for-tests-1"})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert client.get(reverse("home")).context["title"] == "工作台"


@pytest.mark.django_db
def test_a_wrong_password_gets_a_chinese_message(client):
    make_user(username="wang")
    response = client.post(LOGIN, {"username": "wang", "password": "wrong"})
    assert "用户名或密码不正确（区分大小写）。" in response.content.decode()


@pytest.mark.django_db
def test_five_failed_logins_lock_the_account_even_for_the_right_password(client):
    make_user(username="wang")
    for _ in range(5):
        client.post(LOGIN, {"username": "wang", "password": "wrong"})
    response = client.post(LOGIN, {"username": "wang", "password": "pass-for-tests-1"})
    assert response.status_code == 429
    assert "账户已锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_four_failures_do_not_lock(client):
    make_user(username="wang")
    for _ in range(4):
        client.post(LOGIN, {"username": "wang", "password": "wrong"})
    response = client.post(LOGIN, {"username": "wang", "password": "pass-for-tests-1"})
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_user_changes_their_password_and_logs_out(client):
    user = make_user(username="wang")
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "pass-for-tests-1",
            "new_password1": "凝聚力-new-2026",
            "new_password2": "凝聚力-new-2026",
        },
    )
    assert response["Location"] == reverse("password_change_done")
    user.refresh_from_db()
    assert user.check_password("凝聚力-new-2026")
    client.post(reverse("logout"))
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.django_db
def test_the_language_switch_turns_the_portal_to_english(client):
    client.force_login(make_user(username="wang"))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.get(reverse("home")).context["title"] == "Workbench"


@pytest.mark.django_db
def test_an_english_browser_still_gets_chinese_until_the_person_switches(client):
    client.force_login(make_user(username="wang"))
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.context["title"] == "工作台"


def idle_for(client, minutes):
    session = client.session
    session["last_seen"] = int(time.time()) - minutes * 60
    session.save()


@pytest.mark.django_db
def test_an_idle_person_is_signed_out_and_told_why(client):
    make_user(username="wang")
    client.post(LOGIN, {"username": "wang", "password": "pass-for-tests-1"})
    assert client.get(reverse("home")).status_code == 200
    idle_for(client, 61)
    response = client.get(reverse("home"), follow=True)
    assert response.redirect_chain[-1][0].startswith(LOGIN)
    assert "您已连续 60 分钟没有操作，系统已自动退出。" in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_someone_at_work_stays_signed_in(client):
    make_user(username="wang")
    client.post(LOGIN, {"username": "wang", "password": "pass-for-tests-1"})
    idle_for(client, 59)
    assert client.get(reverse("home")).status_code == 200
    idle_for(client, 59)  # each visit starts the hour again
    assert client.get(reverse("home")).status_code == 200
    assert int(time.time()) - client.session["last_seen"] < 5


@pytest.mark.django_db
def test_an_idle_htmx_request_loads_the_login_page_whole(client):
    make_user(username="wang")
    client.post(LOGIN, {"username": "wang", "password": "pass-for-tests-1"})
    idle_for(client, 61)
    response = client.get(reverse("reminders:list"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith(LOGIN)
