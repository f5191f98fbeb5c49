"""Two people on one scheme or one assessment: a save from a form opened before the other's
save is refused with what changed, nothing is lost, and saving again goes through; an approval
of an inspection changed since it was read is refused."""

import pytest
from django.test import Client
from django.urls import reverse

from standards.models import Assessment, AssessmentScore, Scheme

from ..editing import form_of
from .schemes import period_2026, small_scheme

pytestmark = pytest.mark.django_db


def client_of(world, persona):
    client = Client()
    client.force_login(world.users[persona])
    return client


def test_a_stale_grades_form_of_the_scheme_is_refused_and_both_changes_are_kept(world):
    scheme = small_scheme()
    url = reverse("standards:scheme_grades", args=[scheme.pk])
    first, second = client_of(world, "staff_lt"), client_of(world, "superuser")
    first_form, second_form = form_of(first.get(url)), form_of(second.get(url))
    assert first.post(url, {**first_form, "survey_min_answers": "12"}).status_code == 302

    refused = second.post(url, {**second_form, "trusted_min_satisfaction": "85"})

    assert refused.status_code == 200
    scheme.refresh_from_db()
    assert (scheme.survey_min_answers, scheme.trusted_min_satisfaction) == (12, 80)
    (change,) = refused.context["record_changed"].changes
    assert (change.saved, change.taken) == ("12", True)
    assert second.post(url, form_of(refused)).status_code == 302
    scheme.refresh_from_db()
    assert (scheme.survey_min_answers, scheme.trusted_min_satisfaction) == (12, 85)


def test_an_indicator_saved_on_a_scheme_changed_since_is_refused(world):
    scheme = small_scheme()
    indicator = scheme.dimensions.get(code="org").indicators.first()
    grades = reverse("standards:scheme_grades", args=[scheme.pk])
    edit = reverse("standards:indicator_edit", args=[indicator.pk])
    first, second = client_of(world, "staff_lt"), client_of(world, "superuser")
    indicator_form = form_of(second.get(edit))
    first.post(grades, form_of(first.get(grades), survey_min_answers="15"))

    refused = second.post(edit, {**indicator_form, "guidance": "查看会议记录"})

    assert refused.status_code == 200 and refused.context["record_changed"]
    indicator.refresh_from_db()
    assert indicator.guidance != "查看会议记录"
    assert second.post(edit, form_of(refused)).status_code == 302
    indicator.refresh_from_db()
    assert indicator.guidance == "查看会议记录"
    assert Scheme.objects.get(pk=scheme.pk).survey_min_answers == 15


def test_a_stale_self_inspection_is_refused_and_names_the_indicator(world):
    period = period_2026(small_scheme())
    officer, staff = client_of(world, "officer_a"), client_of(world, "staff_lt")
    officer.post(
        reverse("standards:assessment_start"), {"period": period.pk, "union": world.unions["A"].pk}
    )
    assessment = Assessment.objects.get()
    scores = {s.indicator.code: s for s in assessment.scores.select_related("indicator")}
    url = reverse("standards:self_inspection", args=[assessment.pk])
    officer_form, staff_form = form_of(officer.get(url)), form_of(staff.get(url))
    dues, assembly = scores["dues"].pk, scores["assembly"].pk
    assert officer.post(url, {**officer_form, f"self_points_{dues}": "38"}).status_code == 302

    refused = staff.post(url, {**staff_form, f"evidence_{assembly}": "会员大会记录"})

    assert refused.status_code == 200
    (change,) = refused.context["record_changed"].changes
    assert change.label.startswith(scores["dues"].indicator.name)
    assert AssessmentScore.objects.get(pk=assembly).self_evidence == ""
    assert staff.post(url, form_of(refused)).status_code == 302
    assert AssessmentScore.objects.get(pk=dues).self_points == 38
    assert AssessmentScore.objects.get(pk=assembly).self_evidence == "会员大会记录"


def test_an_approval_of_an_inspection_changed_since_it_was_read_is_refused(world):
    period = period_2026(small_scheme())
    officer = client_of(world, "officer_a")
    officer.post(
        reverse("standards:assessment_start"), {"period": period.pk, "union": world.unions["A"].pk}
    )
    assessment = Assessment.objects.get()
    ids = {s.indicator.code: s.pk for s in assessment.scores.select_related("indicator")}
    url = reverse("standards:self_inspection", args=[assessment.pk])
    officer.post(url, form_of(officer.get(url), **{f"self_points_{ids['dues']}": "38"}, submit="1"))
    cadre = client_of(world, "cadre_a")
    inspection = reverse("standards:inspection", args=[assessment.pk])
    points = {f"points_{ids['dues']}": "38", f"points_{ids['assembly']}": "20"}
    reasons = {f"reason_{ids['assembly']}": "会议记录齐全"}
    assert cadre.post(inspection, form_of(cadre.get(inspection), **points, **reasons)).status_code
    approver = client_of(world, "staff_lt")
    decision = reverse("standards:decision", args=[assessment.pk])
    decision_form = form_of(approver.get(decision), decision="approve")
    # The inspector corrects a score after the approver opened the page.
    cadre.post(
        inspection,
        form_of(cadre.get(inspection), **{f"points_{ids['assembly']}": "10"}, **reasons),
    )

    refused = approver.post(decision, decision_form)

    assert refused.status_code == 200 and refused.context["record_changed"]
    assert Assessment.objects.get().status == "inspected"
    assert approver.post(decision, form_of(refused)).status_code == 302
    assert Assessment.objects.get().status == "approved"
