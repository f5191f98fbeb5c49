"""Writes to the contracts app. Pages, the admin and demo data come through here."""

from .congress import congress_errors, congress_save, session_add
from .contracts import contract_errors, contract_save, offer_errors, offer_save, round_add
from .disclosure import disclosure_errors, disclosure_save
from .performance import performance_check_errors, performance_check_save

__all__ = [
    "congress_errors",
    "congress_save",
    "contract_errors",
    "contract_save",
    "disclosure_errors",
    "disclosure_save",
    "offer_errors",
    "offer_save",
    "performance_check_errors",
    "performance_check_save",
    "round_add",
    "session_add",
]
