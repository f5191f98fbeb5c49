"""The signed scan: checked by content, size-limited, stored privately, served only in scope."""

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from contracts.models import CollectiveContract
from contracts.scans import MAX_SCAN_MB

from ..factories import EnterpriseFactory
from .test_contract_pages import CREATE, data

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
EXE = b"MZ\x90\x00" + b"\x00" * 60


@pytest.fixture
def officer(client, world):
    client.force_login(world.users["officer_a"])
    return client


def upload(name, content, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("contract.pdf", EXE, "该文件不是 PDF 文件，与文件名不符。"),
        ("contract.png", PDF, "该文件不是 PNG 文件，与文件名不符。"),
        ("contract.exe", EXE, "请上传 PDF、PNG 或 JPEG 格式的扫描件。"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused_and_nothing_saved(
    officer, world, settings, name, content, message
):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    response = officer.post(
        CREATE, {**data(world, enterprise), "signed_scan": upload(name, content)}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["signed_scan"] == [message]
    assert not CollectiveContract.objects.exists()
    stored = settings.MEDIA_ROOT / "contracts"
    assert not stored.exists() or not any(stored.rglob("*.*"))


@pytest.mark.django_db
def test_a_scan_over_the_size_limit_is_refused(officer, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    too_big = PDF + b"0" * (MAX_SCAN_MB * 1024 * 1024)
    response = officer.post(
        CREATE, {**data(world, enterprise), "signed_scan": upload("big.pdf", too_big)}
    )
    assert response.context["form"].errors["signed_scan"] == [
        f"扫描件超过 {MAX_SCAN_MB} MB。请降低扫描分辨率后重试。"
    ]
    assert not CollectiveContract.objects.exists()


@pytest.mark.django_db
def test_a_scan_is_stored_outside_the_web_root_and_served_only_in_scope(client, world, settings):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    client.force_login(world.users["officer_a"])
    response = client.post(
        CREATE,
        {**data(world, enterprise), "signed_scan": upload("签字页.png", PNG, "image/png")},
    )
    assert response.status_code == 302
    contract = CollectiveContract.objects.get()
    stored = settings.MEDIA_ROOT / contract.signed_scan.name
    assert stored.read_bytes() == PNG
    assert "签字页" not in contract.signed_scan.name  # a random name, not the uploaded one

    url = reverse("contracts:scan", args=[contract.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Security-Policy"] == "sandbox"
    assert b"".join(response.streaming_content) == PNG

    assert "inline" in response["Content-Disposition"]  # an image opens in the browser
    assert response["Cache-Control"] == "private, no-store"

    client.force_login(world.users["staff_aw"])  # the other industry union
    assert client.get(url).status_code == 404
    client.force_login(world.users["leader_lt"])  # reads the light-textile unions
    assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_editing_a_contract_keeps_its_scan_and_the_history_keeps_the_old_one(
    officer, world, settings
):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    officer.post(CREATE, {**data(world, enterprise), "signed_scan": upload("a.pdf", PDF)})
    contract = CollectiveContract.objects.get()
    first = contract.signed_scan.name
    edit = reverse("contracts:edit", args=[contract.pk])
    renamed = data(world, enterprise, title="改名后的合同", record_version=contract.version)
    assert officer.post(edit, renamed).status_code == 302
    contract.refresh_from_db()
    assert contract.signed_scan.name == first

    response = officer.post(
        edit,
        {
            **data(world, enterprise, record_version=contract.version),
            "signed_scan": upload("b.pdf", PDF),
        },
    )
    assert response.status_code == 302
    contract.refresh_from_db()
    assert contract.signed_scan.name != first
    # The replaced scan stays on disk for the history row that names it.
    assert (settings.MEDIA_ROOT / first).exists()
    assert contract.history.order_by("history_date")[1].signed_scan == first


@pytest.mark.django_db
def test_a_contract_without_a_scan_has_no_scan_page(officer, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    officer.post(CREATE, data(world, enterprise))
    contract = CollectiveContract.objects.get()
    assert officer.get(reverse("contracts:scan", args=[contract.pk])).status_code == 404


@pytest.mark.django_db
def test_a_pdf_downloads_under_the_contract_title_made_safe(officer, world):
    enterprise = EnterpriseFactory(union=world.unions["A"])
    title = "2025/2026 年度工资专项合同"
    officer.post(
        CREATE, {**data(world, enterprise, title=title), "signed_scan": upload("x.pdf", PDF)}
    )
    contract = CollectiveContract.objects.get()
    response = officer.get(reverse("contracts:scan", args=[contract.pk]))
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment")
    assert quote("2025_2026 年度工资专项合同.pdf") in disposition


@pytest.mark.django_db
def test_a_scan_is_not_left_on_disk_when_the_contract_is_not_saved(world, settings):
    from django.core.files.base import ContentFile
    from django.db import IntegrityError

    from contracts.services import contract_save

    enterprise = EnterpriseFactory(union=world.unions["A"])
    contract = CollectiveContract(
        union=world.unions["A"],
        kind="wage",
        title="投票数有误的合同",
        employer_party="企业方",
        signed_scan=ContentFile(PDF, name="scan.pdf"),
    )
    contract.congress_votes_for, contract.congress_votes_total = 10, 5  # refused everywhere
    with pytest.raises(IntegrityError):
        contract_save(actor=None, contract=contract, enterprises=[enterprise])
    scans = settings.MEDIA_ROOT / "contracts" / "scans"
    assert scans.exists() is False or list(scans.iterdir()) == []


@pytest.mark.django_db
def test_a_form_refused_for_another_field_keeps_the_scan_already_chosen(officer, world):
    """The title left empty: the page says so, and names the scan it keeps; the corrected
    form, sent without choosing the file again, saves the contract with that scan."""
    enterprise = EnterpriseFactory(union=world.unions["A"])
    fields = {**data(world, enterprise), "title": ""}
    refused = officer.post(CREATE, {**fields, "signed_scan": upload("签字页.pdf", PDF)})
    assert refused.status_code == 200
    assert "title" in refused.context["form"].errors
    page = refused.content.decode()
    assert "签字页.pdf" in page
    token = refused.context["form"].data["signed_scan__held"]
    assert f'value="{token}"' in page  # carried back by the form

    saved = officer.post(
        CREATE, {**fields, "title": "二〇二六年工资专项集体合同", "signed_scan__held": token}
    )
    assert saved.status_code == 302
    contract = CollectiveContract.objects.get()
    with contract.signed_scan.open("rb") as scan:
        assert scan.read() == PDF


@pytest.mark.django_db
def test_a_held_scan_is_its_users_alone(officer, client, world):
    from cohesion_portal import held_files

    token = held_files.hold(upload("签字页.pdf", PDF), world.users["officer_a"])
    assert held_files.take(token, world.users["officer_a"]).read() == PDF
    assert held_files.take(token, world.users["staff_lt"]) is None
    assert held_files.take(token + "x", world.users["officer_a"]) is None
