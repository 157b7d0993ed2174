"""Shared helpers for the API tests: users, and clients signed in the way an app signs in."""

import pytest
from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient

API_PASSWORD = "api-user-password-1"
# A cached answer is served only to a token that still exists: one query, on every hit.
TOKEN_CHECK = 1


@pytest.fixture
def make_api_user(db):
    """A user with API_PASSWORD, in the named groups (created if missing)."""

    def make(username, *groups, **fields):
        user = User.objects.create_user(username, f"{username}@example.org", API_PASSWORD, **fields)
        for name in groups:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        return user

    return make


@pytest.fixture
def api_client_for(db):
    """A DRF APIClient holding a fresh token from POST /api/v1/auth/login/.

    The token is on `client.token` and the user on `client.user`.
    """

    def client_for(user, password=API_PASSWORD):
        client = APIClient()
        response = client.post(
            "/api/v1/auth/login/",
            {"username": user.username, "password": password},
            format="json",
        )
        assert response.status_code == 200, response.content
        client.token = response.json()["token"]
        client.user = user
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {client.token}")
        return client

    return client_for
