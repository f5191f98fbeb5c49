from .congress import (
    SHARED_LEVELS,
    CongressLevel,
    CongressSession,
    CongressSystem,
    twelve_months_before,
)
from .contracts import (
    MULTI_ENTERPRISE_KINDS,
    REPLY_DAYS,
    CollectiveContract,
    ContractKind,
    ContractStatus,
    FilingResult,
    NegotiationOffer,
    NegotiationRound,
    OfferReply,
)

__all__ = [
    "MULTI_ENTERPRISE_KINDS",
    "REPLY_DAYS",
    "SHARED_LEVELS",
    "CollectiveContract",
    "CongressLevel",
    "CongressSession",
    "CongressSystem",
    "ContractKind",
    "ContractStatus",
    "FilingResult",
    "NegotiationOffer",
    "NegotiationRound",
    "OfferReply",
    "twelve_months_before",
]
