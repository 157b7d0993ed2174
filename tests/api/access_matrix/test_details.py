"""Single articles and conditions through the API.

A hidden article or condition is the same 404 as a missing one; a group member reads the
restricted articles; a live article with a newer draft shows only its published version;
an article's body drops draft and expired conditions.
"""

import json

import pytest

from tests.access_content import RESTRICTED_TITLES

from .helpers import hidden_articles, infobutton, restricted_articles, results


@pytest.mark.parametrize("username", ["patient", "member", "editor"])
def test_hidden_article_detail_is_the_same_404_as_a_missing_one(
    content, users, api_client_for, username
):
    api = api_client_for(users[username])
    missing = api.get("/api/v1/articles/999999/")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Not found.", "code": "not_found"}
    hidden = hidden_articles(content)
    if username != "member":
        hidden += restricted_articles(content)
    for page in hidden:
        response = api.get(f"/api/v1/articles/{page.pk}/")
        assert response.status_code == 404, page.title
        assert response.content == missing.content
    for slug in ("secret", "expired-condition"):
        response = api.get(f"/api/v1/conditions/{slug}/")
        assert response.status_code == 404
        assert response.content == api.get("/api/v1/conditions/no-such-thing/").content


def test_group_member_reads_restricted_articles_everywhere(content, users, api_client_for):
    api = api_client_for(users["member"])
    for page in restricted_articles(content):
        detail = api.get(f"/api/v1/articles/{page.pk}/")
        assert detail.status_code == 200
        assert detail.json()["title"] == page.title
        saved = api.post("/api/v1/me/saved/", {"article": page.pk}, format="json")
        assert saved.status_code == 201
    body = json.dumps(api.get(f"/api/v1/articles/{content['restricted'].pk}/").json()["body"])
    assert "Members biologic" in body
    listed = {s["article"]["title"] for s in results(api.get("/api/v1/me/saved/"))}
    assert listed == RESTRICTED_TITLES


def test_live_article_with_a_newer_draft_shows_the_published_version(
    content, users, api_client_for
):
    api = api_client_for(users["patient"])
    newer = content["newer"]
    detail = api.get(f"/api/v1/articles/{newer.pk}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == "Published title"
    body = detail.content.decode()
    assert "Published tonic" in body
    assert "Unreviewed" not in body
    listing = api.get("/api/v1/articles/").content.decode()
    assert "Published title" in listing and "Unreviewed" not in listing
    treatments = api.get("/api/v1/treatments/").content.decode()
    assert "Published tonic" in treatments and "Unreviewed" not in treatments
    feed = api.get(infobutton("M32.9")).content.decode()
    assert "Published title" in feed and "Unreviewed" not in feed


def test_article_body_drops_draft_and_expired_conditions(content, users, api_client_for):
    api = api_client_for(users["patient"])
    body = api.get(f"/api/v1/articles/{content['live'].pk}/").json()["body"]
    listed = next(block for block in body if block["type"] == "condition_list")
    assert [item["condition"]["slug"] for item in listed["value"]["items"]] == ["lupus"]
    given = next(block for block in body if block["type"] == "treatment")
    assert given["value"]["conditions"] == [{"slug": "lupus", "name": "Lupus"}]
