"""The Content-Security-Policy: sent with every page, and no template the portal renders needs
what it refuses (inline script, inline event handlers, javascript: links). The browser side is
tests/e2e/test_content_security_in_the_browser.py."""

import re
from pathlib import Path

import pytest
from django.template import engines
from django.urls import reverse


def directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url_name", ["login", "home"])
def test_every_page_is_sent_with_a_policy_that_runs_only_the_portals_own_scripts(
    client, world, url_name
):
    client.force_login(world.users["staff_lt"])
    policy = directives(client.get(reverse(url_name)))

    assert policy["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval'
    assert policy["default-src"] == ["'self'"]
    assert policy["style-src-elem"] == ["'self'"]  # no <style> element from a page
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_the_admin_is_sent_with_the_policy_too(client, world):
    client.force_login(world.users["superuser"])
    response = client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert directives(response)["script-src"] == ["'self'"]


INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
SCRIPT_URL = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def rendered_templates() -> dict[str, Path]:
    """Every template name the portal can render (its own folders, its apps' and the installed
    packages'), with the file the loaders choose for it: an override in templates/ wins."""
    engine = engines["django"]
    names = set()
    for folder in engine.template_dirs:
        folder = Path(folder)
        names.update(str(p.relative_to(folder)) for p in folder.rglob("*.html"))
    return {name: Path(engine.get_template(name).origin.name) for name in sorted(names)}


def test_no_template_the_portal_renders_has_inline_script_or_handlers():
    templates = rendered_templates()
    assert "admin/change_form.html" in templates  # (the installed packages' are looked at too)
    offending = {
        name: pattern.pattern
        for name, path in templates.items()
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, SCRIPT_URL)
        if pattern.search(path.read_text(encoding="utf-8"))
    }

    assert offending == {}
