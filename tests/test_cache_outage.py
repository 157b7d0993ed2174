"""Redis as production uses it (cache and cached_db sessions): down, and up.

With Redis down, pages are still served and signing in still works (sessions fall back to
the database); the sign-in lockout (axes, in the database) still holds; the API's rate
limits, which count in the cache, let requests through.
"""

import uuid

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from rest_framework.test import APIClient

from .redis_helpers import DEAD_REDIS, LIVE_REDIS, redis_answers, redis_cache

PASSWORD = "patient-password-1"  # the `patient` fixture's


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_cache(DEAD_REDIS)
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


@pytest.fixture
def redis_up(settings):
    if not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    # Keys of this test only, removed afterwards: the server may be shared.
    settings.CACHES = redis_cache(LIVE_REDIS, prefix=f"test-{uuid.uuid4().hex}")
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    yield
    cache.delete_pattern("*")


def sign_in(client, username="patient", password=PASSWORD):
    return client.post("/accounts/login/", {"username": username, "password": password})


def api_logins(count):
    client = APIClient()
    return [
        client.post(
            "/api/v1/auth/login/",
            {"username": f"user-{n}", "password": "wrong-password-0"},
            format="json",
        ).status_code
        for n in range(count)
    ]


def login_limit(settings):
    rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["login"]
    assert rate.endswith("/minute")
    return int(rate.split("/")[0])


def test_with_redis_down_patients_sign_in_and_read(redis_down, patient, make_article):
    article = make_article(title="Lupus and muscle pain")
    client = Client()
    assert sign_in(client)["Location"] == "/"
    response = client.get(article.url)
    assert response.status_code == 200
    assert "Lupus and muscle pain" in response.content.decode()
    # The session lives in the database, so the next request still knows the patient.
    assert Session.objects.count() == 1
    assert client.get("/reading-list/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/reading-list/").status_code == 302


def test_with_redis_down_readiness_says_so(redis_down, client, db):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_with_redis_down_the_sign_in_lockout_still_holds(redis_down, patient, settings):
    settings.AXES_ENABLED = True
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, password="wrong-password-0")
    assert sign_in(client).status_code == 429


def test_with_redis_down_the_api_rate_limits_let_requests_through(redis_down, db, settings):
    # Fail open, decided: the lockout above still guards passwords, and refusing every
    # patient because the cache is down would be an outage of its own.
    limit = login_limit(settings)
    assert api_logins(limit + 2) == [401] * (limit + 2)


def test_with_redis_up_sessions_are_cached_in_it(redis_up, patient):
    client = Client()
    sign_in(client)
    session_key = client.cookies["sessionid"].value
    assert cache.get(f"django.contrib.sessions.cached_db{session_key}") is not None
    assert client.get("/reading-list/").status_code == 200


def test_with_redis_up_the_api_rate_limits_hold(redis_up, db, settings):
    limit = login_limit(settings)
    assert api_logins(limit + 1) == [401] * limit + [429]
