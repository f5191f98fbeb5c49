"""Aid records and campaigns, built by hand: what a record needs (a worker or an enterprise,
cash or goods with their value, dates within the file's life and the campaign's, the child of
金秋助学 of school age, 送清凉 in summer); the campaign page's budget used, beneficiaries (a
person helped twice is one) and the unions not reporting yet."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from assistance.models import Aid, Campaign, HardshipFile
from assistance.selectors import campaign_summary
from assistance.services.aid import aid_save, campaign_save

from ..factories import EnterpriseFactory, id_number, make_union
from .builders import hardship_file_in

pytestmark = pytest.mark.django_db
D = datetime.date
WORKER = id_number()


def a_campaign(world, **fields):
    values = {
        "industry_union": world.unions["A"].industry_union,
        "name": "2026年春节送温暖",
        "programme": "warmth",
        "starts_on": D(2026, 1, 5),
        "ends_on": D(2026, 2, 10),
        "budget": Decimal("10000.00"),
        **fields,
    }
    unions = values.pop("unions", [world.unions["A"], world.unions["C"]])
    return campaign_save(actor=world.users["staff_lt"], campaign=Campaign(**values), unions=unions)


def aid(world, union="A", **fields):
    values = {
        "union": world.unions[union],
        "programme": "warmth",
        "name": "王受助",
        "id_number": WORKER,
        "cash": Decimal("800.00"),
        "funds": "union",
        "given_on": D(2026, 1, 20),
        "handed_over_by": "工会主席",
        **fields,
    }
    return aid_save(actor=world.users["officer_a"], aid=Aid(**values))


def refused(world, **fields) -> dict:
    with pytest.raises(ValidationError) as error:
        aid(world, **fields)
    return error.value.message_dict


def test_what_an_aid_record_needs(world):
    assert set(refused(world, name="", id_number="")) == {"name"}
    assert set(refused(world, id_number="110101199003070000")) == {"id_number"}
    assert set(refused(world, cash=None)) == {"cash"}
    assert set(refused(world, cash=None, goods="米面油")) == {"goods_value"}
    assert set(refused(world, given_on=D(2099, 1, 1))) == {"given_on"}
    enterprise_of_c = EnterpriseFactory(union=world.unions["C"])
    assert set(refused(world, name="", id_number="", enterprise=enterprise_of_c)) == {"enterprise"}
    assert set(refused(world, enterprise=EnterpriseFactory(union=world.unions["A"]))) == {
        "enterprise"  # a worker and an enterprise at once
    }
    # 送清凉 in January; 金秋助学 for a child of 40 and without the school.
    assert refused(world, programme="cooling") == {"given_on": ["送清凉在夏季（6月至9月）发放。"]}
    schooling = refused(world, programme="schooling", child_name="王小明", child_born_in=1986)
    assert set(schooling) == {"school", "school_year", "child_born_in"}
    assert "这位孩子应为 40 岁" in schooling["child_born_in"][0]
    assert not Aid.objects.exists()


def test_aid_under_a_file_stays_within_its_life(world):
    file = hardship_file_in(world.unions["A"])  # opened 1 March 2026
    HardshipFile.objects.filter(pk=file.pk).update(closed_on=D(2026, 9, 30), close_reason="out")
    file.refresh_from_db()
    assert "2026-03-01" in refused(world, file=file, name="", id_number="")["given_on"][0]
    late = refused(world, file=file, given_on=D(2026, 10, 1), name="", id_number="")
    assert "2026-09-30" in late["given_on"][0]
    record = aid(world, file=file, given_on=D(2026, 9, 30), name="", id_number="")
    assert (record.name, record.id_number) == (file.name, file.id_number)  # from the file
    other = hardship_file_in(world.unions["C"])
    assert set(refused(world, file=other, given_on=D(2026, 5, 1))) == {"file"}


def test_aid_within_a_campaign_keeps_to_its_dates_programme_and_unions(world):
    campaign = a_campaign(world, unions=[world.unions["A"]])
    assert set(refused(world, campaign=campaign, given_on=D(2026, 3, 1))) == {"given_on"}
    assert set(refused(world, campaign=campaign, programme="culture")) == {"programme"}
    refusal = refused(world, union="C", campaign=campaign)
    assert refusal == {"campaign": ["该工会未参加这次活动。"]}
    aid(world, campaign=campaign)  # A's branch would do too: it is A's tree
    aid(world, union="A", campaign=campaign, id_number=id_number())
    assert Aid.objects.count() == 2


def test_a_campaign_is_checked_before_it_is_saved(world):
    with pytest.raises(ValidationError) as error:
        a_campaign(world, ends_on=D(2026, 1, 1), unions=[world.unions["B"], world.deepest["A"]])
    assert set(error.value.message_dict) == {"ends_on", "unions"}
    assert not Campaign.objects.exists()


def test_the_campaign_figures(client, world):
    campaign = a_campaign(world)  # A and C take part, budget 10,000
    aid(world, campaign=campaign)  # 王受助: 800 cash
    aid(world, campaign=campaign, cash=None, goods="米面油", goods_value=Decimal("350.50"))
    aid(world, campaign=campaign, id_number=id_number(), name="李受助", cash=Decimal("600"))
    enterprise = EnterpriseFactory(union=world.unions["A"])
    aid(world, campaign=campaign, name="", id_number="", enterprise=enterprise)  # 800 cash
    aid(world, cash=Decimal("5000"))  # outside the campaign
    summary = campaign_summary(campaign)
    assert summary.records == 4
    assert summary.beneficiaries == 3  # 王 (twice), 李, the enterprise
    assert summary.used == Decimal("2550.50")  # 800 + 350.50 + 600 + 800
    assert summary.used_share == 25.51  # 25.505% rounded half up
    assert summary.not_reporting == [world.unions["C"]]

    client.force_login(world.users["cadre_a"])  # no assistance permission: figures only
    page = client.get(campaign.get_absolute_url()).content.decode()
    assert "2,550.50" in page and "王受助" not in page
    assert "尚未报送" in page


def test_only_the_industry_unions_staff_start_a_campaign(client, world):
    client.force_login(world.users["officer_a"])
    assert client.get(reverse("assistance:campaign_create")).status_code == 403
    campaign = a_campaign(world)
    assert client.get(campaign.get_absolute_url()).status_code == 200  # A takes part
    assert client.get(reverse("assistance:campaign_edit", args=[campaign.pk])).status_code == 403


def test_a_new_union_in_the_tree_does_not_join_a_campaign_by_itself(world):
    campaign = a_campaign(world)
    make_union("单元D工会委员会")
    assert set(campaign.unions.all()) == {world.unions["A"], world.unions["C"]}


def test_the_list_shows_the_value_of_goods_given_without_cash(client, world):
    aid(world, cash=None, goods="防暑降温用品", goods_value=Decimal("260.00"))
    client.force_login(world.users["officer_a"])
    page = client.get(reverse("assistance:aid_list")).content.decode()
    assert "260.00" in page
