"""A patient's reading list is theirs alone: saved, read, and never anyone else's."""

import pytest
from django.contrib.auth.models import User
from django.db import OperationalError, connection
from django.test import Client
from django.utils import timezone

from education.models import ReadingRecord
from tests.two_factor_helpers import pass_second_factor


@pytest.fixture
def article(make_condition, make_article):
    return make_article("Lupus and muscle pain", conditions=[make_condition("lupus", "Lupus")])


@pytest.fixture
def alice(db):
    return User.objects.create_user("alice", "a@example.org", "alice-password-1")


@pytest.fixture
def bob(db):
    return User.objects.create_user("bob", "b@example.org", "bob-password-12")


def act(client, page, action, **extra):
    return client.post(f"/reading-list/{page.pk}/", {"action": action, **extra})


def test_save_read_unsave_through_the_article_page(client, alice, article):
    client.force_login(alice)
    page = client.get(article.url).content.decode()
    assert "Save for later" in page and "Mark as read" in page

    assert act(client, article, "save")["Location"] == article.url
    assert "Remove from reading list" in client.get(article.url).content.decode()
    listing = client.get("/reading-list/").content.decode()
    assert "Lupus and muscle pain" in listing and "Not read yet" in listing

    act(client, article, "read")
    assert "Read" in client.get("/reading-list/").content.decode()
    assert "Mark as not read" in client.get(article.url).content.decode()

    act(client, article, "unsave")
    assert "Lupus and muscle pain" not in client.get("/reading-list/").content.decode()


def test_reading_list_is_newest_first(client, alice, make_article, article):
    other = make_article("Fibromyalgia basics", conditions=[])
    client.force_login(alice)
    act(client, article, "save")
    act(client, other, "save")
    listing = client.get("/reading-list/").content.decode()
    assert listing.index("Fibromyalgia basics") < listing.index("Lupus and muscle pain")


def test_saving_twice_keeps_one_record(client, alice, article):
    client.force_login(alice)
    act(client, article, "save")
    act(client, article, "save")
    assert ReadingRecord.objects.filter(user=alice, page=article).count() == 1


def test_records_are_the_patients_own(client, alice, bob, article):
    ReadingRecord.objects.create(user=bob, page=article, saved_at="2026-01-01T00:00Z")
    client.force_login(alice)
    assert "Lupus and muscle pain" not in client.get("/reading-list/").content.decode()
    # A forged "user" field is ignored: the record is Alice's.
    act(client, article, "save", user=bob.pk)
    act(client, article, "unsave", user=bob.pk)
    assert ReadingRecord.objects.get(user=bob, page=article).saved_at is not None
    assert ReadingRecord.objects.get(user=alice, page=article).saved_at is None


def test_unknown_or_unreadable_article_is_404(client, alice, article, make_article):
    draft = make_article("Draft article", publish=False)
    client.force_login(alice)
    assert act(client, draft, "save").status_code == 404
    assert client.post("/reading-list/999999/", {"action": "save"}).status_code == 404
    assert act(client, article, "delete-everything").status_code == 404
    assert not ReadingRecord.objects.exists()


def test_next_must_stay_on_the_site(client, alice, article):
    client.force_login(alice)
    response = act(client, article, "save", next="https://evil.example/")
    assert response["Location"] == article.url
    assert act(client, article, "read", next="/reading-list/")["Location"] == "/reading-list/"


def test_posting_without_csrf_token_is_refused(alice, article):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    assert act(client, article, "save").status_code == 403
    assert not ReadingRecord.objects.exists()


def test_get_cannot_change_the_reading_list(client, alice, article):
    client.force_login(alice)
    assert client.get(f"/reading-list/{article.pk}/?action=save").status_code == 405


def test_home_shows_continue_reading_and_saved(client, alice, article, make_article):
    other = make_article("Fibromyalgia basics", conditions=[])
    client.force_login(alice)
    client.get(article.url)
    act(client, other, "save")
    home = client.get("/").content.decode()
    continue_section = home.split('id="continue-heading"')[1].split("</section>")[0]
    saved_section = home.split('id="saved-heading"')[1].split("</section>")[0]
    assert "Lupus and muscle pain" in continue_section
    assert "Fibromyalgia basics" in saved_section
    act(client, article, "read")
    assert 'id="continue-heading"' not in client.get("/").content.decode()


def test_editor_preview_leaves_no_reading_record(client, article):
    admin = User.objects.create_superuser("boss", "boss@example.org", "boss-password-1")
    client.force_login(admin)
    pass_second_factor(client, admin)
    revision = article.latest_revision
    response = client.get(f"/admin/pages/{article.pk}/revisions/{revision.pk}/view/")
    assert response.status_code == 200
    assert "Lupus and muscle pain" in response.content.decode()
    assert "Preview: patients cannot see this version" in response.content.decode()
    assert not ReadingRecord.objects.exists()


def test_opening_an_article_is_noted_when_served_not_when_built(rf, alice, article):
    request = rf.get(article.url)
    request.user = alice
    article.get_context(request)
    assert not ReadingRecord.objects.exists()  # building the page writes nothing

    client = Client()
    client.force_login(alice)
    assert client.get(article.url).status_code == 200
    assert ReadingRecord.objects.get(user=alice, page=article).viewed_at is not None


def test_a_visit_that_cannot_be_noted_still_shows_the_article(client, alice, article, caplog):
    ReadingRecord.objects.create(user=alice, page=article, saved_at=timezone.now())

    def refuse_reading_record_writes(execute, sql, params, many, context):
        if sql.startswith('INSERT INTO "education_readingrecord"'):
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    client.force_login(alice)
    with connection.execute_wrapper(refuse_reading_record_writes):
        response = client.get(article.url)
    assert response.status_code == 200
    assert "Lupus and muscle pain" in response.content.decode()
    # The record is still read: the page offers to remove the saved article.
    assert "Remove from reading list" in response.content.decode()
    assert ReadingRecord.objects.get(user=alice, page=article).viewed_at is None
    assert f"Could not note that user {alice.pk} opened page {article.pk}" in caplog.text
