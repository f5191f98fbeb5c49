"""Job help (助岗), by hand: the dates and the outcome, the worker taken from their file, and
the 月报's workers who found work in the month."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from assistance.models import JobHelp
from assistance.monthly_figures import found_work
from assistance.services.jobs import job_help_save

from .builders import hardship_file_in

pytestmark = pytest.mark.django_db
D = datetime.date


def job(world, union="A", **fields):
    values = {
        "union": world.unions[union],
        "name": "赵待业",
        "kind": "training",
        "provider": "叉车操作培训班",
        "started_on": D(2026, 9, 1),
        **fields,
    }
    return job_help_save(actor=world.users["officer_a"], job=JobHelp(**values))


def test_what_job_help_needs(world):
    def refused(**fields):
        with pytest.raises(ValidationError) as error:
            job(world, **fields)
        return error.value.message_dict

    assert refused(outcome="employed") == {"outcome_on": ["请填写得知结果的日期。"]}
    assert set(refused(outcome="employed", outcome_on=D(2026, 8, 1))) == {"outcome_on"}
    assert set(refused(started_on=D(2099, 1, 1))) == {"started_on"}
    other = hardship_file_in(world.unions["C"])
    assert set(refused(file=other)) == {"file"}
    assert not JobHelp.objects.exists()
    file = hardship_file_in(world.unions["A"])
    assert job(world, file=file, name="").name == file.name


def test_workers_who_found_work_in_the_month(world):
    job(world, outcome="employed", outcome_on=D(2026, 10, 20))
    job(world, outcome="employed", outcome_on=D(2026, 11, 3))
    job(world, outcome="not_employed", outcome_on=D(2026, 11, 4))
    job(world)  # under way
    job(world, union="C", outcome="employed", outcome_on=D(2026, 11, 5))
    november = found_work(D(2026, 11, 1), D(2026, 11, 30))
    assert november == {world.unions["A"].pk: 1, world.unions["C"].pk: 1}
    assert found_work(D(2026, 10, 1), D(2026, 10, 31)) == {world.unions["A"].pk: 1}
