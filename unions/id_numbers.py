"""Resident ID numbers (居民身份证号码), GB 11643-1999.

18 characters: address code (6), birth date (8, YYYYMMDD), sequence (3; the last of them is odd
for men, even for women) and a check character over the first 17 (X stands for 10). Numbers of
the older 15-digit form (YYMMDD, no check) are converted to 18.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cohesion_portal.text import normalize_code

# The provinces' codes (GB/T 2260), the first two digits of every real number: 11–15 north,
# 21–23 north-east, 31–37 east, 41–46 south-central, 50–54 south-west, 61–65 north-west, 71
# Taiwan, 81 Hong Kong, 82 Macao.
PROVINCE_CODES = frozenset(
    (
        *range(11, 16),
        *range(21, 24),
        *range(31, 38),
        *range(41, 47),
        *range(50, 55),
        *range(61, 66),
        71,
        81,
        82,
    )
)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"  # indexed by (Σ digit × weight) mod 11


def check_character(first17: str) -> str:
    return CHECK_CHARACTERS[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]


@dataclass(frozen=True)
class IdNumber:
    number: str  # always the 18-character form
    birth_date: datetime.date
    is_male: bool


def parse_id_number(value) -> IdNumber:
    """Clean, check and read an ID number; raise ValidationError saying what is wrong."""
    if isinstance(value, float) or (isinstance(value, int) and len(str(value)) > 15):
        # A spreadsheet stored it as a number: Excel keeps 15 significant digits.
        raise ValidationError(
            _(
                "The ID number was stored as a number, so its last digits are lost; "
                "format the column as text and type it again."
            ),
            code="number",
        )
    number = normalize_code(str(value))
    if re.fullmatch(r"[0-9]{15}", number):
        first17 = number[:6] + "19" + number[6:]
        number = first17 + check_character(first17)
    if len(number) != 18:
        raise ValidationError(
            _("An ID number has 18 characters (or 15 for the old form); this one has %(count)d."),
            code="length",
            params={"count": len(number)},
        )
    # [0-9], not isdigit(): other scripts' digits (٢١٠…) pass isdigit() and int(), and one
    # person would have a second number.
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number):
        raise ValidationError(
            _("Only digits may appear in an ID number, and X only as the last character."),
            code="characters",
        )
    if int(number[:2]) not in PROVINCE_CODES:
        raise ValidationError(
            _(
                "An ID number begins with the code of the place it was issued, and %(code)s "
                "names no province: check the first digits."
            ),
            code="address",
            params={"code": number[:2]},
        )
    try:
        birth_date = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise ValidationError(
            _("Characters 7 to 14 should be the birth date, but %(digits)s is not a real date."),
            code="birth_date",
            params={"digits": number[6:14]},
        ) from None
    if birth_date.year < 1900 or birth_date > timezone.localdate():
        raise ValidationError(
            _("The birth date in the ID number (%(date)s) cannot be right."),
            code="birth_date",
            params={"date": birth_date.isoformat()},
        )
    if number[17] != check_character(number[:17]):
        raise ValidationError(
            _("The check character does not match: one of the 18 characters is mistyped."),
            code="check",
        )
    return IdNumber(number=number, birth_date=birth_date, is_male=int(number[16]) % 2 == 1)


def mask_id_number(number: str) -> str:
    """210203********123X: the place code and the last four stay readable."""
    return f"{number[:6]}{'*' * (len(number) - 10)}{number[-4:]}" if len(number) > 10 else "****"


def mask_phone(phone: str) -> str:
    """138****1234."""
    digits = phone or ""
    return f"{digits[:3]}****{digits[-4:]}" if len(digits) >= 8 else "****"


def make_id_number(address: str, birth_date: datetime.date, sequence: int, male: bool) -> str:
    """A valid number, for demo data and tests: `sequence` 0-99 becomes the first two digits
    of the sequence part, the third follows the gender."""
    third = (sequence % 5) * 2 + (1 if male else 0)
    first17 = f"{address}{birth_date:%Y%m%d}{sequence % 100:02d}{third}"
    return first17 + check_character(first17)
