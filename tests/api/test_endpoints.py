"""Contract tests for every API endpoint and filter, against the seed content."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone
from rest_framework.test import APIClient

from education.models import Condition, EducationPage
from tests.loader_helpers import load_reviewed

PASSWORD = "api-patient-pass-1"


@pytest.fixture
def seed(db):
    load_reviewed()
    return EducationPage.objects.get()


@pytest.fixture
def api(seed):
    user = User.objects.create_user("app-user", "app@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Patients"))
    client = APIClient()
    response = client.post(
        "/api/v1/auth/login/", {"username": "app-user", "password": PASSWORD}, format="json"
    )
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}")
    client.user = user
    return client


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_login_returns_a_token_that_expires_in_ten_hours(seed):
    User.objects.create_user("someone", password=PASSWORD)
    before = timezone.now()
    body = (
        APIClient()
        .post("/api/v1/auth/login/", {"username": "someone", "password": PASSWORD}, format="json")
        .json()
    )
    assert set(body) == {"token", "expiry"}
    expiry = timezone.datetime.fromisoformat(body["expiry"].replace("Z", "+00:00"))
    assert timedelta(hours=9, minutes=59) < expiry - before <= timedelta(hours=10, seconds=5)


def test_tokens_are_stored_hashed(api):
    from knox.models import AuthToken

    token = api._credentials["HTTP_AUTHORIZATION"].split()[1]
    stored = AuthToken.objects.get(user=api.user)
    assert token not in (stored.digest, stored.token_key)
    assert stored.digest != token


def test_conditions_list_has_the_five_seed_conditions(api):
    slugs = [c["slug"] for c in results(api.get("/api/v1/conditions/"))]
    assert sorted(slugs) == [
        "fibromyalgia",
        "lupus",
        "myofascial-pain-syndrome",
        "rheumatoid-arthritis",
        "sjogrens-syndrome",
    ]


def test_condition_detail_shape(api):
    response = api.get("/api/v1/conditions/lupus/")
    assert response.status_code == 200
    lupus = response.json()
    assert lupus["name"] == "Lupus"
    assert lupus["is_autoimmune"] is True
    assert lupus["category"] == "autoimmune"
    assert lupus["codes"] == [
        {
            "system": "ICD-10-CM",
            "code": "M32.9",
            "display": "Systemic lupus erythematosus, unspecified",
        }
    ]
    assert lupus["overview"].startswith("<p>")
    assert {"slug", "name", "note"} == set(lupus["related"][0])
    assert lupus["related"][0]["slug"] == "myofascial-pain-syndrome"
    assert all({"title", "url", "publisher"} == set(r) for r in lupus["resources"])
    assert lupus["portal_url"] == "http://testserver/conditions/lupus/"
    assert lupus["api_url"] == "http://testserver/api/v1/conditions/lupus/"
    for key in (
        "summary",
        "nature",
        "causes",
        "relation_to_mps",
        "other_names",
        "last_reviewed",
        "next_review_due",
        "updated_at",
    ):
        assert key in lupus


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("is_autoimmune=true", {"lupus", "rheumatoid-arthritis", "sjogrens-syndrome"}),
        ("is_autoimmune=false", {"fibromyalgia", "myofascial-pain-syndrome"}),
        ("category=widespread-pain", {"fibromyalgia"}),
        ("code=M32.9", {"lupus"}),
        ("code=m32.9", {"lupus"}),
        ("code=ICD-10-CM|M35.00", {"sjogrens-syndrome"}),
        ("code=SNOMED-CT|M35.00", set()),
        ("code=Z99.9", set()),
        ("q=fibromyalgia", {"fibromyalgia"}),
    ],
)
def test_condition_filters(api, query, expected):
    assert {c["slug"] for c in results(api.get(f"/api/v1/conditions/?{query}"))} == expected


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("is_autoimmune=maybe", "is_autoimmune"),
        ("category=nope", "category"),
        ("code=LOINC|123", "code"),
        ("limit=101", "limit"),
        ("limit=0", "limit"),
        ("limit=-1", "limit"),
        ("offset=-1", "offset"),
        ("limit=ten", "limit"),
    ],
)
def test_bad_condition_parameters_are_400s_naming_them(api, query, parameter):
    response = api.get(f"/api/v1/conditions/?{query}")
    assert response.status_code == 400
    body = response.json()
    assert parameter in body["errors"]
    assert parameter in body["detail"]
    assert body["code"]


def test_unknown_condition_is_a_json_404(api):
    response = api.get("/api/v1/conditions/no-such-thing/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def test_articles_list_and_detail(api, seed):
    [article] = results(api.get("/api/v1/articles/"))
    assert article["id"] == seed.pk
    assert article["title"] == seed.title
    assert {c["slug"] for c in article["conditions"]} == {
        "fibromyalgia",
        "lupus",
        "myofascial-pain-syndrome",
        "rheumatoid-arthritis",
        "sjogrens-syndrome",
    }
    assert article["reading_time_minutes"] == seed.reading_time_minutes
    assert article["reading_grade"] == float(seed.reading_grade)
    assert article["portal_url"] == f"http://testserver{seed.url}"
    assert "body" not in article

    detail = api.get(f"/api/v1/articles/{seed.pk}/").json()
    types = [block["type"] for block in detail["body"]]
    for block_type in (
        "heading",
        "paragraph",
        "comparison_table",
        "condition_list",
        "key_points",
        "callout",
        "treatment_plan",
        "resource_links",
    ):
        assert block_type in types
    condition_list = next(b for b in detail["body"] if b["type"] == "condition_list")
    assert all(
        set(item["condition"]) == {"slug", "name"} for item in condition_list["value"]["items"]
    )
    plan = next(b for b in detail["body"] if b["type"] == "treatment_plan")
    treatment = plan["value"]["groups"][0]["treatments"][0]
    assert treatment["conditions"] == [
        {"slug": "myofascial-pain-syndrome", "name": "Myofascial pain syndrome"}
    ]
    paragraph = next(b for b in detail["body"] if b["type"] == "paragraph")
    assert paragraph["value"].startswith("<p>")


def test_article_body_drops_draft_and_deleted_conditions(api, seed):
    lupus = Condition.objects.get(slug="lupus")
    lupus.unpublish()
    Condition.objects.get(slug="fibromyalgia").delete()
    body = api.get(f"/api/v1/articles/{seed.pk}/").json()["body"]
    text = str(body)
    assert "'lupus'" not in text and "'fibromyalgia'" not in text
    assert "'rheumatoid-arthritis'" in text


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("condition=lupus", 1),
        ("condition=lupus&q=trigger", 1),
        ("q=zzzzzzzz", 0),
        ("updated_since=2000-01-01T00:00:00Z", 1),
        ("updated_since=2999-01-01T00:00:00Z", 0),
        ("ordering=-last_published_at", 1),
        ("ordering=title", 1),
    ],
)
def test_article_filters(api, query, count):
    assert len(results(api.get(f"/api/v1/articles/?{query}"))) == count


@pytest.mark.parametrize(
    "query",
    ["condition=nope", "updated_since=yesterday", "ordering=nope", "q=" + "x" * 300],
)
def test_bad_article_parameters_are_400s(api, query):
    response = api.get(f"/api/v1/articles/?{query}")
    assert response.status_code == 400
    assert query.split("=")[0] in response.json()["errors"]


def test_treatments_for_a_condition(api, seed):
    treatments = results(api.get("/api/v1/treatments/?condition=myofascial-pain-syndrome"))
    names = {t["name"] for t in treatments}
    assert "Stretching and strengthening exercises" in names or any(
        "tretch" in name for name in names
    )
    first = treatments[0]
    assert set(first) == {
        "name",
        "category",
        "category_label",
        "description",
        "notes",
        "safety",
        "conditions",
        "article",
    }
    assert first["article"]["id"] == seed.pk
    assert all(
        "myofascial-pain-syndrome" in {c["slug"] for c in t["conditions"]} for t in treatments
    )
    everything = results(api.get("/api/v1/treatments/?limit=100"))
    assert len(everything) > len(treatments)
    assert api.get("/api/v1/treatments/?condition=nope").status_code == 400


def test_sync_reports_updates_and_removals(api, seed):
    start = api.get("/api/v1/sync/?since=2000-01-01T00:00:00Z").json()
    assert [item["id"] for item in start["articles"]["updated"]] == [seed.pk]
    assert len(start["conditions"]["updated"]) == 5
    assert start["articles"]["removed"] == []

    nothing = api.get(f"/api/v1/sync/?since={start['since']}").json()
    assert nothing["articles"] == {"updated": [], "removed": []}
    assert nothing["conditions"] == {"updated": [], "removed": []}

    lupus = Condition.objects.get(slug="lupus")
    lupus.unpublish()
    seed.expire_at = timezone.now() - timedelta(seconds=1)
    seed.save()
    changed = api.get(f"/api/v1/sync/?since={start['since']}").json()
    assert changed["articles"]["removed"] == [seed.pk]
    assert changed["conditions"]["removed"] == [lupus.pk]


def test_sync_needs_a_valid_since(api):
    for query in ("", "?since=not-a-date"):
        response = api.get(f"/api/v1/sync/{query}")
        assert response.status_code == 400
        assert "since" in response.json()["errors"]


def test_me_and_the_reading_list(api, seed):
    assert api.get("/api/v1/me/").json()["username"] == "app-user"
    assert results(api.get("/api/v1/me/saved/")) == []
    created = api.post("/api/v1/me/saved/", {"article": seed.pk}, format="json")
    assert created.status_code == 201
    assert created.json()["article"]["id"] == seed.pk
    assert api.post("/api/v1/me/saved/", {"article": seed.pk}, format="json").status_code == 201
    [saved] = results(api.get("/api/v1/me/saved/"))
    assert saved["article"]["id"] == seed.pk and saved["read_at"] is None
    assert api.delete(f"/api/v1/me/saved/{seed.pk}/").status_code == 204
    assert results(api.get("/api/v1/me/saved/")) == []
    assert api.delete(f"/api/v1/me/saved/{seed.pk}/").status_code == 404
    assert api.post("/api/v1/me/saved/", {"article": 999999}, format="json").status_code == 404
    bad = api.post("/api/v1/me/saved/", {"article": "abc"}, format="json")
    assert bad.status_code == 400 and "article" in bad.json()["errors"]


def test_infobutton_feed_for_a_known_code(api, seed):
    response = api.get(
        "/api/v1/infobutton/?mainSearchCriteria.v.c=M32.9"
        "&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&knowledgeResponseType=application/json"
    )
    feed = response.json()["feed"]
    titles = [entry["title"]["_value"] for entry in feed["entry"]]
    assert titles == ["Lupus", seed.title]
    assert feed["entry"][0]["link"][0]["href"] == "http://testserver/conditions/lupus/"
    assert {"scheme": "mainSearchCriteria.v.c", "term": "M32.9"} in feed["category"]


def test_infobutton_unknown_code_is_an_empty_feed(api):
    response = api.get(
        "/api/v1/infobutton/?mainSearchCriteria.v.c=Z99.9"
        "&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
    )
    assert response.status_code == 200
    assert response.json()["feed"]["entry"] == []


@pytest.mark.parametrize(
    "query",
    [
        "mainSearchCriteria.v.cs=2.16.840.1.113883.6.90",
        "mainSearchCriteria.v.c=M32.9",
        "mainSearchCriteria.v.c=M32.9&mainSearchCriteria.v.cs=1.2.3",
        "mainSearchCriteria.v.c=%3Cscript%3E&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90",
        "mainSearchCriteria.v.c=M32.9&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90"
        "&knowledgeResponseType=text/xml",
    ],
)
def test_infobutton_bad_parameters_are_400(api, query):
    response = api.get(f"/api/v1/infobutton/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"]


def test_conditional_get(api, seed):
    first = api.get(f"/api/v1/articles/{seed.pk}/")
    assert first["Cache-Control"] == "private, no-cache" or "private" in first["Cache-Control"]
    assert "Authorization" in first["Vary"]
    etag, last_modified = first["ETag"], first["Last-Modified"]
    again = api.get(f"/api/v1/articles/{seed.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert (
        api.get(f"/api/v1/articles/{seed.pk}/", HTTP_IF_MODIFIED_SINCE=last_modified).status_code
        == 304
    )
    listing = api.get("/api/v1/articles/")
    assert api.get("/api/v1/articles/", HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304
    seed.title = "A changed title"
    seed.save_revision().publish()
    assert api.get(f"/api/v1/articles/{seed.pk}/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_logout_revokes_only_this_device(api, seed):
    other = APIClient()
    token = other.post(
        "/api/v1/auth/login/", {"username": "app-user", "password": PASSWORD}, format="json"
    ).json()["token"]
    other.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.post("/api/v1/auth/logout/").status_code == 204
    revoked = api.get("/api/v1/me/")
    assert revoked.status_code == 401 and revoked.json()["code"]
    assert other.get("/api/v1/me/").status_code == 200
    assert other.post("/api/v1/auth/logout-all/").status_code == 204
    assert other.get("/api/v1/me/").status_code == 401
