"""Revoking API tokens: a password changed or reset, an account deactivated, a group left.

Each revokes every token of the user at once, and a cached answer is never served to a
revoked token, even when the cache could not be cleared as it was revoked (Redis paused).
"""

import uuid

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import Client
from knox.models import AuthToken

from ..redis_helpers import DEAD_REDIS, LIVE_REDIS, redis_answers, redis_cache
from .conftest import API_PASSWORD

NEW_PASSWORD = "another-long-pass-7"


@pytest.fixture
def article(make_article):
    return make_article("Lupus and muscle pain")


@pytest.fixture
def patient_user(make_api_user):
    return make_api_user("pat-api", "Patients")


@pytest.fixture
def apps(patient_user, api_client_for):
    """The patient signed in on two devices, each already served a cached answer."""
    return [api_client_for(patient_user), api_client_for(patient_user)]


def detail(client, page):
    return client.get(f"/api/v1/articles/{page.pk}/")


def assert_refused(apps, article):
    for app in apps:
        response = detail(app, article)
        assert response.status_code == 401, response.content
        assert "Lupus" not in response.content.decode()


def cached_answers(apps, article):
    for app in apps:
        assert detail(app, article).status_code == 200
        assert detail(app, article).status_code == 200  # the second from the cache


def portal_client(user, password=API_PASSWORD):
    client = Client()
    assert client.post("/accounts/login/", {"username": user.username, "password": password})[
        "Location"
    ]
    return client


def test_changing_the_password_in_the_portal_revokes_every_token(apps, article, patient_user):
    cached_answers(apps, article)
    response = portal_client(patient_user).post(
        "/accounts/password_change/",
        {
            "old_password": API_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert_refused(apps, article)
    assert not AuthToken.objects.filter(user=patient_user).exists()


def test_resetting_the_password_by_email_revokes_every_token(apps, article, patient_user):
    cached_answers(apps, article)
    client = Client()
    client.post("/accounts/password_reset/", {"email": patient_user.email})
    [message] = mail.outbox
    link = next(line for line in message.body.splitlines() if "/accounts/reset/" in line)
    form_page = client.get(link[link.index("/accounts/reset/") :], follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert_refused(apps, article)


def patients():
    return Group.objects.get(name="Patients")


@pytest.mark.parametrize(
    "revoke",
    [
        pytest.param(lambda user: user.groups.remove(patients()), id="left"),
        pytest.param(lambda user: patients().user_set.clear(), id="cleared"),
        pytest.param(lambda user: patients().delete(), id="group-deleted"),
    ],
)
def test_leaving_a_group_revokes_every_token(apps, article, patient_user, revoke):
    cached_answers(apps, article)
    revoke(patient_user)
    assert_refused(apps, article)


def test_other_changes_to_the_user_keep_their_tokens(apps, article, patient_user, make_api_user):
    cached_answers(apps, article)
    patient_user.first_name = "Pat"
    patient_user.save()
    patient_user.groups.add(Group.objects.create(name="Rheumatology clinic"))
    other = make_api_user("someone-else", "Patients")
    other.set_password(NEW_PASSWORD)
    other.save()
    for app in apps:
        assert detail(app, article).status_code == 200
    assert AuthToken.objects.filter(user=patient_user).count() == 2


@pytest.fixture
def paused_redis(settings):
    """Redis shared by the test, with `pause()` making it unreachable as Redis stopped
    with SIGSTOP would be: writes and deletes fail silently (IGNORE_EXCEPTIONS), and
    `resume()` brings back what it held."""
    if not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"test-{uuid.uuid4().hex}"  # keys of this test only: the server may be shared
    live = redis_cache(LIVE_REDIS, prefix=prefix)
    settings.CACHES = live

    class Pause:
        def pause(self):
            settings.CACHES = redis_cache(DEAD_REDIS, prefix=prefix)

        def resume(self):
            settings.CACHES = live

    yield Pause()
    settings.CACHES = live
    cache.delete_pattern("*")


@pytest.mark.parametrize(
    "revoke",
    [
        pytest.param(lambda apps, user: apps[0].post("/api/v1/auth/logout/"), id="logout"),
        pytest.param(lambda apps, user: apps[0].post("/api/v1/auth/logout-all/"), id="logout-all"),
        pytest.param(lambda apps, user: user.groups.remove(patients()), id="left"),
    ],
)
def test_a_revoked_token_is_refused_though_redis_was_paused(
    apps, article, patient_user, paused_redis, revoke
):
    cached_answers(apps, article)
    paused_redis.pause()
    revoke(apps, patient_user)
    paused_redis.resume()  # still holding the readers and answers of before
    assert detail(apps[0], article).status_code == 401


def test_a_deactivated_users_tokens_are_refused_though_redis_was_paused(
    apps, article, patient_user, paused_redis
):
    cached_answers(apps, article)
    paused_redis.pause()
    patient_user.is_active = False
    patient_user.save()
    paused_redis.resume()
    assert_refused(apps, article)
