"""Legal aid, built by hand: what a case needs, the workstation's figures (names only with the
permission), and the 月报's cases taken and yuan recovered."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assistance.models import LegalCase, LegalWorkstation
from assistance.monthly_figures import legal_cases_taken, legal_recovered
from assistance.services.legal import legal_case_save, workstation_save

pytestmark = pytest.mark.django_db
D = datetime.date


def a_workstation(world, label="A", union=True):
    return workstation_save(
        actor=world.users["staff_lt"],
        workstation=LegalWorkstation(
            industry_union=world.unions[label].industry_union,
            union=world.unions[label] if union else None,
            name=f"{label}法律援助工作站",
            opened_on=D(2025, 1, 1),
            lawyers="张律师",
        ),
    )


def a_case(world, workstation, **fields):
    values = {
        "workstation": workstation,
        "name": "刘维权",
        "employer": "某服装厂",
        "dispute": "wages",
        "opened_on": D(2026, 10, 12),
        "claimed": Decimal("12000"),
        **fields,
    }
    return legal_case_save(actor=world.users["officer_a"], case=LegalCase(**values))


def test_what_a_case_needs(world):
    station = a_workstation(world)

    def refused(**fields):
        with pytest.raises(ValidationError) as error:
            a_case(world, station, **fields)
        return error.value.message_dict

    assert set(refused(closed_on=D(2026, 10, 1), outcome="settled")) == {"closed_on"}
    assert refused(closed_on=D(2026, 11, 2)) == {"outcome": ["请选择案件结果。"]}
    assert refused(outcome="won") == {"closed_on": ["请填写结案日期。"]}
    assert set(refused(recovered=Decimal("20000"))) == {"recovered"}
    assert set(refused(opened_on=D(2099, 1, 1))) == {"opened_on"}
    assert set(refused(phone="123")) == {"phone"}
    assert not LegalCase.objects.exists()


def test_the_workstation_page_gives_figures_and_the_month_its_sums(client, world):
    station = a_workstation(world)
    a_case(world, station)  # taken in October, in progress
    a_case(
        world,
        station,
        opened_on=D(2026, 10, 20),
        closed_on=D(2026, 11, 5),
        stage="mediation",
        outcome="settled",
        recovered=Decimal("9600.50"),
    )
    a_case(
        world,
        station,
        name="陈维权",
        opened_on=D(2026, 11, 2),
        closed_on=D(2026, 11, 20),
        stage="arbitration",
        outcome="lost",
    )
    a_case(world, a_workstation(world, union=False), opened_on=D(2026, 11, 3))  # the industry's

    a = world.unions["A"]
    assert legal_cases_taken(D(2026, 10, 1), D(2026, 10, 31)) == {a.pk: 2}
    assert legal_cases_taken(D(2026, 11, 1), D(2026, 11, 30)) == {a.pk: 1}
    assert legal_recovered(D(2026, 11, 1), D(2026, 11, 30)) == {a.pk: Decimal("9600.50")}
    assert legal_recovered(D(2026, 10, 1), D(2026, 10, 31)) == {}

    client.force_login(world.users["cadre_a"])  # no permission: figures, no names
    page = client.get(station.get_absolute_url())
    assert page.context["figures"] == {
        "taken": 3,
        "open": 1,
        "won": 1,
        "recovered": Decimal("9600.50"),
    }
    assert "刘维权" not in page.content.decode()
    assert client.get(reverse("assistance:legal_case_list")).status_code == 403
    client.force_login(world.users["officer_a"])
    listed = client.get(reverse("assistance:legal_case_list")).context["table"].rows
    assert len(listed) == 3  # A's station's; not the industry union's own
