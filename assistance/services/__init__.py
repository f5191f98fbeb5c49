from .files import hardship_file_errors, hardship_file_save
from .household import household_member_add, household_member_errors, household_member_remove

__all__ = [
    "hardship_file_errors",
    "hardship_file_save",
    "household_member_add",
    "household_member_errors",
    "household_member_remove",
]
