from .enterprises import Enterprise, Ownership, Sector
from .roles import AreaAssignment, Role, RoleKind
from .tree import (
    ALLOWED_PARENT_KINDS,
    GRASSROOTS_KINDS,
    IndustryUnion,
    Union,
    UnionKind,
    UnionStatus,
    phone_validator,
)

__all__ = [
    "ALLOWED_PARENT_KINDS",
    "GRASSROOTS_KINDS",
    "AreaAssignment",
    "Enterprise",
    "IndustryUnion",
    "Ownership",
    "Role",
    "RoleKind",
    "Sector",
    "Union",
    "UnionKind",
    "UnionStatus",
    "phone_validator",
]
