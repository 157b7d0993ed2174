"""An overlong username at any sign-in is a form error, never a 500, and nothing is stored.

django-axes records each failed sign-in with its username in a 255-character column:
PostgreSQL refuses a longer one (a 500; run this file on PostgreSQL too) and SQLite
would keep it. Usernames have at most 150 characters, so a longer one is refused before
any sign-in is tried.
"""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from rest_framework.test import APIClient


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


def assert_nothing_stored():
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        assert not model.objects.exists(), model


@pytest.mark.parametrize("length", [151, 256, 100_000])
def test_an_overlong_username_at_the_portal_sign_in_is_a_form_error(db, axes_on, length):
    response = Client(raise_request_exception=False).post(
        "/accounts/login/", {"username": "u" * length, "password": "any-password-1"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "A username has at most 150 characters." in body
    assert 'name="password"' in body
    assert_nothing_stored()


def test_an_overlong_username_at_the_admin_sign_in_is_a_form_error(db, axes_on):
    response = Client(raise_request_exception=False).post(
        "/admin/login/", {"username": "u" * 256, "password": "any-password-1"}
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 254 characters" in response.content.decode()
    assert_nothing_stored()


def test_an_overlong_username_at_the_api_sign_in_is_a_json_400(db, axes_on):
    response = APIClient(raise_request_exception=False).post(
        "/api/v1/auth/login/", {"username": "u" * 256, "password": "x"}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "max_length"
    assert "username" in body["errors"]
    assert_nothing_stored()


def test_the_longest_username_still_counts_towards_the_lockout(db, axes_on):
    longest = "u" * 150
    response = Client().post("/accounts/login/", {"username": longest, "password": "wrong-1"})
    assert "Please enter a correct username and password" in response.content.decode()
    assert AccessAttempt.objects.get().username == longest


def test_a_long_username_still_signs_in(db, axes_on, django_user_model):
    user = django_user_model.objects.create_user("u" * 150, password="right-password-1")
    response = Client().post(
        "/accounts/login/", {"username": user.username, "password": "right-password-1"}
    )
    assert response.status_code == 302
