"""Writes to the standards app. Pages, the admin, jobs and demo data come through here."""

from .assessments import (
    assessment_decide,
    assessment_start,
    ensure_scores,
    inspection_save,
    scored_by_people,
    self_inspection_return,
    self_inspection_save,
    veto_record,
)
from .plans import plan_save, target_errors, target_save
from .runs import recompute_request
from .scheme import (
    frozen_reason,
    grade_rules_save,
    indicator_save,
    scheme_new_version,
    scheme_points_save,
    threshold_errors,
)

__all__ = [
    "assessment_decide",
    "assessment_start",
    "ensure_scores",
    "frozen_reason",
    "grade_rules_save",
    "indicator_save",
    "inspection_save",
    "plan_save",
    "recompute_request",
    "scheme_new_version",
    "scheme_points_save",
    "scored_by_people",
    "self_inspection_return",
    "self_inspection_save",
    "target_errors",
    "target_save",
    "threshold_errors",
    "veto_record",
]
