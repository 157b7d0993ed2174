"""API answers come from the cache per audience, and never outlive what editors change."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from education.models import EducationIndexPage
from tests.access_content import condition_list

from .conftest import TOKEN_CHECK

pytestmark = pytest.mark.django_db


@pytest.fixture
def lupus(make_condition):
    return make_condition("lupus", "Lupus")


@pytest.fixture
def article(make_article, lupus):
    return make_article("Lupus and muscle pain", conditions=[lupus])


@pytest.fixture
def reader(make_api_user, api_client_for):
    return api_client_for(make_api_user("reader"))


def detail(client, page):
    return client.get(f"/api/v1/articles/{page.pk}/")


def titles(client):
    response = client.get("/api/v1/articles/")
    assert response.status_code == 200
    return {item["title"] for item in response.json()["results"]}


def test_a_repeated_answer_needs_only_the_token_check(reader, article, django_assert_num_queries):
    first = detail(reader, article)
    with django_assert_num_queries(TOKEN_CHECK):
        second = detail(reader, article)
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Cache-Control"] == first["Cache-Control"]
    assert "Authorization" in second["Vary"]


@pytest.mark.parametrize(
    "path", ["/api/v1/articles/", "/api/v1/conditions/", "/api/v1/conditions/lupus/"]
)
def test_lists_and_conditions_are_cached_too(reader, article, path, django_assert_num_queries):
    first = reader.get(path)
    assert first.status_code == 200
    with django_assert_num_queries(TOKEN_CHECK):
        assert reader.get(path).content == first.content


def test_a_current_copy_gets_304_from_the_cache(reader, article, django_assert_num_queries):
    etag = detail(reader, article)["ETag"]
    with django_assert_num_queries(TOKEN_CHECK):
        response = reader.get(f"/api/v1/articles/{article.pk}/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_the_first_304_also_fills_the_cache(reader, article, django_assert_num_queries):
    etag = detail(reader, article)["ETag"]
    reader.logout()  # a new token: its reader entry is not known yet
    token = reader.post(
        "/api/v1/auth/login/", {"username": "reader", "password": "api-user-password-1"}
    ).json()["token"]
    reader.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert reader.get(f"/api/v1/articles/{article.pk}/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    with django_assert_num_queries(TOKEN_CHECK):
        assert detail(reader, article).status_code == 200


def test_audiences_do_not_share_answers(hub, article, make_article, make_api_user, api_client_for):
    members = Group.objects.create(name="Rheumatology clinic")
    secret = make_article("Members only biologics guide")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    member = api_client_for(make_api_user("member", "Rheumatology clinic"))
    patient = api_client_for(make_api_user("patient"))

    assert "Members only biologics guide" in titles(member)
    assert titles(patient) == {"Lupus and muscle pain"}
    assert detail(patient, secret).status_code == 404
    assert detail(member, secret).status_code == 200
    assert detail(patient, secret).status_code == 404


def test_a_new_revision_is_seen_at_once(reader, article):
    assert titles(reader) == {"Lupus and muscle pain"}
    detail(reader, article)
    article.title = "Lupus, tiredness and muscle pain"
    article.save_revision().publish()
    assert titles(reader) == {"Lupus, tiredness and muscle pain"}
    assert detail(reader, article).json()["title"] == "Lupus, tiredness and muscle pain"


def test_unpublished_and_deleted_pages_go_at_once(reader, article, make_article):
    other = make_article("Sleep and pain")
    assert titles(reader) == {"Lupus and muscle pain", "Sleep and pain"}
    detail(reader, article)
    detail(reader, other)
    article.unpublish()
    assert detail(reader, article).status_code == 404
    other.delete()
    assert detail(reader, other).status_code == 404
    assert titles(reader) == set()


def test_a_page_moved_under_a_restriction_goes_at_once(home_page, reader, article):
    clinic = home_page.add_child(instance=EducationIndexPage(title="Clinic", slug="clinic"))
    restriction = PageViewRestriction.objects.create(
        page=clinic, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Clinic staff"))
    assert detail(reader, article).status_code == 200
    article.move(clinic, pos="last-child")
    assert detail(reader, article).status_code == 404
    assert titles(reader) == set()


def test_condition_changes_reach_the_articles_that_show_them(
    reader, make_article, make_condition, lupus
):
    article = make_article("Lupus and muscle pain", conditions=[lupus])
    listed = make_article("Conditions that overlap", body=[condition_list(lupus)])
    assert detail(reader, article).json()["conditions"] == [{"slug": "lupus", "name": "Lupus"}]
    assert "Lupus" in detail(reader, listed).content.decode()

    lupus.name = "Systemic lupus erythematosus"
    lupus.save_revision().publish()
    assert detail(reader, article).json()["conditions"][0]["name"] == (
        "Systemic lupus erythematosus"
    )
    assert "Systemic lupus erythematosus" in detail(reader, listed).content.decode()

    lupus.unpublish()
    assert detail(reader, article).json()["conditions"] == []
    assert "Systemic lupus erythematosus" not in detail(reader, listed).content.decode()
    assert reader.get("/api/v1/conditions/lupus/").status_code == 404


def test_a_revoked_token_is_refused_despite_a_cached_answer(reader, article):
    token = reader.token
    assert detail(reader, article).status_code == 200
    assert reader.post("/api/v1/auth/logout/").status_code == 204
    reader.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = detail(reader, article)
    assert response.status_code == 401
    assert "Lupus" not in response.content.decode()


def test_a_deactivated_user_is_refused_despite_a_cached_answer(reader, article):
    assert detail(reader, article).status_code == 200
    reader.user.is_active = False
    reader.user.save()
    assert detail(reader, article).status_code == 401


def test_joining_a_group_opens_its_pages_at_once(make_article, reader):
    members = Group.objects.create(name="Rheumatology clinic")
    secret = make_article("Members only biologics guide")
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    assert detail(reader, secret).status_code == 404
    assert "Members only biologics guide" not in titles(reader)
    reader.user.groups.add(members)
    assert "Members only biologics guide" in titles(reader)
    assert detail(reader, secret).status_code == 200


def test_a_cached_answer_ends_when_the_page_expires(settings, reader, make_article):
    settings.EDUCATION_CACHE_SECONDS = 3600
    expiring = make_article("Winter flu clinic times")
    expiring.expire_at = timezone.now() + timedelta(minutes=10)
    expiring.save_revision().publish()
    assert detail(reader, expiring).status_code == 200
    assert titles(reader) == {"Winter flu clinic times"}
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert detail(reader, expiring).status_code == 404
        assert titles(reader) == set()


def test_an_expired_token_is_refused_despite_a_cached_answer(settings, reader, article):
    assert detail(reader, article).status_code == 200
    with time_machine.travel(timezone.now() + settings.REST_KNOX["TOKEN_TTL"] + timedelta(1)):
        assert detail(reader, article).status_code == 401


def test_no_cache_without_a_token(client, article):
    assert client.get(f"/api/v1/articles/{article.pk}/").status_code == 401


def test_nothing_is_kept_when_caching_is_off(settings, reader, article):
    settings.EDUCATION_CACHE_SECONDS = 0
    detail(reader, article)
    with CaptureQueriesContext(connection) as second:
        assert detail(reader, article).status_code == 200
    assert any("wagtailcore_pageviewrestriction" in q["sql"] for q in second.captured_queries)
    assert any("knox_authtoken" in q["sql"] for q in second.captured_queries)
