from .files import (
    DEFAULT_GRADES,
    NEAR_LINE_CAUSES,
    PERSONAL_PERMISSION,
    Cause,
    CloseReason,
    Criterion,
    HardshipFile,
    HardshipFileQuerySet,
    HardshipGrade,
    HouseholdMember,
    Relation,
    SubsistenceLine,
)

__all__ = [
    "DEFAULT_GRADES",
    "NEAR_LINE_CAUSES",
    "PERSONAL_PERMISSION",
    "Cause",
    "CloseReason",
    "Criterion",
    "HardshipFile",
    "HardshipFileQuerySet",
    "HardshipGrade",
    "HouseholdMember",
    "Relation",
    "SubsistenceLine",
]
