"""Self-inspection by the union, inspection by the area cadre, approval by the industry union,
through the pages, with the scorecard following each step."""

import pytest
from django.urls import reverse

from standards.models import Assessment, AssessmentScore, Scorecard

from .schemes import period_2026, small_scheme


@pytest.fixture
def period(db):
    return period_2026(small_scheme())


def login(client, world, persona):
    client.force_login(world.users[persona])
    return client


def opened(assessment) -> dict:
    """The version a form of the assessment opened now carries."""
    return {"record_version": Assessment.objects.get(pk=assessment.pk).version}


def score_ids(assessment):
    return {s.indicator.code: s.pk for s in assessment.scores.select_related("indicator")}


def start(client, world, period):
    response = client.post(
        reverse("standards:assessment_start"),
        {"period": period.pk, "union": world.unions["A"].pk},
    )
    assert response.status_code == 302
    return Assessment.objects.get()


@pytest.mark.django_db
def test_the_whole_round_from_self_inspection_to_an_approved_grade(
    client, world, period, django_capture_on_commit_callbacks
):
    login(client, world, "officer_a")
    assessment = start(client, world, period)
    ids = score_ids(assessment)
    assert set(ids) == {"assembly", "dues"}  # the computed coverage is not scored by people

    url = reverse("standards:self_inspection", args=[assessment.pk])
    response = client.post(
        url, {f"self_points_{ids['dues']}": "45", "submit": "1", **opened(assessment)}
    )
    assert response.context["form"].errors[f"self_points_{ids['dues']}"] == ["不能超过满分 40 分。"]
    response = client.post(
        url, {f"evidence_{ids['assembly']}": "会议记录", "submit": "1", **opened(assessment)}
    )
    assert response.context["form"].errors[f"self_points_{ids['dues']}"] == ["提交前请填写自评分。"]
    assessment.refresh_from_db()
    assert assessment.status == "draft"

    response = client.post(
        url, {f"self_points_{ids['dues']}": "38", "submit": "1", **opened(assessment)}
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "submitted"
    # The union cannot inspect itself.
    assert client.get(reverse("standards:inspection", args=[assessment.pk])).status_code == 403

    login(client, world, "cadre_a")
    url = reverse("standards:inspection", args=[assessment.pk])
    response = client.post(
        url,
        {f"points_{ids['assembly']}": "15", f"points_{ids['dues']}": "30", **opened(assessment)},
    )
    errors = response.context["form"].errors
    assert errors[f"reason_{ids['assembly']}"] == ["请注明评分所依据的材料。"]
    assert errors[f"reason_{ids['dues']}"] == ["请说明调整工会自评分的理由。"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                f"points_{ids['assembly']}": "15",
                f"reason_{ids['assembly']}": "查阅会议记录",
                f"points_{ids['dues']}": "30",
                f"reason_{ids['dues']}": "少拨缴两个月",
                **opened(assessment),
            },
        )
    assert response.status_code == 302
    scorecard = Scorecard.objects.get(union=world.unions["A"], period=period)
    assert scorecard.total == 45  # coverage 0 (no enterprises) + 15 + 30
    assert scorecard.final is False
    dues = AssessmentScore.objects.get(pk=ids["dues"])
    assert [h.points for h in dues.history.order_by("history_date")] == [None, None, 30]

    login(client, world, "staff_lt")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("standards:decision", args=[assessment.pk]),
            {"decision": "approve", **opened(assessment)},
        )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == "approved"
    assert Scorecard.objects.get(union=world.unions["A"], period=period).final is True


@pytest.mark.django_db
def test_a_cadre_cannot_inspect_a_union_outside_their_assignment(client, world, period):
    assessment = Assessment.objects.create(
        period=period, union=world.unions["C"], status="submitted"
    )
    login(client, world, "cadre_a")  # assigned to A only
    assert client.get(reverse("standards:inspection", args=[assessment.pk])).status_code == 404
    assert client.post(reverse("standards:inspection", args=[assessment.pk]), {}).status_code == 404


@pytest.mark.django_db
def test_a_second_assessment_for_the_same_period_is_refused(client, world, period):
    login(client, world, "officer_a")
    start(client, world, period)
    response = client.post(
        reverse("standards:assessment_start"),
        {"period": period.pk, "union": world.unions["A"].pk},
    )
    assert response.context["form"].errors["union"] == ["该工会本周期已有考核记录。"]
    assert Assessment.objects.count() == 1


@pytest.mark.django_db
def test_returning_needs_a_comment_and_sends_the_self_inspection_back(client, world, period):
    login(client, world, "officer_a")
    assessment = start(client, world, period)
    ids = score_ids(assessment)
    client.post(
        reverse("standards:self_inspection", args=[assessment.pk]),
        {f"self_points_{ids['dues']}": "40", "submit": "1", **opened(assessment)},
    )
    login(client, world, "cadre_a")
    url = reverse("standards:self_inspection_return", args=[assessment.pk])
    assert client.post(url, {"comment": "", **opened(assessment)}).context["form"].errors["comment"]
    assert (
        client.post(url, {"comment": "请补充经费拨缴凭证", **opened(assessment)}).status_code == 302
    )
    assessment.refresh_from_db()
    assert (assessment.status, assessment.comment) == ("draft", "请补充经费拨缴凭证")


@pytest.mark.django_db
def test_evidence_files_are_checked_and_shown_only_in_scope(client, world, period):
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(client, world, "officer_a")
    assessment = start(client, world, period)
    ids = score_ids(assessment)
    url = reverse("standards:self_inspection", args=[assessment.pk])
    fake = SimpleUploadedFile("凭证.pdf", b"MZ\x90\x00" + b"\x00" * 60)
    response = client.post(url, {f"evidence_file_{ids['dues']}": fake, **opened(assessment)})
    assert response.context["form"].errors[f"evidence_file_{ids['dues']}"] == [
        "该文件不是 PDF 文件，与文件名不符。"
    ]
    assert not AssessmentScore.objects.get(pk=ids["dues"]).evidence_file

    real = SimpleUploadedFile("凭证.pdf", b"%PDF-1.4\n%%EOF\n")
    assert (
        client.post(url, {f"evidence_file_{ids['dues']}": real, **opened(assessment)}).status_code
        == 302
    )
    evidence = reverse("standards:evidence", args=[ids["dues"]])
    login(client, world, "cadre_a")
    response = client.get(evidence)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n%%EOF\n"
    login(client, world, "staff_aw")  # the other industry union
    assert client.get(evidence).status_code == 404


@pytest.mark.django_db
def test_the_inspector_does_not_approve_their_own_inspection(client, world, period):
    assessment = Assessment.objects.create(
        period=period,
        union=world.unions["A"],
        status="inspected",
        inspected_by=world.users["staff_lt"],
    )
    login(client, world, "staff_lt")
    response = client.post(
        reverse("standards:decision", args=[assessment.pk]),
        {"decision": "approve", **opened(assessment)},
    )
    assert response.context["form"].non_field_errors() == [
        "该工会由您本人考核，须由产业工会其他人员审定。"
    ]
    assessment.refresh_from_db()
    assert assessment.status == "inspected"


@pytest.mark.django_db
def test_a_submitted_self_inspection_is_no_longer_offered_as_a_form(client, world, period):
    assessment = Assessment.objects.create(
        period=period, union=world.unions["A"], status="submitted"
    )
    login(client, world, "officer_a")
    page = client.get(reverse("standards:self_inspection", args=[assessment.pk])).content.decode()
    assert 'id="step-closed"' in page and '<form method="post" novalidate' not in page
