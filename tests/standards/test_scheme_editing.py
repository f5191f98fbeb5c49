"""Industry staff change the scheme; what does not add up is refused, and nothing is saved."""

import pytest
from django.urls import reverse

from standards.models import Dimension, GradeRule, Indicator, Threshold

from .schemes import indicator, small_scheme


@pytest.fixture
def scheme(db):
    return small_scheme()


@pytest.fixture
def staff(client, world):
    client.force_login(world.users["staff_lt"])
    return client


def points_data(scheme, **changes):
    data = {"record_version": scheme.version}  # the version the form was opened at
    for dimension in scheme.dimensions.all():
        data[f"weight_{dimension.pk}"] = str(dimension.weight)
        for item in dimension.indicators.all():
            data[f"max_{item.pk}"] = str(item.max_points)
    data.update(changes)
    return data


@pytest.mark.django_db
def test_weights_that_do_not_add_up_are_refused(staff, scheme):
    organisation = scheme.dimensions.get(code="org")
    url = reverse("standards:scheme_points", args=[scheme.pk])
    response = staff.post(url, points_data(scheme, **{f"weight_{organisation.pk}": "70"}))
    form = response.context["form"]
    assert form.non_field_errors() == ["各项目合计 110 分，应为 100 分。"]
    assert form.errors[f"weight_{organisation.pk}"] == ["其下指标合计 60 分，不是 70 分。"]
    assert Dimension.objects.get(pk=organisation.pk).weight == 60


@pytest.mark.django_db
def test_a_maximum_below_a_thresholds_points_is_refused_and_a_balanced_change_saved(staff, scheme):
    coverage, assembly = indicator(scheme, "coverage"), indicator(scheme, "assembly")
    url = reverse("standards:scheme_points", args=[scheme.pk])
    response = staff.post(
        url, points_data(scheme, **{f"max_{coverage.pk}": "30", f"max_{assembly.pk}": "30"})
    )
    assert response.context["form"].errors[f"max_{coverage.pk}"] == [
        "有一档可得 40 分，超过此满分。"
    ]
    assert Indicator.objects.get(pk=coverage.pk).max_points == 40

    Threshold.objects.filter(indicator=coverage, points=40).update(points=30)
    response = staff.post(
        url, points_data(scheme, **{f"max_{coverage.pk}": "30", f"max_{assembly.pk}": "30"})
    )
    assert response.status_code == 302
    assert Indicator.objects.get(pk=assembly.pk).max_points == 30
    assert Indicator.objects.get(pk=coverage.pk).history.count() == 2


@pytest.mark.django_db
def test_thresholds_out_of_order_or_above_the_maximum_are_refused(staff, scheme):
    coverage = indicator(scheme, "coverage")
    url = reverse("standards:indicator_edit", args=[coverage.pk])
    base = {
        "name": coverage.name,
        "method": "computed",
        "metric": "contracts.coverage",
        "guidance": "",
        "record_version": scheme.version,
    }
    response = staff.post(
        url, {**base, "at_least_0": "90", "points_0": "10", "at_least_1": "80", "points_1": "20"}
    )
    assert response.context["form"].non_field_errors() == [
        "较高的数值（90）不能比较低的数值（80）得分少。"
    ]
    response = staff.post(url, {**base, "at_least_0": "90", "points_0": "50"})
    assert response.context["form"].non_field_errors() == ["在 90 得 50 分，超过满分 40。"]
    response = staff.post(url, {**base, "metric": "", "at_least_0": "90", "points_0": "40"})
    assert response.context["form"].errors["metric"] == ["请选择平台按工会计算的统计数。"]
    assert sorted(coverage.thresholds.values_list("at_least", "points")) == [(50, 20), (75, 40)]

    response = staff.post(
        url, {**base, "at_least_0": "93", "points_0": "40", "at_least_1": "80", "points_1": "20"}
    )
    assert response.status_code == 302
    assert sorted(coverage.thresholds.values_list("at_least", "points")) == [(80, 20), (93, 40)]


@pytest.mark.django_db
def test_grades_out_of_order_are_refused(staff, scheme):
    url = reverse("standards:scheme_grades", args=[scheme.pk])
    data = {
        "total_AAA": "75",
        "share_AAA": "60",
        "total_AA": "80",
        "share_AA": "50",
        "total_A": "50",
        "share_A": "0",
        "trusted_min_grade": "AA",
        "trusted_without_veto": "on",
        "trusted_min_satisfaction": "80",
        "survey_min_answers": "10",
        "record_version": scheme.version,
    }
    response = staff.post(url, data)
    assert response.context["form"].errors["total_AAA"] == ["AAA 的最低总分必须高于 AA。"]
    assert GradeRule.objects.get(scheme=scheme, grade="AAA").min_total == 90
    data["total_AAA"] = "95"
    assert staff.post(url, data).status_code == 302
    assert GradeRule.objects.get(scheme=scheme, grade="AAA").min_total == 95


@pytest.mark.django_db
def test_only_industry_staff_change_the_scheme(client, world, scheme):
    client.force_login(world.users["officer_a"])
    assert client.get(reverse("standards:scheme_detail", args=[scheme.pk])).status_code == 200
    assert client.get(reverse("standards:scheme_points", args=[scheme.pk])).status_code == 403


@pytest.mark.django_db
def test_a_dimension_of_no_points_is_refused(staff, scheme):
    funds = scheme.dimensions.get(code="funds")
    dues = indicator(scheme, "dues")
    organisation = scheme.dimensions.get(code="org")
    response = staff.post(
        reverse("standards:scheme_points", args=[scheme.pk]),
        points_data(
            scheme,
            **{
                f"weight_{funds.pk}": "0",
                f"max_{dues.pk}": "0",
                f"weight_{organisation.pk}": "100",
            },
        ),
    )
    errors = response.context["form"].errors
    assert errors[f"weight_{funds.pk}"] == ["考核项目的分值必须大于 0。"]
    assert errors[f"max_{dues.pk}"] == ["指标的分值必须大于 0。"]


@pytest.mark.django_db
def test_a_threshold_below_zero_is_refused(staff, scheme):
    # Every figure counts up from 0: a negative threshold is a typing error.
    coverage = indicator(scheme, "coverage")
    url = reverse("standards:indicator_edit", args=[coverage.pk])
    data = {"name": coverage.name, "method": "computed", "metric": "contracts.coverage"}
    response = staff.post(url, {**data, "at_least_0": "-1", "points_0": "10"})
    assert response.context["form"].errors["at_least_0"] == ["确保该值大于或等于0。"]
    assert sorted(coverage.thresholds.values_list("at_least", "points")) == [(50, 20), (75, 40)]


@pytest.mark.django_db
def test_a_least_number_of_answers_past_what_the_column_holds_is_refused(staff, scheme):
    # It reached the database, whose integer column cannot hold it: a server error.
    url = reverse("standards:scheme_grades", args=[scheme.pk])
    data = {
        "total_AAA": "90",
        "share_AAA": "60",
        "total_AA": "80",
        "share_AA": "50",
        "total_A": "60",
        "share_A": "0",
        "trusted_min_grade": "AA",
        "trusted_min_satisfaction": "80",
        "survey_min_answers": "9" * 23,
    }
    response = staff.post(url, data)
    assert response.context["form"].errors["survey_min_answers"] == [
        "确保该值小于或等于2147483647。"
    ]
