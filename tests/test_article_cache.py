"""The article page's body is kept per published revision and its related articles are
cached per audience; neither is ever stale."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from education.models import ArticleBody, Condition
from tests.access_content import condition_list

pytestmark = pytest.mark.django_db


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def reader(username, *groups):
    user = User.objects.create_user(username, password="a-long-password-1")
    for name in ("Patients", *groups):
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def lupus(make_condition):
    return make_condition("lupus", "Lupus")


@pytest.fixture
def article(make_article, lupus):
    return make_article(
        "Lupus and muscle pain",
        body=[paragraph("Rest helps on bad days."), condition_list(lupus)],
        conditions=[lupus],
    )


def text_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def renders_a_body(queries):
    # Its blocks look up the conditions they name.
    return any('"education_condition"."id" IN' in q["sql"] for q in queries.captured_queries)


def test_the_body_is_made_when_published_and_kept_for_every_reader(article):
    kept = ArticleBody.objects.get(page=article)
    assert kept.revision == article.live_revision_id
    for client in (reader("ann"), reader("bob")):
        with CaptureQueriesContext(connection) as queries:
            assert "Rest helps on bad days." in text_of(client, article)
        assert not renders_a_body(queries)


def test_publishing_another_article_keeps_this_body(article, make_article, lupus):
    patient = reader("ann")
    text_of(patient, article)
    make_article("Sleep and lupus", body=[paragraph("Sleep helps.")], conditions=[lupus])
    with CaptureQueriesContext(connection) as queries:
        assert "Sleep and lupus" in text_of(patient, article)  # related articles are new
    assert not renders_a_body(queries)


def test_a_linked_page_renamed_is_linked_at_its_new_address(
    article, make_article, django_capture_on_commit_callbacks
):
    other = make_article("Sleep and lupus")
    article.body = [paragraph(f'See <a linktype="page" id="{other.pk}">sleep</a>.')]
    article.save_revision().publish()
    patient = reader("ann")
    assert f'href="{other.url}"' in text_of(patient, article)
    other.slug = "sleeping-with-lupus"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail tells of it on commit
        other.save_revision().publish()
    other.refresh_from_db()
    assert f'href="{other.url}"' in text_of(patient, article)


def test_a_condition_leaves_the_body_when_it_expires(article, lupus):
    expires = timezone.now() + timedelta(minutes=2)
    Condition.objects.filter(pk=lupus.pk).update(expire_at=expires)
    article.save_revision().publish()  # made while the condition is still live
    patient = reader("ann")
    assert 'href="/conditions/lupus/"' in text_of(patient, article)
    with time_machine.travel(expires + timedelta(minutes=1)):
        assert 'href="/conditions/lupus/"' not in text_of(patient, article)


def test_a_published_change_is_seen_at_once(article):
    patient = reader("ann")
    assert "Rest helps on bad days." in text_of(patient, article)
    article.body = [paragraph("Gentle heat can help too.")]
    article.save_revision().publish()
    page = text_of(patient, article)
    assert "Gentle heat can help too." in page
    assert "Rest helps on bad days." not in page


def test_a_condition_change_is_seen_at_once(article, lupus):
    patient = reader("ann")
    assert "Lupus" in text_of(patient, article)
    lupus.name = "Systemic lupus erythematosus"
    lupus.save_revision().publish()
    assert "Systemic lupus erythematosus" in text_of(patient, article)


def test_related_articles_are_cached_per_audience(article, make_article, lupus):
    secret = make_article("Members only biologics guide", conditions=[lupus])
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Rheumatology clinic"))
    assert "Members only biologics guide" in text_of(reader("mem", "Rheumatology clinic"), article)
    assert "Members only biologics guide" not in text_of(reader("pat"), article)


def test_an_unpublished_related_article_goes_at_once(article, make_article, lupus):
    other = make_article("Sleep and lupus", conditions=[lupus])
    patient = reader("ann")
    assert "Sleep and lupus" in text_of(patient, article)
    other.unpublish()
    assert "Sleep and lupus" not in text_of(patient, article)


def test_a_preview_is_never_cached_nor_served_from_the_cache(article):
    patient = reader("ann")
    assert "Rest helps on bad days." in text_of(patient, article)
    article.body = [paragraph("Draft words for review.")]
    article.save_revision()
    draft = article.get_latest_revision_as_object()
    preview = draft.make_preview_request().content.decode()
    assert "Draft words for review." in preview
    page = text_of(patient, article)
    assert "Rest helps on bad days." in page
    assert "Draft words for review." not in page
