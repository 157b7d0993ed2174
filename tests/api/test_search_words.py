"""`q` on the content endpoints: search that forgives, as in the portal (names and other
names first, misspellings, prefixes, symptoms, accents); never hidden content; double
quotes searched for as words (SQLite's full-text search fails on a quote left open); an
unusable query a 400 in JSON, never a server error."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.test_search_matching import build_conditions, publish_condition


@pytest.mark.parametrize("typed", ['"sleep', 'lupus "and sleep', '"', 'Á>="PU'])
@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/conditions/"])
def test_quotes_in_q_are_no_error(
    make_condition, make_article, make_api_user, api_client_for, path, typed
):
    lupus = make_condition("lupus", "Lupus")
    make_article("Lupus and sleep", conditions=[lupus])
    api = api_client_for(make_api_user("reader", "Patients"))
    assert api.get(path, {"q": typed}).status_code == 200


@pytest.fixture
def conditions(home_page):
    return build_conditions()


def slugs(response):
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


@pytest.fixture
def api(make_api_user, api_client_for):
    return api_client_for(make_api_user("reader", "Patients"))


@pytest.mark.parametrize(
    "typed, first",
    [
        ("SLE", "lupus"),
        ("RA", "rheumatoid-arthritis"),
        ("lupis", "lupus"),
        ("sjogrens", "sjogrens-syndrome"),
        ("Sjögren", "sjogrens-syndrome"),
        ("fibro", "fibromyalgia"),
        ("fibromyalgia pain treatmnt", "fibromyalgia"),
        ("dry eyes", "sjogrens-syndrome"),
        ("joint pain", "rheumatoid-arthritis"),
    ],
)
def test_conditions_are_found_as_in_the_portal_name_matches_first(conditions, api, typed, first):
    assert slugs(api.get("/api/v1/conditions/", {"q": typed}))[0] == first


def test_two_letters_find_only_the_very_same_word(conditions, api):
    assert slugs(api.get("/api/v1/conditions/", {"q": "RA"})) == ["rheumatoid-arthritis"]


def test_articles_forgive_and_a_given_ordering_wins(conditions, make_article, api):
    lupus = conditions["lupus"]
    make_article("Lupus and sleep", summary="Rest with lupus.", conditions=[lupus])
    make_article("Sleep and lupus flares", summary="Flares at night.", conditions=[lupus])
    make_article("Eating well", summary="Food.", conditions=[lupus])
    found = titles(api.get("/api/v1/articles/", {"q": "lupis sleep"}))
    assert sorted(found) == ["Lupus and sleep", "Sleep and lupus flares"]
    ordered = api.get("/api/v1/articles/", {"q": "lupis sleep", "ordering": "-title"})
    assert titles(ordered) == ["Sleep and lupus flares", "Lupus and sleep"]
    assert titles(api.get("/api/v1/articles/", {"q": "zzzzqqq"})) == []


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/conditions/"])
def test_a_query_over_200_characters_is_a_400_naming_q(api, conditions, path):
    response = api.get(path, {"q": "a" * 201})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "q" in response.content.decode()
    assert api.get(path, {"q": "lupus " * 33 + "xy"}).status_code == 200  # 200 characters


@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/conditions/"])
def test_a_nul_byte_in_q_is_a_400(api, conditions, path):
    response = api.get(f"{path}?q=lu%00pus")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "NUL" in response.content.decode()


def test_hidden_content_is_never_found(
    conditions, make_article, make_api_user, api_client_for, api
):
    publish_condition("secretitis", "Secretitis", ["Hushamatosis"], publish=False)
    lupus = conditions["lupus"]
    restricted = make_article("Members only biologics guide", conditions=[lupus])
    members = Group.objects.create(name="Rheumatology clinic")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    make_article("Moonwalking therapy", conditions=[lupus], publish=False)

    for typed in ["Secretitis", "secretitus", "Hushamatosis"]:
        assert slugs(api.get("/api/v1/conditions/", {"q": typed})) == []
    for typed in ["biologics", "biologcs", "moonwalking", "moonwalkng"]:
        assert titles(api.get("/api/v1/articles/", {"q": typed})) == []
    member = api_client_for(make_api_user("member", "Patients", "Rheumatology clinic"))
    found = titles(member.get("/api/v1/articles/", {"q": "biologcs"}))
    assert found == ["Members only biologics guide"]
