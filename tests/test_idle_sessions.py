"""Idle sessions end after the session age, but pages do not write the session each time."""

from datetime import timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

PASSWORD = "patient-password-1"  # the `patient` fixture's


def session_writes(client, path="/reading-list/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [
        q["sql"]
        for q in queries
        if q["sql"].startswith(("UPDATE", "INSERT")) and "django_session" in q["sql"]
    ]


def test_pages_within_the_refresh_interval_leave_the_session_alone(client, patient, settings):
    with time_machine.travel("2026-01-01 09:00", tick=False) as traveller:
        client.post("/accounts/login/", {"username": "patient", "password": PASSWORD})
        assert session_writes(client) == []
        traveller.shift(timedelta(seconds=settings.SESSION_REFRESH_SECONDS - 1))
        assert session_writes(client) == []
        traveller.shift(timedelta(seconds=1))
        assert len(session_writes(client)) == 1
        assert session_writes(client) == []


def test_activity_keeps_the_session_and_idleness_ends_it(client, patient, settings):
    age, refresh = settings.SESSION_COOKIE_AGE, settings.SESSION_REFRESH_SECONDS
    with time_machine.travel("2026-01-01 09:00", tick=False) as traveller:
        client.post("/accounts/login/", {"username": "patient", "password": PASSWORD})
        # Active every interval for twice the age: never signed out.
        for _ in range(2 * age // refresh):
            traveller.shift(timedelta(seconds=refresh))
            assert client.get("/reading-list/").status_code == 200
        # Idle for the age less the interval, at most: still signed in...
        traveller.shift(timedelta(seconds=age - refresh - 1))
        assert client.get("/reading-list/").status_code == 200
        # ...but idle for the whole age: signed out.
        traveller.shift(timedelta(seconds=age + 1))
        assert client.get("/reading-list/").status_code == 302


def test_visitors_without_a_session_get_none(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
