"""The yearly review (年审) of hardship files: the page lists the open files opened before this
year and not reviewed in it; one sending confirms, regrades and closes; a file changed since
the page was opened, or a regrade without a grade, refuses the whole page and keeps every
choice made."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from assistance.models import HardshipFile

from .builders import grade, hardship_file_in

pytestmark = pytest.mark.django_db
URL = reverse("assistance:file_review")


def last_year(day_of_year: int) -> datetime.date:
    return datetime.date(timezone.localdate().year - 1, 1, 1) + datetime.timedelta(day_of_year)


@pytest.fixture
def files(world):
    """Four open files of A opened last year (one reviewed this year already), one opened this
    year, one closed, one of B."""
    a = world.unions["A"]
    made = {name: hardship_file_in(a) for name in ("keep", "raise", "close", "reviewed")}
    made["new"] = hardship_file_in(a)
    made["closed"] = hardship_file_in(a)
    made["b"] = hardship_file_in(world.unions["B"])
    this_year = timezone.localdate().replace(month=1, day=1)
    HardshipFile.objects.update(opened_on=last_year(30))
    HardshipFile.objects.filter(pk=made["reviewed"].pk).update(last_reviewed_on=this_year)
    HardshipFile.objects.filter(pk=made["new"].pk).update(opened_on=this_year)
    HardshipFile.objects.filter(pk=made["closed"].pk).update(
        closed_on=last_year(200), close_reason="out"
    )
    for name, file in made.items():
        file.refresh_from_db()
        file.label = name
    return made


def sent(files, **choices):
    data = {"file": []}
    for name, choice in choices.items():
        file = files[name]
        data["file"].append(str(file.pk))
        data[f"version-{file.pk}"] = str(file.version)
        for key, value in choice.items():
            data[f"{key}-{file.pk}"] = value
    return data


def test_the_page_lists_the_files_still_to_review(client, world, files):
    client.force_login(world.users["officer_a"])
    listed = {file.pk for file in client.get(URL).context["object_list"]}
    assert listed == {files[name].pk for name in ("keep", "raise", "close")}


def test_one_sending_confirms_regrades_and_closes(client, world, files):
    client.force_login(world.users["officer_a"])
    special = grade("special")
    response = client.post(
        URL,
        sent(
            files,
            **{
                "keep": {"action": "confirm"},
                "raise": {"action": "regrade", "grade": str(special.pk)},
                "close": {"action": "close", "reason": "out"},
            },
        ),
        follow=True,
    )
    assert "已复核：确认 1 份，调整类别 1 份，销档 1 份。" in response.content.decode()
    today = timezone.localdate()
    keep, raised, closed = (
        HardshipFile.objects.get(pk=files[name].pk) for name in ("keep", "raise", "close")
    )
    assert (keep.last_reviewed_on, keep.grade.code) == (today, "ordinary")
    assert (raised.last_reviewed_on, raised.grade.code) == (today, "special")
    assert (closed.closed_on, closed.close_reason) == (today, "out")
    assert keep.history.first().history_user == world.users["officer_a"]
    assert not response.context["object_list"]  # nothing left to review


def test_a_file_changed_since_refuses_the_page_and_keeps_the_choices(client, world, files):
    client.force_login(world.users["officer_a"])
    data = sent(
        files,
        keep={"action": "confirm"},
        close={"action": "close", "reason": "moved"},
    )
    changed = HardshipFile.objects.get(pk=files["close"].pk)
    changed.needs = "另有变化"
    changed.save()  # someone else's edit: the version moves on
    response = client.post(URL, data)
    page = response.content.decode()
    assert "均未保存" in page and files["close"].name in page
    assert not HardshipFile.objects.filter(last_reviewed_on=timezone.localdate()).exists()
    kept = {file.pk: file.chosen for file in response.context["object_list"]}
    assert kept[files["close"].pk] == {"action": "close", "grade": "", "reason": "moved"}
    assert kept[files["keep"].pk]["action"] == "confirm"


def test_a_regrade_without_a_grade_and_another_unions_file_are_refused(client, world, files):
    client.force_login(world.users["officer_a"])
    response = client.post(URL, sent(files, keep={"action": "regrade"}, b={"action": "confirm"}))
    page = response.content.decode()
    assert "请选择新的困难类别" in page
    assert not HardshipFile.objects.filter(last_reviewed_on=timezone.localdate()).exists()
