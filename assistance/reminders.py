"""The assistance app's reminder rules: an appeal past its deadline reminds its union. The
subject is the tracking number: a reminder is read by anyone in the union's scope, the
worker's name only by who holds the assistance permission."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.reminder_rules import Due, Rule

from .models import Appeal


def appeals_overdue(today: datetime.date):
    rows = (
        Appeal.objects.overdue_on(today)
        .filter(union__isnull=False)  # (one still at the industry union: its attention list)
        .values_list("pk", "union_id", "tracking_number", "deadline")
    )
    for pk, union_id, number, deadline in rows:
        yield Due(
            union_id=union_id,
            key=f"appeal-overdue:{pk}:{deadline.isoformat()}",
            subject=number,
            url=reverse("assistance:appeal_detail", args=[pk]),
            due_on=deadline,
        )


RULES = (
    Rule(
        "assistance.appeal_overdue",
        _("Appeal not answered by its deadline"),
        appeals_overdue,
        "bi-chat-left-dots",
    ),
)
