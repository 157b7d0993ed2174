"""Helpers shared by the API access-matrix tests.

The matrix is users (anonymous, patient, member of a restricting group, editor)
× content (live, draft-only, live with a newer draft, group-restricted, under a restricted
  hub, expired, future, draft condition, expired condition)
× every endpoint (conditions, articles, search, treatments, sync, infobutton, reading list).
These helpers name what each user may read and list every GET way out of the API.
"""

from tests.access_content import (
    HIDDEN_FROM_EVERYONE,
    PUBLIC_TITLES,
    PUBLIC_TREATMENTS,
    RESTRICTED,
    RESTRICTED_TITLES,
    RESTRICTED_TREATMENTS,
)

ICD10 = "2.16.840.1.113883.6.90"
SINCE_EVER = "2000-01-01T00:00:00Z"


def hidden_articles(content):
    return [content[key] for key in ("draft", "expired", "future")]


def restricted_articles(content):
    return [content["restricted"], content["child"]]


def visible_titles(username):
    return PUBLIC_TITLES | (RESTRICTED_TITLES if username == "member" else set())


def visible_treatments(username):
    return PUBLIC_TREATMENTS | (RESTRICTED_TREATMENTS if username == "member" else set())


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def infobutton(code):
    return f"/api/v1/infobutton/?mainSearchCriteria.v.c={code}&mainSearchCriteria.v.cs={ICD10}"


def every_get(content):
    """Every GET way out of the API, with every item's address."""
    articles = [
        content[key]
        for key in ("live", "draft", "expired", "future", "newer", "restricted", "child")
    ]
    paths = [
        "/api/v1/me/",
        "/api/v1/me/saved/",
        "/api/v1/conditions/",
        "/api/v1/conditions/?is_autoimmune=true",
        "/api/v1/conditions/?category=autoimmune",
        "/api/v1/conditions/?code=M33.90",
        "/api/v1/conditions/?code=M34.9",
        "/api/v1/conditions/lupus/",
        "/api/v1/conditions/secret/",
        "/api/v1/conditions/expired-condition/",
        "/api/v1/articles/",
        "/api/v1/articles/?condition=lupus",
        "/api/v1/articles/?ordering=-last_published_at&limit=100",
        f"/api/v1/articles/?updated_since={SINCE_EVER}",
        "/api/v1/treatments/",
        "/api/v1/treatments/?condition=lupus",
        "/api/v1/treatments/?condition=secret",
        "/api/v1/treatments/?condition=expired-condition",
        f"/api/v1/sync/?since={SINCE_EVER}",
        infobutton("M32.9"),
        infobutton("M33.90"),
        infobutton("M34.9"),
    ]
    for word in (
        "lupus",
        "article",
        "draft",
        "expired",
        "future",
        "scheduled",
        "unreviewed",
        "published",
        "members",
        "clinic",
        "secret",
        "condition",
    ):
        paths += [f"/api/v1/conditions/?q={word}", f"/api/v1/articles/?q={word}"]
    paths += [f"/api/v1/articles/{article.pk}/" for article in articles]
    return paths


def assert_no_hidden_text(body, username, where):
    for text in HIDDEN_FROM_EVERYONE:
        assert text not in body, (text, where)
    if username != "member":
        for text in RESTRICTED:
            assert text not in body, (text, where)
