"""Three submits of one form at the same moment, on PostgreSQL: one record, three redirects."""

import threading

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from unions.models import Enterprise

from ..conftest import skip_unless_available
from ..factories import credit_code

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def test_simultaneous_submits_of_one_form_create_one_record(world):
    skip_unless_available(
        connection.vendor == "postgresql",
        "needs PostgreSQL (DATABASE_URL), where requests really run side by side",
        "COHESION_REQUIRE_SERVICES",
    )
    officer = world.users["officer_a"]
    first = Client()
    first.force_login(officer)
    token = (
        first.get(reverse("unions:enterprise_create")).context["form"]["submission_token"].value()
    )
    data = {
        "name": "大连并发测试有限公司",
        "credit_code": credit_code(),
        "union": world.unions["A"].pk,
        "unionized_on": "2024-01-01",
        "ownership": "private",
        "sector": "textile",
        "headcount": "10",
        "migrant_headcount": "1",
        "submission_token": token,
    }
    barrier = threading.Barrier(3)
    statuses = []

    def submit():
        client = Client()
        client.force_login(officer)
        barrier.wait()
        try:
            statuses.append(client.post(reverse("unions:enterprise_create"), data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert Enterprise.objects.filter(name="大连并发测试有限公司").count() == 1
    assert statuses == [302, 302, 302]
