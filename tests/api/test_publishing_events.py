"""Only publishing retires what is cached: drafts, autosaves, revisions and locks leave it.

A cached API answer is served with no query at all; after an editor's draft it still is,
and still shows the published text. After each publishing event (publish, unpublish,
move, delete, privacy, scheduled go-live and expiry), for pages and conditions alike,
the next answer is made afresh and shows the change.
"""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from education.models import EducationIndexPage
from tests.access_content import condition_list
from tests.admin_helpers import (
    CONDITIONS_URL,
    PUBLISH,
    article_form,
    condition_form,
    edit_article_url,
    edit_condition_url,
)

from .conftest import TOKEN_CHECK

pytestmark = pytest.mark.django_db


@pytest.fixture
def lupus(make_condition):
    return make_condition("lupus", "Lupus", summary="An illness of the immune system.")


@pytest.fixture
def article(make_article, lupus):
    return make_article("Lupus and muscle pain", conditions=[lupus])


@pytest.fixture
def reader(make_api_user, api_client_for):
    return api_client_for(make_api_user("reader"))


def answer(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def still_cached(reader, django_assert_num_queries):
    """Asserts that `path` is answered from the cache, as it was before, with no query but
    the token's check."""

    def check(path, before):
        with django_assert_num_queries(TOKEN_CHECK):
            assert answer(reader, path) == before

    return check


def article_path(page):
    return f"/api/v1/articles/{page.pk}/"


# Drafts, autosaves and locks: nothing a patient sees changes, so nothing is retired.


def test_an_article_draft_saved_in_the_admin_keeps_every_cached_answer(
    admin_client, reader, article, still_cached
):
    detail, listing = answer(reader, article_path(article)), answer(reader, "/api/v1/articles/")

    response = admin_client.post(
        edit_article_url(article),
        article_form(text="A draft nobody has approved.", title="A new title in draft"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision().as_object().title == "A new title in draft"
    still_cached(article_path(article), detail)
    still_cached("/api/v1/articles/", listing)


def test_an_autosave_keeps_every_cached_answer(admin_client, reader, article, still_cached):
    detail = answer(reader, article_path(article))

    response = admin_client.post(
        edit_article_url(article),
        article_form(text="Typed a moment ago."),
        HTTP_ACCEPT="application/json",
    )

    assert response.json()["success"] is True
    still_cached(article_path(article), detail)


def test_locking_an_article_keeps_every_cached_answer(admin_client, reader, article, still_cached):
    detail = answer(reader, article_path(article))

    assert admin_client.post(f"/admin/pages/{article.pk}/lock/").status_code == 302

    article.refresh_from_db()
    assert article.locked
    still_cached(article_path(article), detail)


def test_a_condition_draft_and_lock_keep_every_cached_answer(
    admin_client, reader, lupus, article, still_cached
):
    condition, detail = (
        answer(reader, "/api/v1/conditions/lupus/"),
        answer(reader, article_path(article)),
    )

    draft = condition_form(summary="A draft summary.", name="Lupus", slug="lupus")
    assert admin_client.post(edit_condition_url(lupus), draft).status_code == 302
    assert admin_client.post(f"{CONDITIONS_URL}lock/{lupus.pk}/").status_code == 302

    lupus.refresh_from_db()
    assert lupus.locked
    assert lupus.summary == "An illness of the immune system."
    still_cached("/api/v1/conditions/lupus/", condition)
    still_cached(article_path(article), detail)


def test_a_revision_saved_in_code_keeps_the_cached_answer(reader, article, still_cached):
    detail = answer(reader, article_path(article))

    article.title = "Saved as a revision only"
    article.save_revision()

    still_cached(article_path(article), detail)


# Publishing events: the next answer is made afresh and shows the change.


def test_publishing_an_article_in_the_admin_is_seen_at_once(admin_client, reader, article):
    answer(reader, article_path(article))

    admin_client.post(edit_article_url(article), article_form(title="Lupus, in short") | PUBLISH)

    assert answer(reader, article_path(article))["title"] == "Lupus, in short"


def test_publishing_a_condition_in_the_admin_is_seen_at_once(admin_client, reader, lupus):
    answer(reader, "/api/v1/conditions/lupus/")
    published = condition_form(summary="Now published.", name="Lupus", slug="lupus") | PUBLISH

    assert admin_client.post(edit_condition_url(lupus), published).status_code == 302

    assert answer(reader, "/api/v1/conditions/lupus/")["summary"] == "Now published."


def test_unpublishing_and_deleting_a_condition_are_seen_at_once(
    reader, lupus, make_condition, article
):
    other = make_condition("sjogrens", "Sjögren's")
    answer(reader, "/api/v1/conditions/")
    assert answer(reader, article_path(article))["conditions"][0]["slug"] == "lupus"

    lupus.unpublish()
    assert answer(reader, article_path(article))["conditions"] == []
    other.delete()
    assert answer(reader, "/api/v1/conditions/")["results"] == []


def test_a_privacy_change_is_seen_at_once(reader, article):
    answer(reader, article_path(article))

    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.GROUPS
    )
    assert reader.get(article_path(article)).status_code == 404
    restriction.delete()
    assert reader.get(article_path(article)).status_code == 200


def test_a_page_moved_under_a_restricted_hub_is_seen_at_once(home_page, reader, article):
    clinic = home_page.add_child(instance=EducationIndexPage(title="Clinic", slug="clinic"))
    restriction = PageViewRestriction.objects.create(
        page=clinic, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Clinic staff"))
    answer(reader, article_path(article))

    article.move(clinic, pos="last-child")

    assert reader.get(article_path(article)).status_code == 404


def test_scheduled_go_live_and_expiry_are_seen_when_they_run(settings, reader, make_article):
    settings.EDUCATION_CACHE_SECONDS = 3600
    later = make_article("Flu clinic times", publish=False)
    later.go_live_at = timezone.now() + timedelta(hours=1)
    later.save_revision().publish()  # with a go-live time: scheduled, not live yet
    assert answer(reader, "/api/v1/articles/")["results"] == []

    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        call_command("publish_scheduled")
        titles = [item["title"] for item in answer(reader, "/api/v1/articles/")["results"]]
        assert titles == ["Flu clinic times"]

        later.refresh_from_db()
        later.expire_at = timezone.now() + timedelta(minutes=5)
        later.save_revision().publish()
        assert answer(reader, article_path(later))["title"] == "Flu clinic times"
        with time_machine.travel(timezone.now() + timedelta(minutes=6)):
            call_command("publish_scheduled")
            assert reader.get(article_path(later)).status_code == 404


def test_a_condition_renamed_or_unpublished_leaves_the_kept_body_at_once(reader, lupus, article):
    article.body = [condition_list(lupus)]
    article.save_revision().publish()
    items = answer(reader, article_path(article))["body"][0]["value"]["items"]
    assert [item["condition"] for item in items] == [{"slug": "lupus", "name": "Lupus"}]

    lupus.name = "Systemic lupus erythematosus"
    lupus.save_revision().publish()
    body = answer(reader, article_path(article))["body"]
    assert body[0]["value"]["items"][0]["condition"]["name"] == "Systemic lupus erythematosus"

    lupus.unpublish()
    assert answer(reader, article_path(article))["body"][0]["value"]["items"] == []
