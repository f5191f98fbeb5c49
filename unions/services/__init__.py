"""Every write to the unions app. Views, forms, the admin, importers and demo data call these."""

from .enterprises import enterprise_errors, enterprise_save
from .members import (
    MEMBER_FIELDS,
    AlreadyMember,
    member_disclose,
    member_enrol,
    member_leave,
    member_rejoin,
    member_update,
    person_errors,
    transfer_cancel,
    transfer_decide,
    transfer_request,
)
from .roster import members_bulk_enrol, roster_import, roster_upload
from .tree import UNION_FIELDS, union_create, union_placement_errors, union_update

__all__ = [
    "MEMBER_FIELDS",
    "UNION_FIELDS",
    "AlreadyMember",
    "enterprise_errors",
    "enterprise_save",
    "member_disclose",
    "member_enrol",
    "member_leave",
    "member_rejoin",
    "member_update",
    "members_bulk_enrol",
    "person_errors",
    "roster_import",
    "roster_upload",
    "transfer_cancel",
    "transfer_decide",
    "transfer_request",
    "union_create",
    "union_placement_errors",
    "union_update",
]
