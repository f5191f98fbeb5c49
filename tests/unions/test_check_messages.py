"""What a person reads when an ID number or a credit code is refused: the whole sentence, in
Chinese and in English, with the wrong part named (the checks' own tests look at the error's
code; mutation testing showed that a message could go missing and no test would notice)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from unions.credit_codes import org_code_check, validate_credit_code
from unions.id_numbers import parse_id_number


def refusal(check, value, language="zh-hans") -> tuple[str, str]:
    with pytest.raises(ValidationError) as error, translation.override(language):
        check(value)
    with translation.override(language):
        return error.value.code, error.value.messages[0]


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("9133010071610585F", ("length", "统一社会信用代码应为 18 位，此处为 17 位。")),
        (
            "91330100716IO5852F",
            (
                "characters",
                "代码中含有 I、O，统一社会信用代码不使用这些字符（不含 I、O、Z、S、V）。",
            ),
        ),
        ("91AB0100716105852F", ("division", "第 3 至 8 位是登记管理机关行政区划码，必须是数字。")),
        ("91330100716105853F", ("check", "校验码不符：18 位中有字符输入错误，请核对。")),
    ],
)
def test_a_refused_credit_code_says_why_in_chinese(code, expected):
    assert refusal(validate_credit_code, code) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (
            2.10202199005031e17,
            ("number", "身份证号被存成了数字，后几位已经丢失；请把该列设为文本格式后重新输入。"),
        ),
        ("21020219900503123", ("length", "身份证号应为 18 位（老证件为 15 位），此处为 17 位。")),
        ("21020219900503123A", ("characters", "身份证号只能由数字组成，X 只能出现在最后一位。")),
        (
            "990202199005031234",
            (
                "address",
                "身份证号码以签发地的行政区划代码开头，99不是任何省份的代码，请核对前几位。",
            ),
        ),
        (
            "210202199002301234",
            ("birth_date", "第 7 至 14 位应为出生日期，但 19900230 不是有效日期。"),
        ),
        ("210202189912311234", ("birth_date", "身份证号中的出生日期（1899-12-31）不合理。")),
        ("210202199005031235", ("check", "校验码不符：18 位中有字符输入错误，请核对。")),
    ],
)
def test_a_refused_id_number_says_why_in_chinese(number, expected):
    assert refusal(parse_id_number, number) == expected


def test_an_old_form_number_a_spreadsheet_kept_as_a_number_is_taken():
    """15 digits fit in a spreadsheet's number whole: only a longer number lost digits.
    The check character of 21020219900503123, by hand: Σ digit × weight = 14 + 9 + 0 + 10 + 0
    + 8 + 2 + 9 + 54 + 0 + 0 + 45 + 0 + 15 + 8 + 8 + 6 = 188; 188 mod 11 = 1 -> '0'."""
    assert parse_id_number(210202900503123).number == "210202199005031230"


def test_the_refusals_read_in_english_too():
    assert refusal(validate_credit_code, "9133010071610585F", "en") == (
        "length",
        "A unified social credit code has 18 characters; this one has 17.",
    )
    assert refusal(parse_id_number, "990202199005031234", "en")[1] == (
        "An ID number begins with the code of the place it was issued, and 99 names no "
        "province: check the first digits."
    )


@pytest.mark.parametrize(
    ("body", "check"),
    # The organisation codes (GB 11714) inside three published credit codes: characters 9-17
    # of 91330100716105852F, 9144030071526726XG and 914403001922038216.
    [("71610585", "2"), ("71526726", "X"), ("19220382", "1")],
)
def test_the_organisation_code_check_matches_published_codes(body, check):
    assert org_code_check(body) == check
