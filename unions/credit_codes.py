"""The unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters: registration authority (1), organisation type (1), administrative division (6
digits), organisation code (9, GB 11714) and a check character computed over the first 17.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cohesion_portal.text import normalize_code

# The 31 characters of the code: digits and capitals without I, O, Z, S, V.
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)  # GB 11714, for the organisation code part


def check_character(first17: str) -> str:
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def org_code_check(body8: str) -> str:
    """The check character of a GB 11714 organisation code body of 8 characters."""
    total = sum(ALPHABET.index(c) * w for c, w in zip(body8, ORG_CODE_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def validate_credit_code(value: str) -> None:
    code = normalize_code(value)
    if len(code) != 18:
        raise ValidationError(
            _("A unified social credit code has 18 characters; this one has %(count)d."),
            code="length",
            params={"count": len(code)},
        )
    bad = sorted({c for c in code if c not in ALPHABET})
    if bad:
        raise ValidationError(
            _("The code contains %(chars)s, which a credit code never uses (no I, O, Z, S or V)."),
            code="characters",
            params={"chars": "、".join(bad)},
        )
    if not code[2:8].isdigit():
        raise ValidationError(
            _("Characters 3 to 8 are the administrative division code and must be digits."),
            code="division",
        )
    expected = check_character(code[:17])
    if code[17] != expected:
        raise ValidationError(
            _("The check character does not match: one of the 18 characters is mistyped."),
            code="check",
        )


def make_credit_code(division: str, org_body: str, registration: str = "9", kind: str = "1") -> str:
    """A valid code, for demo data and tests."""
    org_code = org_body + org_code_check(org_body)
    first17 = registration + kind + division + org_code
    return first17 + check_character(first17)
