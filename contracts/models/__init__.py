from .congress import (
    SHARED_LEVELS,
    CongressCoverage,
    CongressLevel,
    CongressSession,
    CongressSystem,
    twelve_months_before,
)
from .contracts import (
    MULTI_ENTERPRISE_KINDS,
    REPLY_DAYS,
    CollectiveContract,
    ContractCoverage,
    ContractKind,
    ContractStatus,
    FilingResult,
    NegotiationOffer,
    NegotiationRound,
    OfferReply,
)
from .disclosure import Disclosure, DisclosureChannel, DisclosureTopic
from .performance import ClausesKept, PerformanceCheck

__all__ = [
    "MULTI_ENTERPRISE_KINDS",
    "REPLY_DAYS",
    "SHARED_LEVELS",
    "ClausesKept",
    "CollectiveContract",
    "CongressCoverage",
    "CongressLevel",
    "CongressSession",
    "CongressSystem",
    "ContractCoverage",
    "ContractKind",
    "ContractStatus",
    "Disclosure",
    "DisclosureChannel",
    "DisclosureTopic",
    "FilingResult",
    "NegotiationOffer",
    "NegotiationRound",
    "OfferReply",
    "PerformanceCheck",
    "twelve_months_before",
]
