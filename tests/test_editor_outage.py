"""An editor who saves while the database is down keeps what they typed: the 503 page
holds their form, to be sent again as it was once the database is back (issue 12)."""

import html
import re

import pytest
from django.conf import settings

from education.models import EducationPage

from .admin_helpers import article_form, edit_article_url
from .test_errors import DatabaseDown

HIDDEN_INPUT = re.compile(r'<input type="hidden" name="([^"]*)" value="([^"]*)">')


def kept_form(page):
    """The action and fields of the 503 page's form, as a browser would send them."""
    action = html.unescape(re.search(r'<form method="post" action="([^"]*)"', page).group(1))
    fields = {}
    for name, value in HIDDEN_INPUT.findall(page):
        fields.setdefault(html.unescape(name), []).append(html.unescape(value))
    return action, fields


def post_while_down(client, path, data):
    client.raise_request_exception = False  # the answer, as a browser would get it
    outage = DatabaseDown()
    try:
        return client.post(path, data)
    finally:
        outage.end()


@pytest.mark.django_db
def test_an_editors_changes_are_kept_and_saved_once_the_database_is_back(
    editor_client, make_article
):
    article = make_article("Lupus and muscle pain")
    typed = 'A long paragraph the editor typed with care, with "quotes" in it.'
    response = post_while_down(editor_client, edit_article_url(article), article_form(typed))

    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    page = response.content.decode()
    assert "Nothing you typed is lost" in page
    action, fields = kept_form(page)
    assert action == edit_article_url(article)

    editor_client.raise_request_exception = True
    again = editor_client.post(action, fields)
    assert again.status_code == 302, again.content[:500]
    draft = EducationPage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert typed in str(draft.body)


@pytest.mark.django_db
def test_passwords_are_not_written_back_into_the_page(client):
    response = post_while_down(
        client, "/admin/login/", {"username": "editor", "password": "a-secret-pass-9"}
    )
    assert response.status_code == 503
    page = response.content.decode()
    assert "a-secret-pass-9" not in page
    assert 'name="username" value="editor"' in page


def test_the_portal_page_offers_no_form(patient_client, home_page):
    response = post_while_down(patient_client, "/reading-list/1/", {"action": "save"})
    assert response.status_code == 503
    assert "<form" not in response.content.decode()
