"""The access matrix: who sees what, through every way out of the portal.

users (anonymous, patient, member of a restricting group, editor)
× content (live, draft-only, live with a newer draft, group-restricted, expired, future,
  draft condition, expired condition)
× ways out (article, hub, condition page, search, home listings, reading list).
A hidden item's title must never appear in any response.
"""

import re

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from education.models import ReadingRecord
from tests.access_content import HIDDEN_FROM_EVERYONE, RESTRICTED

RESTRICTED_TITLE = "Members only biologics guide"


@pytest.fixture
def content(access_content):
    return access_content


def without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def make_user(username, *groups):
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-password-1")
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


@pytest.fixture
def users(content):
    return {
        "patient": make_user("pat", "Patients"),
        "member": make_user("mem", "Patients", "Rheumatology clinic"),
        "editor": make_user("ed", "Editors"),
    }


def every_response(client, content):
    lupus = content["lupus"]
    paths = [
        "/",
        content["hub"].url,
        f"{content['hub'].url}?condition=lupus",
        content["live"].url,
        content["newer"].url,
        lupus.get_absolute_url(),
        "/search/?q=article",
        "/search/?q=lupus",
        "/search/?q=members",
        "/search/?q=expired",
        "/search/?q=secret",
        "/reading-list/",
    ]
    return {path: client.get(path) for path in paths}


@pytest.mark.parametrize("username", ["patient", "member", "editor"])
def test_hidden_titles_never_appear_anywhere(client, content, users, username):
    user = users[username]
    # Records made while content was visible must not leak it later.
    for page in (content["expired"], content["restricted"]):
        ReadingRecord.objects.create(user=user, page=page, saved_at=timezone.now())
    client.force_login(user)
    responses = every_response(client, content)
    for path, response in responses.items():
        assert response.status_code == 200, path
        body = response.content.decode()
        for title in HIDDEN_FROM_EVERYONE:
            assert title not in body, (title, path)
        if username != "member":
            for title in RESTRICTED:
                assert title not in body, (title, path)


def test_group_member_sees_restricted_article_everywhere(client, content, users):
    client.force_login(users["member"])
    assert RESTRICTED_TITLE in client.get(content["restricted"].url).content.decode()
    assert RESTRICTED_TITLE in client.get(content["hub"].url).content.decode()
    assert RESTRICTED_TITLE in client.get("/search/?q=members").content.decode()
    condition_page = client.get("/conditions/lupus/").content.decode()
    assert RESTRICTED_TITLE in condition_page
    assert "Members biologic" in condition_page


@pytest.mark.parametrize("username", ["patient", "editor"])
def test_restricted_article_is_a_plain_404_for_others(client, content, users, username):
    client.force_login(users[username])
    response = client.get(content["restricted"].url)
    assert response.status_code == 404
    assert RESTRICTED_TITLE not in response.content.decode()
    missing = client.get(content["hub"].url + "no-such-article/")
    assert missing.status_code == 404
    assert without_csrf(response) == without_csrf(missing)


@pytest.mark.parametrize("which", ["expired"])
def test_expired_article_is_404_before_publish_scheduled_runs(client, content, users, which):
    client.force_login(users["patient"])
    assert content[which].live  # publish_scheduled has not run
    assert client.get(content[which].url).status_code == 404


def test_live_page_with_newer_draft_shows_published_text(client, content, users):
    client.force_login(users["patient"])
    body = client.get(content["newer"].url).content.decode()
    assert "Published title" in body
    assert "Unreviewed new title" not in body


def test_draft_and_expired_conditions_are_404(client, content, users):
    client.force_login(users["patient"])
    assert client.get("/conditions/secret/").status_code == 404
    assert client.get("/conditions/expired-condition/").status_code == 404
    assert client.get("/conditions/lupus/").status_code == 200


def test_treatments_on_condition_page_come_from_readable_articles(client, content, users):
    client.force_login(users["patient"])
    body = client.get("/conditions/lupus/").content.decode()
    assert "Hydroxychloroquine" in body
    assert "Lupus and muscle pain" in body


@pytest.mark.parametrize("path", ["/", "/search/?q=lupus", "/reading-list/", "/conditions/lupus/"])
def test_anonymous_is_sent_to_sign_in_and_sees_no_content(client, content, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "Lupus" not in response.content.decode()


def test_anonymous_article_and_hub_redirect_to_sign_in(client, content):
    for page in (content["live"], content["hub"], content["restricted"]):
        response = client.get(page.url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")
