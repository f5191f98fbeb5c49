"""The satisfaction survey: one answer per member, checked by name and ID ending, and the
answer never linked to the person."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from standards.models import Survey, SurveyResponse, SurveyVoter

from ..factories import enrol
from .schemes import period_2026, small_scheme

# The same whether no such member exists or they have answered: the page tells nobody who is a
# member.
REFUSED = "该姓名和身份证号无法参加测评：与本工会会员不符，或该会员已参加过测评。请核对后重试。"


@pytest.fixture
def survey(world):
    period = period_2026(small_scheme())
    today = timezone.localdate()
    return Survey.objects.create(
        period=period, union=world.unions["A"], opens_on=today, closes_on=today
    )


def answer(client, survey, name, id_number, choice="satisfied"):
    return client.post(
        reverse("survey", args=[survey.code]),
        {"name": name, "id_last6": id_number[-6:], "answer": choice, "comment": ""},
    )


@pytest.mark.django_db
def test_a_member_answers_once_and_the_answer_is_not_linked_to_them(client, world, survey):
    member = enrol(world.deepest["A"], name="王小兰")  # a member of a group under union A
    response = answer(client, survey, "王小兰", member.id_number)
    assert "谢谢！您的评价已提交。" in response.content.decode()
    assert SurveyResponse.objects.get().answer == "satisfied"
    assert SurveyVoter.objects.get().member == member
    # Nothing on the answer points back to the person.
    fields = {f.name for f in SurveyResponse._meta.get_fields()}
    assert fields == {"id", "survey", "answer", "comment"}

    response = answer(client, survey, "王小兰", member.id_number, "dissatisfied")
    assert REFUSED in response.content.decode()
    assert SurveyResponse.objects.count() == 1


@pytest.mark.django_db
def test_a_wrong_name_or_id_ending_or_another_unions_member_is_refused(client, world, survey):
    member = enrol(world.unions["A"], name="李强")
    outsider = enrol(world.unions["C"], name="赵敏")
    refused = REFUSED
    assert refused in answer(client, survey, "李刚", member.id_number).content.decode()
    other_ending = (
        "1" + member.id_number[-5:] if member.id_number[-6] != "1" else "2" + member.id_number[-5:]
    )
    assert refused in answer(client, survey, "李强", "x" * 12 + other_ending).content.decode()
    assert refused in answer(client, survey, "赵敏", outsider.id_number).content.decode()
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_a_closed_survey_takes_no_answer(client, world, survey):
    member = enrol(world.unions["A"], name="周六")
    Survey.objects.filter(pk=survey.pk).update(
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
        opens_on=timezone.localdate() - datetime.timedelta(days=5),
    )
    answer(client, survey, "周六", member.id_number)
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_the_survey_page_shows_the_rate_and_the_link(client, world, survey):
    for index, choice in enumerate(("satisfied", "fairly", "dissatisfied", "satisfied")):
        member = enrol(world.unions["A"], name=f"会员甲{index}")
        answer(client, survey, member.name, member.id_number, choice)
    client.force_login(world.users["officer_a"])
    page = client.get(reverse("standards:survey_detail", args=[survey.pk]))
    assert page.context["counts"] == {"answers": 4, "satisfied": 3}
    assert page.context["rate"] == 75.0
    assert f"/survey/{survey.code}/" in page.context["survey_url"]


@pytest.mark.django_db
def test_opening_a_survey_checks_its_dates(client, world):
    period = period_2026(small_scheme())
    client.force_login(world.users["officer_a"])
    response = client.post(
        reverse("standards:survey_create"),
        {
            "period": period.pk,
            "union": world.unions["A"].pk,
            "opens_on": "2026-05-10",
            "closes_on": "2026-05-01",
        },
    )
    assert response.context["form"].errors["closes_on"] == ["测评截止日期不能早于开始日期。"]
    assert not Survey.objects.exists()


@pytest.mark.django_db
def test_guessing_one_persons_id_ending_is_stopped_after_five_tries(client, world, survey):
    member = enrol(world.unions["A"], name="钱七")
    for attempt in range(5):
        response = answer(client, survey, "钱七", f"00000{attempt}")
        assert response.status_code == 200
    response = answer(client, survey, "钱七", member.id_number)  # even the right one, now
    assert response.status_code == 429
    assert not SurveyResponse.objects.exists()


@pytest.mark.django_db
def test_answers_cannot_be_paired_with_the_voters_by_their_order(client, world, survey):
    members = [enrol(world.unions["A"], name=f"顺序{n}") for n in range(6)]
    for member, choice in zip(members, ["satisfied", "dissatisfied"] * 3, strict=True):
        answer(client, survey, member.name, member.id_number, choice)
    keys = [r.pk for r in SurveyResponse.objects.all()]
    assert all(isinstance(key, uuid.UUID) for key in keys)  # random, not counting up
    assert len(set(keys)) == 6


@pytest.mark.parametrize(
    ("typed", "cleaned"),
    [
        ("12345X", "12345X"),
        ("１２３４５ｘ", "12345X"),  # a phone's full-width keyboard
        (" 123 456 ", "123456"),
        ("١٢٣٤٥٦", None),  # Arabic-Indic digits: no ID number has them
        ("12345", None),
    ],
)
def test_the_last_six_of_the_id_number_fold_full_width_and_refuse_other_digits(typed, cleaned):
    from standards.forms import AnswerForm

    form = AnswerForm({"name": "张三", "id_last6": typed, "answer": "satisfied"})
    assert form.is_valid() == (cleaned is not None), form.errors
    if cleaned:
        assert form.cleaned_data["id_last6"] == cleaned
