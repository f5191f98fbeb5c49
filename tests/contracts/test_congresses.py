"""T6, the workers' congress establishment rate, from congresses built here by hand."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from cohesion_portal.access import EVERYTHING, Reader
from contracts.metrics import (
    CongressCoverage,
    congress_coverage,
    congress_coverage_by_grassroots_union,
    congress_rate_by_union,
    congress_series,
)
from contracts.models import CongressSystem
from contracts.services import congress_save, session_add

from ..factories import EnterpriseFactory

ALL = Reader(EVERYTHING)  # (read by no person: every union)

D = datetime.date
DAY = D(2026, 6, 30)


def congress(union, enterprises, *, level="enterprise", sessions=()):
    item = congress_save(
        actor=None,
        congress=CongressSystem(
            union=union,
            level=level,
            name=f"{union.name}职代会{level}{len(sessions)}",
            established_on=D(2015, 1, 1),
        ),
        enterprises=enterprises,
    )
    for held_on in sessions:
        session_add(
            actor=None,
            congress=item,
            held_on=held_on,
            delegates_elected=30,
            delegates_present=25,
            items="审议工资集体协商方案",
        )
    return item


@pytest.fixture
def world_of_congresses(world):
    a, c = world.unions["A"], world.unions["C"]
    recent = EnterpriseFactory(union=a)  # own congress, met 11 months ago
    stale = EnterpriseFactory(union=a)  # own congress, last met 13 months ago
    shared = [EnterpriseFactory(union=c) for _ in range(3)]  # an industry congress only
    both = EnterpriseFactory(union=c)  # its own and the industry one: counted once, as own
    idle = EnterpriseFactory(union=a)  # a congress that never met
    EnterpriseFactory(union=a)  # no congress
    EnterpriseFactory(union=c, unionized_on=D(2026, 7, 1))  # unionized after the day
    congress(a, [recent], sessions=[D(2025, 7, 30)])
    congress(a, [stale], sessions=[D(2025, 5, 30)])
    congress(c, [*shared, both], level="industry", sessions=[D(2026, 3, 1)])
    congress(c, [both], sessions=[D(2026, 4, 1)])
    congress(a, [idle])
    return world


@pytest.mark.django_db
def test_t6_counts_the_hand_built_cases(world_of_congresses):
    figure = congress_coverage(DAY, user=ALL)
    # unionized by the day: recent, stale, 3 shared, both, idle, none = 8
    assert figure.unionized == 8
    assert figure.covered == 5  # recent, the 3 shared, both
    assert figure.own == 2  # recent, both
    assert figure.only_shared == 3
    assert figure.rate == 5 / 8


@pytest.mark.django_db
def test_each_unions_t6_with_met_and_unmet_enterprises_mixed(world_of_congresses):
    w = world_of_congresses
    by_union = congress_coverage_by_grassroots_union(DAY, user=ALL)
    # A: recent met; stale (13 months), idle (never) and the one without a congress did not.
    a = by_union[w.unions["A"].pk]
    assert a == CongressCoverage(unionized=4, covered=1, own=1, only_shared=0)
    assert (a.rate, a.own_rate, a.shared_rate) == (0.25, 0.25, 0.0)
    # C: the three by the industry congress only, `both` by its own (counted as own).
    c = by_union[w.unions["C"].pk]
    assert c == CongressCoverage(unionized=4, covered=4, own=1, only_shared=3)
    assert (c.rate, c.own_rate, c.shared_rate) == (1.0, 0.25, 0.75)
    everything = congress_coverage(DAY, user=ALL)
    assert (everything.own_rate, everything.shared_rate) == (2 / 8, 3 / 8)
    # The scoring's percentages per union: the same, in %.
    assert congress_rate_by_union(D(2026, 1, 1), DAY) == {
        w.unions["A"].pk: 25.0,
        w.unions["C"].pk: 100.0,
    }


@pytest.mark.django_db
def test_the_monthly_series_follows_the_sessions(world_of_congresses):
    series = dict(congress_series(DAY, months=3, user=ALL))
    assert list(series) == [D(2026, 4, 30), D(2026, 5, 31), DAY]
    # To the end of April the twelve months reach back to 2025-05-01: `stale` still counts.
    assert (series[D(2026, 4, 30)].covered, series[D(2026, 4, 30)].own) == (6, 3)
    # To the end of May they start on 2025-06-01: `stale` (last met 2025-05-30) drops out.
    assert (series[D(2026, 5, 31)].covered, series[D(2026, 5, 31)].own) == (5, 2)
    march = congress_coverage(D(2026, 3, 31), user=ALL)
    assert (march.covered, march.own) == (6, 2)  # `both` by the industry congress only, in March


@pytest.mark.django_db
def test_scope_and_rules(world_of_congresses):
    w = world_of_congresses
    assert congress_coverage(DAY, user=w.users["officer_a"]).unionized == 4
    with pytest.raises(ValidationError):
        congress(
            w.unions["A"],
            [EnterpriseFactory(union=w.unions["A"]), EnterpriseFactory(union=w.unions["A"])],
        )
    item = CongressSystem.objects.first()
    with pytest.raises(ValidationError):
        session_add(
            actor=None,
            congress=item,
            held_on=D(2014, 1, 1),
            delegates_elected=1,
            delegates_present=1,
            items="早于建制",
        )
    with pytest.raises(ValidationError):
        session_add(
            actor=None,
            congress=item,
            held_on=D(2026, 1, 1),
            delegates_elected=10,
            delegates_present=11,
            items="人数不符",
        )
