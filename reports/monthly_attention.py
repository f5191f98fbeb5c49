"""The monthly report's item in the attention list (cohesion_portal.attention): last month's
reports not submitted, in the user's area. The number and the submission-status page it links
to count the same rows (reports.selectors.monthly), so they agree."""

from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from cohesion_portal import attention
from cohesion_portal.access import CHANGE
from unions.models import Union

from .selectors.monthly import expected_unions, outstanding, report_month_default


def outstanding_count(user, today) -> int:
    """Grassroots unions in the user's area without a submitted report for last month: one
    query."""
    unions = expected_unions(Union.objects.for_user(user))
    return outstanding(unions, report_month_default(today)).count()


def outstanding_url() -> str:
    month = report_month_default(timezone.localdate())
    query = urlencode({"month": f"{month:%Y-%m}", "state": "outstanding"})
    return f"{reverse('reports:monthly_status')}?{query}"


ATTENTION = (
    attention.Attention(
        "reports.monthly_outstanding",
        _("Last month's progress reports not submitted"),
        count=outstanding_count,
        url=outstanding_url,
        icon="bi-journal-x",
        order=50,
        acts=CHANGE,  # (the union writes it; staff remind)
    ),
)
