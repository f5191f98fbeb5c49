"""Reads of the monthly Excel report's pages."""

from cohesion_portal.access import CHANGE

from ..models import ExportStatus, MonthlyExport


def retryable(user, exports) -> set[int]:
    """The ids of those `exports` that failed or stalled and that `user` may try again."""
    stuck = [e.pk for e in exports if e.status == ExportStatus.FAILED or e.is_stalled]
    if not stuck:
        return set()
    mine = MonthlyExport.objects.for_user(user, CHANGE).filter(pk__in=stuck)
    return set(mine.values_list("pk", flat=True))
