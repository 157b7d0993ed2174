"""What each signed-in user sees through every GET way out of the API.

Patient, group member and editor each get: no hidden or restricted title in any response
body (lists, details, search, treatments, sync, infobutton, reading list, even from records
saved while an article was readable); lists holding exactly the articles, conditions and
treatments the user may read; search finding only readable articles.
"""

import pytest
from django.utils import timezone

from education.models import ReadingRecord

from .helpers import (
    SINCE_EVER,
    assert_no_hidden_text,
    every_get,
    hidden_articles,
    infobutton,
    restricted_articles,
    results,
    visible_titles,
    visible_treatments,
)


@pytest.mark.parametrize("username", ["patient", "member", "editor"])
def test_hidden_titles_never_appear_in_any_response(content, users, api_client_for, username):
    user = users[username]
    api = api_client_for(user)
    # Records made while an article was readable must not leak it later.
    every_article = [
        content[key]
        for key in ("live", "draft", "expired", "future", "newer", "restricted", "child")
    ]
    for page in every_article:
        ReadingRecord.objects.create(user=user, page=page, saved_at=timezone.now())

    for path in every_get(content):
        response = api.get(path)
        assert response.status_code in (200, 400, 404), (path, response.status_code)
        assert response["Content-Type"] == "application/json", path
        assert_no_hidden_text(response.content.decode(), username, path)

    for page in every_article:
        response = api.post("/api/v1/me/saved/", {"article": page.pk}, format="json")
        assert response.status_code in (201, 404), page.title
        assert_no_hidden_text(response.content.decode(), username, f"POST saved {page.title}")


@pytest.mark.parametrize("username", ["patient", "member", "editor"])
def test_lists_hold_exactly_what_the_user_may_read(content, users, api_client_for, username):
    user = users[username]
    api = api_client_for(user)
    titles = visible_titles(username)
    restricted = {page.pk for page in restricted_articles(content)}
    readable = {content["live"].pk, content["newer"].pk}
    if username == "member":
        readable |= restricted

    articles = results(api.get("/api/v1/articles/?limit=100"))
    assert {a["title"] for a in articles} == titles
    assert {a["id"] for a in articles} == readable
    assert {a["title"] for a in results(api.get("/api/v1/articles/?condition=lupus"))} == titles
    assert [c["slug"] for c in results(api.get("/api/v1/conditions/"))] == ["lupus"]
    for article in articles:
        # The draft and expired conditions are dropped from every article.
        assert [c["slug"] for c in article["conditions"]] == ["lupus"]

    treatments = results(api.get("/api/v1/treatments/?limit=100"))
    assert {t["name"] for t in treatments} == visible_treatments(username)
    assert {t["article"]["id"] for t in treatments} == readable
    hydroxy = next(t for t in treatments if t["name"] == "Hydroxychloroquine")
    assert [c["slug"] for c in hydroxy["conditions"]] == ["lupus"]
    for_lupus = results(api.get("/api/v1/treatments/?condition=lupus&limit=100"))
    assert {t["name"] for t in for_lupus} == visible_treatments(username)

    sync = api.get(f"/api/v1/sync/?since={SINCE_EVER}").json()
    assert {item["id"] for item in sync["articles"]["updated"]} == readable
    assert [item["id"] for item in sync["conditions"]["updated"]] == [content["lupus"].pk]

    feed = api.get(infobutton("M32.9")).json()["feed"]
    assert [e["title"]["_value"] for e in feed["entry"]] == ["Lupus", *sorted(titles)]
    for code in ("M33.90", "M34.9"):
        assert api.get(infobutton(code)).json()["feed"]["entry"] == []

    for page in [*hidden_articles(content), *restricted_articles(content), content["live"]]:
        ReadingRecord.objects.create(user=user, page=page, saved_at=timezone.now())
    saved = results(api.get("/api/v1/me/saved/"))
    expected = {content["live"].pk} | (restricted if username == "member" else set())
    assert {s["article"]["id"] for s in saved} == expected


@pytest.mark.parametrize("username", ["patient", "member", "editor"])
def test_search_finds_only_readable_articles(content, users, api_client_for, username):
    api = api_client_for(users[username])
    member = username == "member"

    def found(word):
        return {a["title"] for a in results(api.get(f"/api/v1/articles/?q={word}"))}

    assert found("lupus") == visible_titles(username)
    assert found("published") == {"Published title"}
    assert found("members") == ({"Members only biologics guide"} if member else set())
    assert found("clinic") == ({"Clinic hub child article"} if member else set())
    for word in ("draft", "expired", "future", "scheduled", "unreviewed"):
        assert found(word) == set(), word
    conditions = {c["slug"] for c in results(api.get("/api/v1/conditions/?q=condition"))}
    assert conditions == set()
    assert {c["slug"] for c in results(api.get("/api/v1/conditions/?q=lupus"))} == {"lupus"}
