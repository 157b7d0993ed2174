"""The access matrix through the API, and the API items of the attack checklist.

users (anonymous, patient, member of a restricting group, editor)
× content (live, draft-only, live with a newer draft, group-restricted, under a restricted
  hub, expired, future, draft condition, expired condition)
× every endpoint (conditions, articles, search, treatments, sync, infobutton, reading list).
A hidden item's title, and the treatments found only on hidden articles, never appear in
any response body.
"""

import json
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from education.models import ReadingRecord
from tests.access_content import (
    HIDDEN_FROM_EVERYONE,
    PUBLIC_TITLES,
    PUBLIC_TREATMENTS,
    RESTRICTED,
    RESTRICTED_TITLES,
    RESTRICTED_TREATMENTS,
)

from .conftest import API_PASSWORD

ICD10 = "2.16.840.1.113883.6.90"
SINCE_EVER = "2000-01-01T00:00:00Z"


@pytest.fixture
def content(access_content):
    return access_content


def hidden_articles(content):
    return [content[key] for key in ("draft", "expired", "future")]


def restricted_articles(content):
    return [content["restricted"], content["child"]]


@pytest.fixture
def users(content, make_api_user):
    return {
        "patient": make_api_user("pat", "Patients"),
        "member": make_api_user("mem", "Patients", "Rheumatology clinic"),
        "editor": make_api_user("ed", "Editors"),
    }


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


@pytest.mark.parametrize("username", ["patient", "member", "editor"])
def test_saving_a_hidden_article_is_the_same_404_as_a_missing_one(
    content, users, api_client_for, username
):
    user = users[username]
    api = api_client_for(user)
    missing = api.post("/api/v1/me/saved/", {"article": 999999}, format="json")
    assert missing.status_code == 404
    hidden = hidden_articles(content)
    if username != "member":
        hidden += restricted_articles(content)
    for page in hidden:
        response = api.post("/api/v1/me/saved/", {"article": page.pk}, format="json")
        assert response.status_code == 404, page.title
        assert response.content == missing.content
    assert not ReadingRecord.objects.filter(user=user).exists()
    live = api.post("/api/v1/me/saved/", {"article": content["live"].pk}, format="json")
    assert live.status_code == 201


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


# Anonymous: 401 JSON everywhere, never a redirect, never content.


def anonymous_requests(content):
    ids = [content[key].pk for key in ("live", "restricted", "draft")]
    requests = [("get", path) for path in every_get(content)]
    requests += [("post", "/api/v1/me/saved/"), ("post", "/api/v1/auth/logout/")]
    requests += [("post", "/api/v1/auth/logout-all/")]
    requests += [("delete", f"/api/v1/me/saved/{pk}/") for pk in ids]
    return requests


def test_anonymous_gets_a_json_401_everywhere(content):
    for method, path in anonymous_requests(content):
        data = {"article": content["live"].pk} if method == "post" else None
        response = getattr(APIClient(), method)(path, data, format="json")
        assert response.status_code == 401, (method, path, response.status_code)
        assert "Location" not in response, path
        assert response["Content-Type"] == "application/json", path
        assert response["WWW-Authenticate"] == "Bearer", path
        body = response.json()
        assert set(body) == {"detail", "code"}, path
        assert body["code"] == "not_authenticated", path
        assert "Lupus" not in response.content.decode()
        assert_no_hidden_text(response.content.decode(), "anonymous", path)
        for text in RESTRICTED:
            assert text not in response.content.decode()
    assert not ReadingRecord.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nope/", "/api/v1/articles/1/nope/", "/api/v1/me/saved/abc/", "/api/v1/articles/abc/"],
)
def test_unknown_api_addresses_are_json_not_a_portal_page(client, content, path):
    for api in (APIClient(), client):
        response = api.get(path)
        assert response.status_code in (401, 404), path
        assert "Location" not in response, path
        assert response["Content-Type"] == "application/json", path
        assert set(response.json()) >= {"detail", "code"}


