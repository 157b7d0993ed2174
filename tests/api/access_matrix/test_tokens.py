"""Tokens: only a live token in the Authorization header signs a request in.

Tokens in the query string, malformed or forged tokens, expired, revoked and inactive
users' tokens are JSON 401s; each login gives a new token, stored hashed.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient

from ..conftest import API_PASSWORD


def assert_json_401(response):
    assert response.status_code == 401, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["detail"] and body["code"] in ("not_authenticated", "authentication_failed")


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
