"""Every write to the unions app. Views, forms, the admin, importers and demo data call these."""

from .enterprises import enterprise_errors, enterprise_save
from .joining import join_apply, join_decide, union_join_code
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
    transfer_lookup,
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
    "join_apply",
    "join_decide",
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
    "transfer_lookup",
    "transfer_request",
    "union_create",
    "union_join_code",
    "union_placement_errors",
    "union_update",
]