# Reading lists: each user's own, whatever ids they send.


@pytest.fixture
def two_patients(content, make_api_user, api_client_for):
    a = api_client_for(make_api_user("patient-a", "Patients"))
    b = api_client_for(make_api_user("patient-b", "Patients"))
    return a, b


def test_a_patient_cannot_read_or_delete_anothers_saved_item(content, two_patients):
    a, b = two_patients
    article = content["live"]
    assert b.post("/api/v1/me/saved/", {"article": article.pk}, format="json").status_code == 201
    before = ReadingRecord.objects.get(user=b.user, page=article)

    assert results(a.get("/api/v1/me/saved/")) == []
    for method in ("get", "delete", "put", "patch"):
        response = getattr(a, method)(f"/api/v1/me/saved/{article.pk}/")
        assert response.status_code in (404, 405), method
        assert article.title not in response.content.decode()
    assert a.delete(f"/api/v1/me/saved/{article.pk}/").status_code == 404
    assert a.delete(f"/api/v1/me/saved/{before.pk}/").status_code == 404

    after = ReadingRecord.objects.get(user=b.user, page=article)
    assert (after.pk, after.saved_at) == (before.pk, before.saved_at)
    assert [s["article"]["id"] for s in results(b.get("/api/v1/me/saved/"))] == [article.pk]
    assert not ReadingRecord.objects.filter(user=a.user).exists()


def test_saving_for_another_user_saves_for_yourself(content, two_patients):
    a, b = two_patients
    article = content["live"]
    response = a.post(
        "/api/v1/me/saved/",
        {"article": article.pk, "user": b.user.pk, "user_id": b.user.pk, "saved_at": None},
        format="json",
    )
    assert response.status_code == 201
    assert ReadingRecord.objects.get(page=article).user == a.user
    assert not ReadingRecord.objects.filter(user=b.user).exists()
    assert results(b.get("/api/v1/me/saved/")) == []


def test_saving_twice_keeps_one_row(content, two_patients):
    a, _ = two_patients
    article = content["live"]
    first = a.post("/api/v1/me/saved/", {"article": article.pk}, format="json")
    second = a.post("/api/v1/me/saved/", {"article": article.pk}, format="json")
    assert (first.status_code, second.status_code) == (201, 201)
    assert ReadingRecord.objects.filter(user=a.user, page=article).count() == 1
    assert len(results(a.get("/api/v1/me/saved/"))) == 1


# Tokens: only a live token in the Authorization header signs a request in.


def assert_json_401(response):
    assert response.status_code == 401, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["detail"] and body["code"] in ("not_authenticated", "authentication_failed")


@pytest.fixture
def patient_api(make_api_user, api_client_for):
    return api_client_for(make_api_user("token-user", "Patients"))


@pytest.mark.parametrize("name", ["token", "access_token", "auth_token", "bearer"])
def test_a_token_in_the_query_string_is_refused(patient_api, name):
    assert patient_api.get("/api/v1/me/").status_code == 200
    response = APIClient().get(f"/api/v1/me/?{name}={patient_api.token}")
    assert_json_401(response)
    response = APIClient().get(f"/api/v1/articles/?{name}=Bearer%20{patient_api.token}")
    assert_json_401(response)


@pytest.mark.parametrize(
    "header",
    [
        "Bearer",
        "Bearer ",
        "Bearer not-a-token",
        "Bearer " + "a" * 64,
        "Bearer " + "f" * 5000,
        "Bearer a b",
        "Basic dXNlcjpwYXNz",
        "Bearer \u00e9\u00e9\u00e9",
        "Bearer \x00\x00",
        "bearer",
    ],
)
def test_malformed_tokens_are_json_401s(patient_api, header):
    response = APIClient().get("/api/v1/me/", HTTP_AUTHORIZATION=header)
    assert_json_401(response)
    response = APIClient().post("/api/v1/auth/logout/", HTTP_AUTHORIZATION=header)
    assert_json_401(response)


