"""The contracts app's reminder rules: contracts expiring, offers unanswered, congresses
overdue. Each finds its cases for all unions in one query."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.reminder_rules import Due, Rule

from .models import CollectiveContract, CongressSystem, NegotiationOffer

EXPIRY_STAGES = (30, 60, 90)  # days before the end: the reminder is renewed at each


def contracts_expiring(today: datetime.date):
    last_day = today + datetime.timedelta(days=max(EXPIRY_STAGES))
    rows = (
        CollectiveContract.objects.in_force_on(today)
        .filter(effective_to__lte=last_day)
        .values_list("pk", "union_id", "title", "effective_to")
    )
    for pk, union_id, title, ends in rows:
        days_left = (ends - today).days
        stage = next(s for s in EXPIRY_STAGES if days_left <= s)
        yield Due(
            union_id=union_id,
            key=f"contract-expiring:{pk}:{ends.isoformat()}:{stage}",
            subject=title,
            url=reverse("contracts:detail", args=[pk]),
            due_on=ends,
            stage=str(stage),
        )


def offers_unanswered(today: datetime.date):
    rows = NegotiationOffer.objects.overdue_on(today).values_list(
        "pk", "union_id", "subject", "sent_on"
    )
    for pk, union_id, subject, sent_on in rows:
        yield Due(
            union_id=union_id,
            key=f"offer-unanswered:{pk}",
            subject=subject,
            url=reverse("contracts:offer_detail", args=[pk]),
            due_on=NegotiationOffer(sent_on=sent_on).reply_due,
        )


def congresses_overdue(today: datetime.date):
    """No session in the twelve months that end today (counted from its establishment when it
    has never met)."""
    rows = CongressSystem.objects.overdue_on(today).values_list(
        "pk", "union_id", "name", "last_met", "established_on"
    )
    for pk, union_id, name, last_session, established_on in rows:
        since = last_session or established_on
        yield Due(
            union_id=union_id,
            key=f"congress-overdue:{pk}:{since.isoformat()}",
            subject=name,
            url=reverse("contracts:congress_detail", args=[pk]),
            due_on=_one_year_after(since),
        )


def _one_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


RULES = (
    Rule(
        "contracts.expiring",
        _("Contract expires within %(stage)s days"),
        contracts_expiring,
        "bi-hourglass-split",
    ),
    Rule(
        "contracts.offer_unanswered",
        _("No reply to the offer within 20 days"),
        offers_unanswered,
        "bi-envelope-exclamation",
    ),
    Rule(
        "contracts.congress_overdue",
        _("No congress session in the last 12 months"),
        congresses_overdue,
        "bi-people",
    ),
)
