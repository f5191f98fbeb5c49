"""The assistance app's items of the dashboard's attention list. Counted through the same
scope and permission as the lists they link to: nothing for a person without the assistance
permission, whose pages of them are closed."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohesion_portal.access import APPROVE, CHANGE
from cohesion_portal.attention import Attention

from .models import Appeal, HardshipFile
from .services.appeals import ESCALATION_WORKDAYS

ATTENTION = (
    Attention(
        "assistance.appeals_overdue",
        _("Appeals not answered by their deadline"),
        count=lambda user, today: Appeal.objects.for_user(user).overdue_on(today).count(),
        url=lambda: f"{reverse('assistance:appeal_list')}?overdue=true",
        icon="bi-chat-left-dots",
        order=12,
        acts=CHANGE,
    ),
    Attention(
        "assistance.appeals_escalated",
        _("Appeals more than %(days)s working days past their deadline")
        % {"days": ESCALATION_WORKDAYS},
        count=lambda user, today: Appeal.objects.for_user(user).escalated_on(today).count(),
        url=lambda: f"{reverse('assistance:appeal_list')}?escalated=true",
        icon="bi-exclamation-octagon",
        order=11,
        acts=APPROVE,  # (the industry union's staff follow these up)
    ),
    Attention(
        "assistance.files_due",
        _("Hardship files due for review"),
        count=lambda user, today: HardshipFile.objects.for_user(user).due_for_review(today).count(),
        url=lambda: f"{reverse('assistance:file_list')}?due=true",
        icon="bi-folder-check",
        order=40,
        acts=CHANGE,
    ),
)
