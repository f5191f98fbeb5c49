"""The ID-number and credit-code checks against an independent implementation (python-stdnum's
cn.ric and cn.uscc) rather than against the portal's own tables: thousands of generated numbers,
each check character computed both ways, the check characters 0, 1 and X included."""

import datetime
import random

import pytest
from django.core.exceptions import ValidationError
from stdnum.cn import ric, uscc

from unions.credit_codes import ALPHABET, validate_credit_code
from unions.credit_codes import check_character as credit_check
from unions.id_numbers import PROVINCE_CODES, parse_id_number
from unions.id_numbers import check_character as id_check

RNG = random.Random(2026)


def generated_first17(n: int) -> list[str]:
    numbers = []
    while len(numbers) < n:
        born = datetime.date(1900, 1, 1) + datetime.timedelta(days=RNG.randrange(45_000))
        province = RNG.choice(sorted(PROVINCE_CODES))
        numbers.append(
            f"{province}{RNG.randrange(10_000):04d}{born:%Y%m%d}{RNG.randrange(1000):03d}"
        )
    return numbers


def test_id_check_characters_agree_with_stdnum_on_20000_numbers():
    seen = set()
    for first17 in generated_first17(20_000):
        expected = ric.calc_check_digit(first17 + "0")  # (it reads the first 17)
        assert id_check(first17) == expected, first17
        seen.add(expected)
    assert seen == set("0123456789X")  # every check character met, 0 and 1 among them


@pytest.mark.parametrize("check", ["0", "1", "X"])
def test_numbers_with_the_right_check_character_are_taken_whatever_it_is(check):
    first17 = next(f for f in generated_first17(5_000) if ric.calc_check_digit(f + "0") == check)
    number = first17 + check
    # (stdnum's is_valid also looks the place up in its own list of counties: its check alone)
    assert ric.calc_check_digit(number) == check
    assert parse_id_number(number).number == number
    wrong = first17 + ("1" if check != "1" else "0")
    assert ric.calc_check_digit(wrong) != wrong[-1]
    with pytest.raises(ValidationError):
        parse_id_number(wrong)


def test_credit_code_check_characters_agree_with_stdnum_on_5000_codes():
    for _ in range(5_000):
        head = f"9{RNG.choice('123')}{RNG.randrange(10**6):06d}"  # registration, kind, division
        body = "".join(RNG.choice(ALPHABET) for _ in range(9))  # a letter at position 9 or later
        first17 = head + body
        expected = uscc.calc_check_digit(first17 + "0")
        assert credit_check(first17) == expected, first17
        assert uscc.is_valid(first17 + expected)
        validate_credit_code(first17 + expected)


def test_a_letter_at_position_3_is_refused_and_at_position_9_taken():
    at_nine = "91210200" + "MA" + "1234567"
    validate_credit_code(at_nine + credit_check(at_nine))
    at_three = "91A10200" + "MA" + "1234567"
    with pytest.raises(ValidationError) as refused:
        validate_credit_code(at_three + credit_check(at_three))
    assert refused.value.code == "division"
