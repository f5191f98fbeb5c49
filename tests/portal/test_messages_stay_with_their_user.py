"""A message that names a record ("… was saved") is the session's: the next person to sign in
on the same browser never reads it."""

import pytest
from django.urls import reverse

from .. import scoping
from ..editing import form_of


@pytest.mark.django_db
def test_a_message_left_unread_is_not_shown_to_the_next_user(client, world):
    enterprise = scoping.enterprise_in(world.unions["C"])
    client.force_login(world.users["staff_lt"])
    url = reverse("unions:enterprise_edit", kwargs={"pk": enterprise.pk})
    saved = client.post(url, {**form_of(client.get(url)), "name": "留言测试企业"})
    assert saved.status_code == 302  # the message waits for the next page, which never comes
    # (a new sign-in on the same browser, without the cookies cleared)
    client.force_login(world.users["staff_aw"])  # C is not theirs
    page = client.get(reverse("home")).content.decode()
    assert "留言测试企业" not in page
