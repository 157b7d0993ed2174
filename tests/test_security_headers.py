"""The Content-Security-Policy: on every response, with no source but this site.

The browser tests (tests/browser/test_content_security_policy.py) show that the pages
work under it; these check the header itself, and that the admin's pages hold no
inline script for it to block.
"""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from knox.models import AuthToken
from rest_framework.test import APIClient

from education.models import ConditionRelation

# Keywords and schemes only: any other source would be a host.
NOT_A_HOST = {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}


def policy(response):
    header = response["Content-Security-Policy"]
    directives = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        directives[name] = sources
    return directives


def assert_from_this_site_only(response, admin=False):
    directives = policy(response)
    for name, sources in directives.items():
        assert set(sources) <= NOT_A_HOST, (name, sources)
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    if admin:
        assert sorted(directives["style-src"]) == ["'self'", "'unsafe-inline'"]
        assert sorted(directives["img-src"]) == ["'self'", "blob:", "data:"]
    else:
        assert directives["style-src"] == ["'self'"]
        assert directives["img-src"] == ["'self'", "data:"]


def inline_code(response):
    """Inline scripts, styles and event handlers in an HTML page (JSON data is not code)."""
    soup = BeautifulSoup(response.content, "html.parser")
    found = [
        str(script)[:200]
        for script in soup.find_all("script")
        if not script.get("src") and script.get("type") != "application/json"
    ]
    found += [str(style)[:200] for style in soup.find_all("style")]
    found += [
        f"{element.name} {attribute}"
        for element in soup.find_all(True)
        for attribute in element.attrs
        if attribute.startswith("on")
    ]
    return found


@pytest.fixture
def portal_content(home_page, hub, make_condition, make_article):
    lupus = make_condition("lupus", "Lupus")
    return make_article(conditions=[lupus])


@pytest.mark.parametrize(
    "path", ["/", "hub", "article", "/conditions/lupus/", "/search/?q=lupus", "/reading-list/"]
)
def test_portal_pages_are_from_this_site_only_without_inline_code(
    patient_client, portal_content, path
):
    path = {"hub": portal_content.get_parent().url, "article": portal_content.url}.get(path, path)
    response = patient_client.get(path)
    assert response.status_code == 200
    assert_from_this_site_only(response)
    assert inline_code(response) == []
    assert "style=" not in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/accounts/login/", "/accounts/password_reset/", "/no-such-page/"]
)
def test_signed_out_pages_have_the_policy(db, path):
    response = Client().get(path)
    assert_from_this_site_only(response)
    assert inline_code(response) == []


def test_api_answers_may_load_nothing_and_its_docs_have_the_page_policy(patient):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AuthToken.objects.create(patient)[1]}")
    answer = client.get("/api/v1/conditions/")
    not_modified = client.get("/api/v1/conditions/", HTTP_IF_NONE_MATCH=answer["ETag"])
    assert not_modified.status_code == 304
    for response in (
        answer,
        not_modified,
        APIClient().get("/api/v1/conditions/"),
        APIClient().get("/api/v1/schema/"),
        APIClient().get("/api/v1/docs/?script="),
    ):
        assert policy(response) == {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
    assert_from_this_site_only(APIClient().get("/api/v1/docs/"))


def test_admin_pages_have_the_admin_policy(admin_client, portal_content):
    assert_from_this_site_only(Client().get("/admin/login/"), admin=True)
    for path in ("/admin/", f"/admin/pages/{portal_content.id}/edit/"):
        assert_from_this_site_only(admin_client.get(path), admin=True)


def test_previews_may_be_framed_by_this_site_only(admin_client, portal_content, make_condition):
    condition = make_condition("fibromyalgia", "Fibromyalgia")
    for path in (
        f"/admin/pages/{portal_content.id}/edit/preview/?in_preview_panel=true",
        f"/admin/snippets/education/condition/preview/{condition.pk}/?in_preview_panel=true",
    ):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        directives = policy(response)
        assert directives["frame-ancestors"] == ["'self'"], path
        assert directives["script-src"] == ["'self'"]
    # The editor around the preview may not be framed at all.
    editor = admin_client.get(f"/admin/pages/{portal_content.id}/edit/")
    assert editor["X-Frame-Options"] == "DENY"
    assert policy(editor)["frame-ancestors"] == ["'none'"]


@pytest.fixture
def admin_content(portal_content, make_condition):
    lupus = portal_content.conditions.get()
    related = make_condition("fibromyalgia", "Fibromyalgia")
    ConditionRelation.objects.create(condition=lupus, related=related)
    return {"article": portal_content, "hub": portal_content.get_parent(), "condition": lupus}


def initialisers(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        element["data-inline-script-call-value"]
        for element in soup.find_all(attrs={"data-controller": "inline-script"})
    ]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        # Date filters, date and time pickers, choosers, inline panels.
        ("/admin/pages/{hub.id}/", {"initDateChooser"}),
        ("/admin/pages/{article.id}/edit/", {"initDateTimeChooser"}),
        ("/admin/pages/add/education/educationpage/{hub.id}/", {"initDateTimeChooser"}),
        ("/admin/pages/{article.id}/copy/", {"PageChooser"}),
        (
            "/admin/snippets/education/condition/edit/{condition.pk}/",
            {"InlinePanel", "SnippetChooser"},
        ),
        ("/admin/snippets/education/condition/add/", {"InlinePanel", "SnippetChooser"}),
        ("/admin/reports/aging-pages/", {"initDateChooser"}),
        ("/admin/redirects/add/", {"PageChooser"}),
        ("/admin/workflows/add/", {"InlinePanel", "PageChooser", "createTaskChooser"}),
    ],
)
def test_admin_pages_start_their_widgets_without_inline_scripts(
    admin_client, admin_content, path, expected
):
    response = admin_client.get(path.format(**admin_content))
    assert response.status_code == 200
    assert [code for code in inline_code(response) if "<script" in code] == []
    assert expected <= set(initialisers(response))
    assert "/static/js/admin_scripts.js" in response.content.decode()
