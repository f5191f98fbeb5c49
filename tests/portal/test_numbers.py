"""One rounding for every rate: kept with two decimals, shown with one, both half up from the
decimal value, on the pages and in the Excel's number format alike."""

from cohesion_portal import metrics, numbers
from cohesion_portal.templatetags.portal import figure, percent


def test_52_of_58_is_kept_as_89_66_and_shown_as_89_7_percent_everywhere():
    assert metrics.percent(52, 58) == 89.66
    assert figure(metrics.percent(52, 58), metrics.PERCENT) == "89.7%"
    assert percent(52 / 58) == "89.7%"  # a ratio, as the coverage cards hold it


def test_halves_round_up_from_the_decimal_value_not_the_binary_one():
    # 89.65 is 89.6499999… in binary: round() would give 89.6; the Excel shows 89.7.
    assert numbers.percent_text(89.65) == "89.7%"
    assert numbers.percent_text(0.05) == "0.1%"
    assert metrics.percent(1, 8) == 12.5 and numbers.percent_text(12.5) == "12.5%"
    assert metrics.percent(1, 3) == 33.33 and metrics.percent(2, 3) == 66.67
    assert numbers.percent_text(100) == "100.0%"  # every rate with its one decimal
    assert numbers.percent_text(None) == "—" and metrics.percent(3, 0) is None


def test_people_are_whole_and_other_numbers_have_two_decimals():
    assert figure(500, metrics.PEOPLE) == "500 人"
    assert figure(1234.5, metrics.PEOPLE) == "1,235 人"
    assert figure(1200, metrics.YUAN) == "1,200.00 元"  # money keeps its fen, whole or not
    assert numbers.number_text(2.675, 2) == "2.68"  # (2.675 is 2.67499… in binary)


def test_a_share_of_people_keeps_its_decimal():
    from cohesion_portal.templatetags.portal import share_figure

    assert share_figure(0.57, metrics.PEOPLE) == "0.6 人"
    assert share_figure(500.0, metrics.PEOPLE) == "500 人"
    assert share_figure(93, metrics.PERCENT) == "93.0%"
