"""Logs: one JSON object a line on stderr, each with its request's id (the X-Request-ID header).

Every 5xx is logged with its traceback, a database outage's 503 included; of the request
only its method and path are, never a query string, body, cookie or token.
"""

import io
import json
import logging
import re

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError, connections
from django.test import Client
from knox.models import AuthToken
from rest_framework.test import APIClient

from education.api.views import MeView
from portal.http.logs import JsonLines

NEW_ID = re.compile(r"[0-9a-f]{32}")


def fail(*args, **kwargs):
    raise RuntimeError("something broke")


@pytest.fixture
def log_output():
    """What the stderr handler of the settings' LOGGING writes during the test."""
    [handler] = [h for h in logging.getLogger().handlers if isinstance(h.formatter, JsonLines)]
    written = io.StringIO()
    earlier = handler.setStream(written)
    yield written
    handler.setStream(earlier)


def logged_answers(log_output):
    lines = [json.loads(line) for line in log_output.getvalue().splitlines()]
    return [line for line in lines if line["logger"] == "django.request"]


@pytest.fixture
def signed_in(patient_client):
    patient_client.raise_request_exception = False
    return patient_client


# The request id.


def test_every_answer_carries_a_new_request_id(client, db):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert NEW_ID.fullmatch(first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxy_s_request_id_is_kept_if_it_is_a_short_safe_token(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="edge-42.a_B")
    assert response["X-Request-ID"] == "edge-42.a_B"


@pytest.mark.parametrize(
    "offered", ["x" * 65, "two words", "<script>", "ünïcode", "a\r\nSet-Cookie: x=1", ""]
)
def test_any_other_request_id_is_replaced(client, db, offered):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=offered)
    assert NEW_ID.fullmatch(response["X-Request-ID"])


# Server errors.


def test_a_failing_view_is_logged_with_its_traceback_and_request_id(
    signed_in, log_output, monkeypatch
):
    monkeypatch.setattr("education.features.reading_list.saved_records", fail)
    response = signed_in.get("/reading-list/?q=what-a-patient-searched")
    assert response.status_code == 500
    [line] = logged_answers(log_output)
    assert NEW_ID.fullmatch(line["request_id"])
    assert line["request_id"] == response["X-Request-ID"]
    assert {key: line[key] for key in ("level", "message", "method", "path", "status")} == {
        "level": "ERROR",
        "message": "Internal Server Error: /reading-list/",
        "method": "GET",
        "path": "/reading-list/",
        "status": 500,
    }
    assert line["exception"].startswith("Traceback (most recent call last):")
    assert line["exception"].endswith("RuntimeError: something broke")
    assert "what-a-patient-searched" not in log_output.getvalue()


# A session that fails to load fails again in each middleware that asks for the user on
# the way out: one line for each, all about the same request.


def test_a_failing_middleware_is_logged_with_the_proxy_s_request_id(
    signed_in, log_output, monkeypatch
):
    monkeypatch.setattr(SessionStore, "load", fail)
    response = signed_in.get("/", HTTP_X_REQUEST_ID="edge-7")
    assert response.status_code == 500
    assert response["X-Request-ID"] == "edge-7"
    first, *others = logged_answers(log_output)
    assert {line["request_id"] for line in [first, *others]} == {"edge-7"}
    assert first["exception"].endswith("RuntimeError: something broke")


@pytest.fixture
def database_down(db):
    database = connections["default"]
    database.ensure_connection = refuse_connection
    yield
    # Before the test's transaction is rolled back.
    del database.ensure_connection


def refuse_connection():
    raise OperationalError("connection refused")


def test_the_database_down_is_logged_as_a_503(signed_in, log_output, database_down):
    response = signed_in.get("/")
    assert response.status_code == 503
    first, *others = logged_answers(log_output)
    for line in [first, *others]:
        assert (line["status"], line["request_id"]) == (503, response["X-Request-ID"])
    assert first["exception"].endswith("OperationalError: connection refused")


def test_no_password_token_cookie_or_query_string_is_logged(patient, log_output, monkeypatch):
    monkeypatch.setattr("django.contrib.auth.forms.authenticate", fail)
    monkeypatch.setattr(MeView, "get_object", fail)
    browser = Client(raise_request_exception=False)
    browser.cookies["sessionid"] = "cookie-secret"
    portal = browser.post(
        "/accounts/login/?next=/query-secret/",
        {"username": "patient", "password": "password-secret"},
    )
    _, token = AuthToken.objects.create(patient)
    api = APIClient(raise_request_exception=False)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    me = api.get("/api/v1/me/?q=query-secret")
    assert portal.status_code == me.status_code == 500
    assert [line["path"] for line in logged_answers(log_output)] == [
        "/accounts/login/",
        "/api/v1/me/",
    ]
    written = log_output.getvalue()
    for secret in ("password-secret", token, "cookie-secret", "query-secret"):
        assert secret not in written
