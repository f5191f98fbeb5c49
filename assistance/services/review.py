"""The yearly review of hardship files (年审): every open file confirmed as it is, regraded, or
closed, on one page. A page of decisions is saved whole or not at all."""

from collections import Counter
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import CloseReason, HardshipGrade

CONFIRM, REGRADE, CLOSE = "confirm", "regrade", "close"


@dataclass(frozen=True)
class Decision:
    file_id: int
    version: int  # the file's version the page showed: a file changed since is not overwritten
    action: str  # CONFIRM, REGRADE or CLOSE
    grade_id: int | None = None
    close_reason: str = ""


@transaction.atomic
def files_review(*, actor, files, decisions: list[Decision]) -> Counter:
    """Apply `decisions` to the files of `files` (the reviewer's change scope): each reviewed
    today, regraded or closed as decided. Returns how many of each. Refuses the whole page,
    naming the files, when one was changed since the page was opened or a decision is
    incomplete."""
    today = timezone.localdate()
    rows = {
        file.pk: file
        for file in files.select_for_update().filter(pk__in=[d.file_id for d in decisions])
    }
    grades = {grade.pk: grade for grade in HardshipGrade.objects.all()}
    problems, done = [], Counter()
    for decision in decisions:
        file = rows.get(decision.file_id)
        if file is None or not file.is_open:
            problems.append(_("a file no longer open to you"))
            continue
        if file.version != decision.version:
            problems.append(
                _("%(name)s (changed by someone else since you opened the page)")
                % {"name": file.name}
            )
            continue
        if decision.action == REGRADE and decision.grade_id not in grades:
            problems.append(_("%(name)s (choose the new grade)") % {"name": file.name})
            continue
        if decision.action == CLOSE and decision.close_reason not in CloseReason.values:
            problems.append(_("%(name)s (say why the file is closed)") % {"name": file.name})
            continue
        file.last_reviewed_on = today
        if decision.action == REGRADE:
            file.grade = grades[decision.grade_id]
        if decision.action == CLOSE:
            file.closed_on, file.close_reason = today, decision.close_reason
            file.close_note = _("closed at the yearly review")
        file._history_user = actor
        file._change_reason = _("yearly review")
        file.save()
        done[decision.action] += 1
    if problems:
        raise ValidationError(
            _("Nothing was saved. Look again at: %(files)s.") % {"files": "、".join(problems)}
        )
    return done
