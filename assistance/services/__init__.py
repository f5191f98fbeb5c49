from .appeals import (
    appeal_errors,
    appeal_file,
    appeal_for_worker,
    appeal_move,
    appeal_rate,
    appeal_route,
)
from .file_import import file_import_confirm, file_import_upload
from .files import hardship_file_errors, hardship_file_save
from .household import household_member_add, household_member_errors, household_member_remove

__all__ = [
    "appeal_errors",
    "appeal_file",
    "appeal_for_worker",
    "appeal_move",
    "appeal_rate",
    "appeal_route",
    "file_import_confirm",
    "file_import_upload",
    "hardship_file_errors",
    "hardship_file_save",
    "household_member_add",
    "household_member_errors",
    "household_member_remove",
]
