import datetime

import pytest
from django.core.exceptions import ValidationError

from unions.id_numbers import (
    check_character,
    make_id_number,
    mask_id_number,
    mask_phone,
    parse_id_number,
)


def test_the_check_character_of_the_standards_own_example():
    # GB 11643's example 11010519491231002X, worked by hand:
    # 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8+0·4+2·2 = 167
    # 167 mod 11 = 2 -> "10X98765432"[2] = X
    assert check_character("11010519491231002") == "X"


def test_it_reads_birth_date_and_gender():
    parsed = parse_id_number("11010519491231002X")
    assert parsed.birth_date == datetime.date(1949, 12, 31)
    assert parsed.is_male is False  # 17th digit 2 is even


def test_a_lower_case_x_full_width_digits_and_spaces_are_cleaned():
    assert parse_id_number(" １１０１０５ 19491231002x ").number == "11010519491231002X"


def test_a_15_digit_number_becomes_18():
    assert parse_id_number("110105491231002").number == "11010519491231002X"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("11010519491231002", "length"),
        ("11010519491231003X", "check"),
        ("110105194912X1002X", "characters"),
        ("110105194902300025", "birth_date"),  # 30 February
        (110105194912310020, "number"),  # an 18-digit number cell from Excel
        (1.1010519491231002e17, "number"),
    ],
)
def test_it_says_what_is_wrong(value, code):
    with pytest.raises(ValidationError) as error:
        parse_id_number(value)
    assert error.value.code == code


def test_a_15_digit_number_stored_as_an_excel_number_is_still_whole():
    assert parse_id_number(110105491231002).number == "11010519491231002X"


def test_masks_keep_the_place_and_the_last_four():
    assert mask_id_number("21020319900503123X") == "210203********123X"
    assert mask_phone("13812345678") == "138****5678"


def test_a_mask_shows_nothing_of_what_is_too_short_to_hide_part_of():
    """Past ten characters an ID keeps its place code and last four, the rest starred (15
    characters: five stars); ten or fewer would show all of it, so nothing shows. A phone of
    eight digits or more keeps its first three and last four."""
    assert mask_id_number("210203900503123") == "210203*****3123"
    assert mask_id_number("21020390051") == "210203*0051"
    assert mask_id_number("2102039005") == "****"
    assert mask_id_number("") == "****"
    assert mask_phone("84561234") == "845****1234"
    assert mask_phone("8456123") == "****"
    assert mask_phone("") == mask_phone(None) == "****"


def test_made_numbers_are_valid_and_carry_the_gender():
    for male in (True, False):
        number = make_id_number("210202", datetime.date(1990, 5, 3), 42, male)
        assert parse_id_number(number).is_male is male


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "characters"),  # Arabic-Indic digits: isdigit(), int() read them
        ("११०१०५१९४९१२३१००२X", "characters"),  # Devanagari
        ("١١٠١٠٥٤٩١٢٣١٠٠٢", "length"),  # the old 15-digit form: not taken for one
    ],
)
def test_digits_of_other_scripts_are_no_id_number(value, code):
    # Read as digits, they would make a second number for one person (one person, one member).
    with pytest.raises(ValidationError) as error:
        parse_id_number(value)
    assert error.value.code == code


@pytest.mark.parametrize("phone", ["13٨٠٠١٣٨٠٠٠", "1380013800\n"])
def test_a_mobile_number_has_ascii_digits_only(phone):
    from unions.models import mobile_validator

    with pytest.raises(ValidationError):
        mobile_validator(phone)


def with_check(first17: str) -> str:
    return first17 + check_character(first17)


@pytest.mark.parametrize(
    ("first_two", "real"),
    [
        ("00", False),  # 000000… with a right check character was taken
        ("10", False),
        ("11", True),  # Beijing
        ("15", True),
        ("16", False),
        ("20", False),
        ("21", True),  # Liaoning: Dalian's 2102…
        ("23", True),
        ("24", False),
        ("31", True),
        ("37", True),
        ("38", False),
        ("41", True),
        ("46", True),
        ("47", False),
        ("50", True),
        ("54", True),
        ("55", False),
        ("61", True),
        ("65", True),
        ("66", False),
        ("71", True),  # Taiwan
        ("72", False),
        ("81", True),  # Hong Kong
        ("82", True),  # Macao
        ("83", False),
        ("99", False),
    ],
)
def test_an_id_number_begins_with_a_real_province(first_two, real):
    number = with_check(f"{first_two}0203{19900503}123")
    if real:
        assert parse_id_number(number).number == number
    else:
        with pytest.raises(ValidationError) as error:
            parse_id_number(number)
        assert error.value.code == "address"


@pytest.mark.parametrize(
    ("number", "check"),
    [
        # GB 11643-1999's own examples, and numbers published with their check characters.
        ("11010519491231002X", "X"),
        ("110105194912310029", None),  # the same with a wrong check character
    ],
)
def test_published_examples(number, check):
    if check:
        assert parse_id_number(number).number == number
    else:
        with pytest.raises(ValidationError):
            parse_id_number(number)


def test_births_in_1899_are_refused_1900_taken_and_the_future_refused():
    with pytest.raises(ValidationError):
        parse_id_number(with_check("11010518991231002"))
    assert parse_id_number(with_check("11010519000101002")).birth_date == datetime.date(1900, 1, 1)
    with pytest.raises(ValidationError):
        parse_id_number(with_check("11010520991231002"))
