"""Sign-in through the API: no hint whether an account exists; repeated failures lock out.

The lockout and the login rate limit ignore whatever X-Forwarded-For the client claims.
"""

import pytest
from rest_framework.test import APIClient

from ..conftest import API_PASSWORD


def login(username, password, **extra):
    return APIClient().post(
        "/api/v1/auth/login/", {"username": username, "password": password}, format="json", **extra
    )


def test_wrong_password_and_unknown_user_get_the_same_answer(patient_api):
    wrong = login(patient_api.user.username, "not-the-password-1")
    unknown = login("nobody-by-this-name", "not-the-password-1")
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.content == unknown.content
    assert wrong.json()["code"] == "invalid_credentials"
    inactive = patient_api.user
    inactive.is_active = False
    inactive.save()
    assert login(inactive.username, API_PASSWORD).content == unknown.content


@pytest.mark.parametrize("username", ["token-user", "nobody-by-this-name"])
def test_repeated_failed_logins_lock_out(patient_api, settings, username):
    settings.AXES_ENABLED = True
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert login(username, "wrong-password-0").status_code == 401
    locked = login(username, "wrong-password-0")
    assert locked.status_code == 429
    assert locked["Content-Type"] == "application/json"
    assert locked.json()["code"] == "locked_out"
    assert username not in locked.content.decode()
    # The right password does not help, from whatever address the client claims.
    for forwarded in ("198.51.100.7", "203.0.113.1, 10.0.0.1"):
        response = login("token-user", API_PASSWORD, HTTP_X_FORWARDED_FOR=forwarded)
        assert response.status_code == 429, forwarded
        assert response.content == locked.content
    # Another username from the same address is locked out too.
    assert login("someone-else", "whatever-1").status_code == 429


def test_changing_forwarded_for_does_not_reset_the_lockout_count(patient_api, settings):
    settings.AXES_ENABLED = True
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = login(
            "token-user", "wrong-password-0", HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}"
        )
        assert response.status_code == 401
    response = login("token-user", "wrong-password-0", HTTP_X_FORWARDED_FOR="198.51.100.99")
    assert response.status_code == 429


def test_the_login_rate_limit_ignores_forwarded_for(make_api_user, settings):
    # Axes is off here: this is the per-address rate limit of the login endpoint.
    make_api_user("token-user", "Patients")
    rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["login"]
    assert rate.endswith("/minute")
    limit = int(rate.split("/")[0])
    statuses = [
        login(f"user-{n}", "wrong-password-0", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(limit + 2)
    ]
    assert statuses == [401] * limit + [429, 429]
    throttled = login("token-user", API_PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert throttled.status_code == 429
    assert throttled.json()["code"] == "throttled"
