"""The words officers use, on the pages: the terms of GLOSSARY.md where the trial found others,
and no "---------" in any choice (全部 in a filter, 请选择 in a form)."""

import pytest
from django.urls import reverse

from ..scoping import BUILDERS
from .test_view_walk import PUBLIC, ROUTES, view_class


def pages_to_open(world):
    """Every page a GET opens: the lists and add pages, and each record's pages of union A."""
    built = {}
    for name, pattern in ROUTES:
        cls = view_class(pattern)
        if name in PUBLIC or cls is None or "get" not in cls.http_method_names:
            continue
        if pattern.pattern.converters:
            if cls.model not in built:
                built[cls.model] = BUILDERS[cls.model](world.deepest["A"])
            yield name, reverse(name, kwargs={"pk": built[cls.model].pk})
        else:
            yield name, reverse(name)


@pytest.mark.django_db
def test_no_choice_reads_dashes_on_any_page(client, world):
    pages = list(pages_to_open(world))  # (the records built once)
    for persona in ("staff_lt", "officer_a"):
        client.force_login(world.users[persona])
        for name, url in pages:
            response = client.get(url)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            assert "---------" not in response.content.decode(), f"{name} for {persona}"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "words"),
    [
        ("contracts:create", ["合同种类", "请选择"]),
        ("contracts:list", ["合同种类", "有效期", ">全部<"]),
        ("unions:member_create", ["姓名"]),
        ("unions:member_list", ["姓名"]),
        ("unions:application_list", ["姓名"]),
    ],
)
def test_the_pages_use_the_glossarys_words(client, world, url_name, words):
    client.force_login(world.users["staff_lt"])
    page = client.get(reverse(url_name)).content.decode()
    for word in words:
        assert word in page, (url_name, word)


@pytest.mark.django_db
def test_a_congress_session_is_held_on_a_date_held_and_a_contracts_term_is_one_range(client, world):
    from ..scoping import congress_of, contract_of

    client.force_login(world.users["officer_a"])
    congress = congress_of(world.unions["A"])
    page = client.get(reverse("contracts:congress_session", args=[congress.pk])).content.decode()
    assert "召开日期" in page and "协商日期" not in page
    contract = contract_of(world.unions["A"])
    detail = client.get(contract.get_absolute_url()).content.decode()
    assert "有效期" in detail and " 至 " in detail