def test_a_token_with_a_wrong_secret_is_refused(patient_api):
    # Same key prefix (what knox looks the token up by), different secret.
    token = patient_api.token
    forged = token[:15] + ("0" if token[15] != "0" else "1") + token[16:]
    response = APIClient().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {forged}")
    assert_json_401(response)
    assert patient_api.get("/api/v1/me/").status_code == 200


def test_a_token_expires_after_its_time_to_live(patient_api, settings):
    ttl = settings.REST_KNOX["TOKEN_TTL"]
    assert ttl == timedelta(hours=10)
    now = timezone.now()
    with time_machine.travel(now + ttl - timedelta(minutes=1), tick=False):
        assert patient_api.get("/api/v1/me/").status_code == 200
    with time_machine.travel(now + ttl + timedelta(minutes=1), tick=False):
        assert_json_401(patient_api.get("/api/v1/me/"))
        assert_json_401(patient_api.get("/api/v1/articles/"))


def test_a_token_is_revoked_by_logout(patient_api):
    assert patient_api.post("/api/v1/auth/logout/").status_code == 204
    for path in ("/api/v1/me/", "/api/v1/articles/", "/api/v1/me/saved/"):
        assert_json_401(patient_api.get(path))
    assert_json_401(patient_api.post("/api/v1/auth/logout/"))


def test_logout_all_revokes_every_device(patient_api, api_client_for):
    other = api_client_for(patient_api.user)
    assert AuthToken.objects.filter(user=patient_api.user).count() == 2
    assert other.post("/api/v1/auth/logout-all/").status_code == 204
    assert_json_401(patient_api.get("/api/v1/me/"))
    assert_json_401(other.get("/api/v1/me/"))
    assert not AuthToken.objects.filter(user=patient_api.user).exists()


def test_an_inactive_users_token_is_refused(patient_api):
    patient_api.user.is_active = False
    patient_api.user.save()
    assert_json_401(patient_api.get("/api/v1/me/"))
    assert_json_401(patient_api.get("/api/v1/articles/"))


def test_logging_in_gives_a_new_token_each_time_and_keeps_them_hashed(patient_api):
    again = APIClient().post(
        "/api/v1/auth/login/",
        {"username": patient_api.user.username, "password": API_PASSWORD},
        format="json",
    )
    assert again.status_code == 200
    assert again.json()["token"] != patient_api.token
    for stored in AuthToken.objects.filter(user=patient_api.user):
        assert patient_api.token not in (stored.digest, stored.token_key)


# Sign-in: no hint whether an account exists; repeated failures lock out.


def login(username, password, **extra):
    return APIClient().post(
        "/api/v1/auth/login/", {"username": username, "password": password}, format="json", **extra
    )


def test_wrong_password_and_unknown_user_get_the_same_answer(patient_api):
    wrong = login(patient_api.user.username, "not-the-password-1")
    unknown = login("nobody-by-this-name", "not-the-password-1")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.content == unknown.content
    assert wrong.json()["code"] == "invalid_credentials"
    inactive = patient_api.user
    inactive.is_active = False
    inactive.save()
    assert login(inactive.username, API_PASSWORD).content == unknown.content


@pytest.mark.parametrize("username", ["token-user", "nobody-by-this-name"])
def test_repeated_failed_logins_lock_out(patient_api, settings, username):
    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(username, "wrong-password-0").status_code == 401
    locked = login(username, "wrong-password-0")
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert locked.json()["code"] == "locked_out"
    assert username not in locked.content.decode()
    # The right password does not help, from whatever address the client claims.
    for forwarded in ("198.51.100.7", "203.0.113.1, 10.0.0.1"):
        response = login("token-user", API_PASSWORD, HTTP_X_FORWARDED_FOR=forwarded)
        assert response.status_code == 429, forwarded
        assert response.content == locked.content
    # Another username from the same address is locked out too.
    assert login("someone-else", "whatever-1").status_code == 429


