"""The grade rules at their edges (the mutation trial's survivors): a total or a dimension's
share exactly at a rule's minimum earns that grade; a hair below does not; a veto caps."""

from decimal import Decimal as D
from types import SimpleNamespace

import pytest

from standards.scoring import capped, grade_for

# The default scheme's shape: AAA ≥ 90 with every dimension ≥ 60%; AA ≥ 70 with ≥ 50%; A ≥ 50.
RULES = [
    SimpleNamespace(grade="AAA", min_total=D(90), min_dimension_share=D(60)),
    SimpleNamespace(grade="AA", min_total=D(70), min_dimension_share=D(50)),
    SimpleNamespace(grade="A", min_total=D(50), min_dimension_share=D(0)),
]


@pytest.mark.parametrize(
    ("total", "shares", "grade"),
    [
        ("90", ["60", "100"], "AAA"),  # both exactly at AAA's minimums
        ("89.99", ["100", "100"], "AA"),
        ("90", ["59.99", "100"], "AA"),  # one dimension a hair short of AAA's share
        ("70", ["50", "50"], "AA"),  # exactly AA
        ("95", ["50", "100"], "AA"),  # a total for AAA, a share exactly at AA's minimum
        ("70", ["49.99", "100"], "A"),
        ("69.99", ["100", "100"], "A"),
        ("50", ["0", "0"], "A"),
        ("49.99", ["100", "100"], ""),
    ],
)
def test_a_grade_at_the_edge_of_its_rule(total, shares, grade):
    assert grade_for(D(total), [D(s) for s in shares], RULES) == grade


def test_a_veto_caps_the_grade_and_never_raises_it():
    assert capped("AAA", ["AA"]) == "AA"
    assert capped("AAA", ["AA", "A"]) == "A"
    assert capped("A", ["AA"]) == "A"
    assert capped("AA", []) == "AA"
