import pytest
from django.core.exceptions import ValidationError

from unions.credit_codes import check_character, make_credit_code, validate_credit_code

# Published codes of well-known companies (business licences are public in China).
REAL_CODES = ["9144030071526726XG", "91330100716105852F", "914403001922038216"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_it_accepts_real_published_codes(code):
    validate_credit_code(code)


def test_the_check_character_follows_the_weights_of_gb_32100():
    # 91330100716105852 -> Σ(value × weight) worked out by hand:
    # 9·1 + 1·3 + 3·9 + 3·27 + 0·19 + 1·26 + 0·16 + 0·17 + 7·20 + 1·29 + 6·25 + 1·13
    # + 0·8 + 5·24 + 8·10 + 5·30 + 2·28 = 884; 884 mod 31 = 16; 31 − 16 = 15 -> 'F'
    assert check_character("91330100716105852") == "F"


def test_it_rejects_a_code_with_one_digit_mistyped():
    with pytest.raises(ValidationError) as error:
        validate_credit_code("91330100716105853F")
    assert error.value.code == "check"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("9133010071610585F", "length"),
        ("91330100716I05852F", "characters"),
        ("91330100716O05852F", "characters"),
        ("91AB0100716105852F", "division"),
    ],
)
def test_it_says_what_is_wrong(code, reason):
    with pytest.raises(ValidationError) as error:
        validate_credit_code(code)
    assert error.value.code == reason


def test_it_reads_full_width_lower_case_and_spaced_input():
    validate_credit_code("９１３３０１００ ７１６１０５８５２ｆ")


def test_made_codes_are_valid():
    for body in ("10000000", "87654321", "5A3B2C1D"):
        validate_credit_code(make_credit_code("210202", body))
