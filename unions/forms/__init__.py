"""The unions app's forms: unions and enterprises (units), members and transfers, online
joining, the roster upload. Each checks through the service's `*_errors`."""

from .joining import JoinDecisionForm, JoinForm
from .members import (
    MemberForm,
    MemberLeaveForm,
    MemberRejoinForm,
    TransferDecisionForm,
    TransferRequestForm,
    scoped_enterprises,
    scoped_union_field,
)
from .roster import RosterUploadForm
from .units import EnterpriseForm, UnionForm, industry_unions_for, sectors_for

__all__ = [
    "EnterpriseForm",
    "JoinDecisionForm",
    "JoinForm",
    "MemberForm",
    "MemberLeaveForm",
    "MemberRejoinForm",
    "RosterUploadForm",
    "TransferDecisionForm",
    "TransferRequestForm",
    "UnionForm",
    "industry_unions_for",
    "scoped_enterprises",
    "scoped_union_field",
    "sectors_for",
]
