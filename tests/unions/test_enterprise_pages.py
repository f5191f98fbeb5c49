import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from unions.models import Enterprise

from ..factories import EnterpriseFactory, credit_code

CREATE = reverse("unions:enterprise_create")


def form_data(union, **overrides):
    data = {
        "name": "大连新建纺织有限公司",
        "credit_code": credit_code(),
        "union": union.pk,
        "unionized_on": "2024-03-01",
        "ownership": "private",
        "sector": "textile",
        "headcount": "120",
        "migrant_headcount": "40",
        "address": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def officer(client, world):
    client.force_login(world.users["officer_a"])
    return client


@pytest.mark.django_db
def test_an_officer_adds_an_enterprise_to_their_union(officer, world):
    response = officer.post(CREATE, form_data(world.deepest["A"]))
    enterprise = Enterprise.objects.get(name="大连新建纺织有限公司")
    assert response.status_code == 302
    assert response["Location"] == enterprise.get_absolute_url()
    assert enterprise.industry_union == world.unions["A"].industry_union
    assert enterprise.history.get().history_user == world.users["officer_a"]


@pytest.mark.django_db
def test_a_wrong_credit_code_is_shown_next_to_the_field_and_nothing_is_saved(officer, world):
    code = credit_code()
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    response = officer.post(CREATE, form_data(world.deepest["A"], credit_code=wrong))
    assert response.status_code == 200
    assert response.context["form"].errors["credit_code"] == [
        "校验码不符：18 位中有字符输入错误，请核对。"
    ]
    assert 'id="error_1_id_credit_code"' in response.content.decode()
    assert not Enterprise.objects.filter(name="大连新建纺织有限公司").exists()


@pytest.mark.django_db
def test_a_pasted_code_with_spaces_and_full_width_letters_is_cleaned(officer, world):
    code = credit_code()
    pasted = " " + code[:6] + " " + code[6:].replace("1", "１") + " "
    officer.post(CREATE, form_data(world.deepest["A"], credit_code=pasted.lower()))
    assert Enterprise.objects.get(name="大连新建纺织有限公司").credit_code == code


@pytest.mark.django_db
def test_a_code_already_registered_is_refused(officer, world):
    existing = EnterpriseFactory(union=world.unions["B"])
    response = officer.post(CREATE, form_data(world.deepest["A"], credit_code=existing.credit_code))
    assert response.context["form"].errors["credit_code"] == ["该统一社会信用代码的企业已经登记。"]


@pytest.mark.django_db
def test_dates_in_the_future_and_too_many_migrants_are_refused(officer, world):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = officer.post(
        CREATE,
        form_data(world.deepest["A"], unionized_on=tomorrow.isoformat(), migrant_headcount="121"),
    )
    errors = response.context["form"].errors
    assert errors["unionized_on"][0].startswith("该日期晚于今天")
    assert errors["migrant_headcount"] == ["农民工人数（121）不能多于职工总数（120）。"]
    assert not Enterprise.objects.exists()


@pytest.mark.django_db
def test_a_missing_required_field_is_named(officer, world):
    response = officer.post(CREATE, form_data(world.deepest["A"], name="", headcount=""))
    assert response.context["form"].errors["name"] == ["这个字段是必填项。"]
    assert "headcount" in response.context["form"].errors


@pytest.mark.django_db
def test_an_enterprise_cannot_join_a_union_before_the_union_was_founded(officer, world):
    union = world.unions["A"]
    union.founded_on = datetime.date(2020, 1, 1)
    union.save()
    response = officer.post(CREATE, form_data(union, unionized_on="2019-12-31"))
    assert "成立于 2020-01-01" in response.context["form"].errors["unionized_on"][0]


@pytest.mark.django_db
def test_an_officer_cannot_put_an_enterprise_into_another_union(officer, world):
    response = officer.post(CREATE, form_data(world.unions["B"]))
    assert "union" in response.context["form"].errors
    assert not Enterprise.objects.exists()


@pytest.mark.django_db
def test_a_double_submit_creates_one_enterprise(officer, world):
    form = officer.get(CREATE).context["form"]
    token = form["submission_token"].value()
    data = form_data(world.deepest["A"], submission_token=token)
    first = officer.post(CREATE, data)
    second = officer.post(CREATE, data)
    assert Enterprise.objects.count() == 1
    assert second.status_code == 302
    assert second["Location"] == first["Location"]


@pytest.mark.django_db
def test_a_refused_submit_leaves_its_token_usable_for_the_corrected_form(officer, world):
    token = officer.get(CREATE).context["form"]["submission_token"].value()
    officer.post(CREATE, form_data(world.deepest["A"], submission_token=token, headcount="-1"))
    officer.post(CREATE, form_data(world.deepest["A"], submission_token=token))
    assert Enterprise.objects.count() == 1


@pytest.mark.django_db
def test_leadership_may_not_add_enterprises(client, world):
    client.force_login(world.users["leader_all"])
    assert client.post(CREATE, form_data(world.deepest["A"])).status_code == 403
    assert not Enterprise.objects.exists()


@pytest.mark.django_db
def test_industry_staff_record_an_enterprise_that_has_no_union_yet(client, world):
    client.force_login(world.users["staff_lt"])
    data = {**form_data(world.deepest["A"]), "union": "", "unionized_on": "", "industry_union": ""}
    response = client.post(CREATE, data)
    assert "industry_union" in response.context["form"].errors
    data["industry_union"] = world.unions["A"].industry_union_id
    client.post(CREATE, data)
    enterprise = Enterprise.objects.get()
    assert enterprise.union is None and enterprise.unionized_on is None


@pytest.mark.django_db
def test_the_list_filters_by_a_union_with_its_units(client, world):
    inside = EnterpriseFactory(union=world.deepest["A"], name="在A小组的企业")
    other = EnterpriseFactory(union=world.unions["C"], name="在C的企业")
    client.force_login(world.users["staff_lt"])
    page = client.get(reverse("unions:enterprise_list"), {"union": world.unions["A"].pk})
    names = [e.name for e in page.context["table"].data]
    assert names == [inside.name]
    page = client.get(reverse("unions:enterprise_list"), {"q": other.credit_code.lower()})
    assert [e.name for e in page.context["table"].data] == [other.name]


@pytest.mark.django_db
def test_an_htmx_filter_request_gets_the_table_only(client, world):
    client.force_login(world.users["staff_lt"])
    response = client.get(reverse("unions:enterprise_list"), HTTP_HX_REQUEST="true")
    assert "portal/partials/table.html" in [t.name for t in response.templates]
    assert "<aside" not in response.content.decode()