def test_changing_forwarded_for_does_not_reset_the_lockout_count(patient_api, settings):
    settings.AXES_ENABLED = True
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(
            "token-user", "wrong-password-0", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}"
        )
        assert response.status_code == 401
    response = login("token-user", "wrong-password-0", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429


def test_the_login_rate_limit_ignores_forwarded_for(make_api_user, settings):
    # Axes is off here: this is the per-address rate limit of the login endpoint.
    make_api_user("token-user", "Patients")
    rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["login"]
    assert rate.endswith("/minute")
    limit = int(rate.split("/")[0])
    statuses = [
        login(f"user-{n}", "wrong-password-0", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(limit + 2)
    ]
    assert statuses == [401] * limit + [429, 429]
    throttled = login("token-user", API_PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "throttled"


# CORS: only listed origins.


def test_cors_from_an_unknown_origin_gets_no_allow_origin(patient_api):
    response = patient_api.get("/api/v1/me/", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    preflight = APIClient().options(
        "/api/v1/me/",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert "Access-Control-Allow-Origin" not in preflight


def test_cors_allows_a_listed_origin(patient_api, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example"]
    allowed = patient_api.get("/api/v1/me/", HTTP_ORIGIN="https://app.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example"
    other = patient_api.get("/api/v1/me/", HTTP_ORIGIN="https://app.example.evil.example")
    assert "Access-Control-Allow-Origin" not in other
    preflight = APIClient().options(
        "/api/v1/articles/",
        HTTP_ORIGIN="https://app.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://app.example"
    assert "authorization" in preflight["Access-Control-Allow-Headers"].lower()


# Parameters: what cannot be honoured is a 400 naming it; hostile input never a 500.


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/articles/?limit=100000", "limit"),
        ("/api/v1/articles/?limit=-1", "limit"),
        ("/api/v1/articles/?offset=-1", "offset"),
        ("/api/v1/conditions/?limit=100000", "limit"),
        ("/api/v1/conditions/?offset=-1", "offset"),
        ("/api/v1/treatments/?limit=-1", "limit"),
        ("/api/v1/treatments/?offset=-1", "offset"),
        ("/api/v1/me/saved/?limit=100000", "limit"),
        ("/api/v1/me/saved/?offset=-1", "offset"),
        ("/api/v1/conditions/?is_autoimmune=maybe", "is_autoimmune"),
        ("/api/v1/conditions/?category=nope", "category"),
        ("/api/v1/conditions/?code=NOPE|M32.9", "code"),
        ("/api/v1/articles/?condition=nope", "condition"),
        ("/api/v1/articles/?condition=secret", "condition"),
        ("/api/v1/articles/?ordering=nope", "ordering"),
        ("/api/v1/articles/?ordering=body", "ordering"),
        ("/api/v1/treatments/?condition=nope", "condition"),
        ("/api/v1/articles/?updated_since=yesterday", "updated_since"),
        ("/api/v1/articles/?updated_since=2026-13-45T00:00:00Z", "updated_since"),
        ("/api/v1/sync/?since=2026-02-30", "since"),
        ("/api/v1/sync/?since=not-a-date", "since"),
        ("/api/v1/sync/", "since"),
        (f"/api/v1/infobutton/?mainSearchCriteria.v.cs={ICD10}", "mainSearchCriteria.v.c"),
        (
            "/api/v1/infobutton/?mainSearchCriteria.v.c=M32.9&mainSearchCriteria.v.cs=1.2.3",
            "mainSearchCriteria.v.cs",
        ),
    ],
)
def test_bad_parameters_are_400s_naming_them(patient_api, path, parameter):
    response = patient_api.get(path)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert parameter in body["errors"]
    assert parameter in body["detail"]
    assert body["code"]


HOSTILE_PATHS = [
    "/api/v1/articles/?q=" + "x" * 20_000,
    "/api/v1/conditions/?q=" + "lupus " * 3_500,
    "/api/v1/articles/?q=%00",
    "/api/v1/articles/?q=lu%00pus",
    "/api/v1/conditions/?q=%00",
    "/api/v1/conditions/?code=%00",
    "/api/v1/conditions/?code=ICD-10-CM|%00",
    "/api/v1/conditions/?category=%00",
    "/api/v1/articles/?condition=%00",
    "/api/v1/articles/?ordering=%00",
    "/api/v1/articles/?updated_since=%00",
    "/api/v1/articles/?limit=%00",
    "/api/v1/treatments/?condition=%00",
    "/api/v1/sync/?since=%00",
    "/api/v1/sync/?since=9999-12-31T23:59:59-23:59",
    "/api/v1/sync/?since=0001-01-01T00:00:00%2B23:59",
    "/api/v1/articles/?updated_since=0001-01-01T00:00:00%2B23:59",
    "/api/v1/conditions/%00/",
    "/api/v1/conditions/lu%00pus/",
    "/api/v1/articles/%00/",
    "/api/v1/articles/99999999999999999999999/",
    "/api/v1/articles/9223372036854775808/",
    "/api/v1/articles/999999999999999999/",
    "/api/v1/articles/-1/",
    f"/api/v1/infobutton/?mainSearchCriteria.v.c=%00&mainSearchCriteria.v.cs={ICD10}",
    f"/api/v1/infobutton/?mainSearchCriteria.v.c=M32.9&mainSearchCriteria.v.cs={ICD10}%00",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_parameters_are_4xx_never_500(patient_api, path):
    response = patient_api.get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)
    assert response["Content-Type"] == "application/json"
    assert {"detail", "code"} <= set(response.json())


@pytest.mark.parametrize(
    "article_id", ["99999999999999999999999", "9223372036854775808", "999999999999999999", "0"]
)
def test_huge_ids_in_saved_deletes_are_404s(patient_api, article_id):
    response = patient_api.delete(f"/api/v1/me/saved/{article_id}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


@pytest.mark.parametrize(
    "data",
    [
        {"article": "\x00"},
        {"article": 99999999999999999999999},
        {"article": -1},
        {"article": [1]},
        {"article": {"id": 1}},
        [{"article": 1}],
        {},
    ],
)
def test_hostile_save_bodies_are_4xx_never_500(patient_api, data):
    response = patient_api.post("/api/v1/me/saved/", data, format="json")
    assert 400 <= response.status_code < 500, (data, response.status_code)
    assert {"detail", "code"} <= set(response.json())
    assert not ReadingRecord.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"username": "\x00", "password": "x"},
        {"username": "token-user\x00", "password": API_PASSWORD},
        {"username": "x" * 10_000, "password": "x"},
        {"username": ["token-user"], "password": API_PASSWORD},
        {"username": "token-user"},
        [],
    ],
)
def test_hostile_login_bodies_are_4xx_never_500(patient_api, data):
    response = APIClient().post("/api/v1/auth/login/", data, format="json")
    assert 400 <= response.status_code < 500, (data, response.status_code)
    assert {"detail", "code"} <= set(response.json())
    assert "token" not in response.json()


def test_a_condition_that_expires_while_the_server_runs_is_refused_at_once(
    patient_api, make_condition
):
    soon = make_condition("soon-gone", "Soon gone condition")
    soon.expire_at = timezone.now() + timedelta(hours=1)
    soon.save()
    assert patient_api.get("/api/v1/treatments/?condition=soon-gone").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        for path in (
            "/api/v1/treatments/?condition=soon-gone",
            "/api/v1/articles/?condition=soon-gone",
        ):
            response = patient_api.get(path)
            assert response.status_code == 400, path
            assert "condition" in response.json()["errors"]
        assert patient_api.get("/api/v1/conditions/soon-gone/").status_code == 404
        assert "Soon gone" not in patient_api.get("/api/v1/conditions/").content.decode()
