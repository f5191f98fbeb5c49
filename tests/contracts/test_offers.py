import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from contracts.models import NegotiationOffer
from contracts.services import offer_save, round_add

from ..factories import EnterpriseFactory

TODAY = datetime.date(2026, 6, 30)


def offer(union, *, sent, replied=None, reply="", enterprise=None):
    return offer_save(
        actor=None,
        offer=NegotiationOffer(
            union=union,
            enterprise=enterprise or EnterpriseFactory(union=union),
            subject=f"要约{sent}",
            sent_on=sent,
            replied_on=replied,
            reply=reply,
        ),
    )


@pytest.mark.django_db
def test_an_offer_without_a_reply_after_20_days_is_overdue(world):
    a = world.unions["A"]
    late = offer(a, sent=TODAY - datetime.timedelta(days=21))
    offer(a, sent=TODAY - datetime.timedelta(days=20))  # the 20th day: still in time
    offer(
        a,
        sent=TODAY - datetime.timedelta(days=40),
        replied=TODAY - datetime.timedelta(days=30),
        reply="accepted",
    )
    assert list(NegotiationOffer.objects.overdue_on(TODAY)) == [late]
    assert late.is_overdue(TODAY)


@pytest.mark.django_db
def test_a_reply_before_the_offer_and_a_foreign_enterprise_are_refused(world):
    with pytest.raises(ValidationError) as error:
        offer(
            world.unions["A"],
            sent=TODAY,
            replied=TODAY - datetime.timedelta(days=1),
            reply="accepted",
        )
    assert "replied_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        offer(world.unions["A"], sent=TODAY, enterprise=EnterpriseFactory(union=world.unions["C"]))
    assert "enterprise" in error.value.message_dict
    assert not NegotiationOffer.objects.exists()


@pytest.mark.django_db
def test_rounds_come_after_the_offer(world):
    item = offer(world.unions["A"], sent=TODAY)
    with pytest.raises(ValidationError):
        round_add(
            actor=None, offer=item, held_on=TODAY - datetime.timedelta(days=1), minutes="提前"
        )
    round_add(actor=None, offer=item, held_on=TODAY, minutes="第一轮：双方交换方案")
    assert item.rounds.count() == 1


@pytest.mark.django_db
def test_the_list_shows_the_overdue_offers_of_the_scope(client, world):
    today = timezone.localdate()
    mine = offer(world.unions["A"], sent=today - datetime.timedelta(days=30))
    offer(world.unions["B"], sent=today - datetime.timedelta(days=30))
    client.force_login(world.users["officer_a"])
    response = client.get(reverse("contracts:offer_list"), {"overdue": "true"})
    assert [o.pk for o in response.context["table"].data] == [mine.pk]
