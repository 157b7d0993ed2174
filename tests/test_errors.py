"""Failing requests: no traceback, SQL or path; JSON under /api/; 503 with the database down.

CSRF failures too: JSON under /api/, the portal's page elsewhere.
"""

import socket

import pytest
from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.db import OperationalError, connection, connections
from django.http import HttpResponse
from django.test import Client
from django.urls import re_path
from knox.models import AuthToken
from rest_framework.test import APIClient

from education.api.views import MeView

# What a real failure might carry: SQL, a file path, a host. None of it may reach a client.
LEAKY_MESSAGE = (
    f'SELECT "secret" FROM "auth_user" -- {settings.BASE_DIR}/portal/views.py '
    'connection to server at "10.1.2.3", port 5432 failed'
)
NEVER_SHOWN = ["Traceback", "SELECT", str(settings.BASE_DIR), "10.1.2.3", "auth_user"]


def assert_nothing_leaks(response):
    body = response.content.decode()
    for text in NEVER_SHOWN:
        assert text not in body, text


def fail(error_class):
    def raise_error(*args, **kwargs):
        raise error_class(LEAKY_MESSAGE)

    return raise_error


@pytest.fixture
def signed_in(patient_client):
    patient_client.raise_request_exception = False
    return patient_client


@pytest.fixture
def api(patient):
    _, token = AuthToken.objects.create(patient)
    client = APIClient(raise_request_exception=False)
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


# Errors that are bugs: 500, the friendly page or the API's JSON.


def test_a_failing_portal_view_shows_the_friendly_page(signed_in, monkeypatch):
    monkeypatch.setattr("education.features.reading_list.saved_records", fail(RuntimeError))
    response = signed_in.get("/reading-list/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert_nothing_leaks(response)


def test_a_failing_middleware_shows_the_friendly_page(signed_in, monkeypatch):
    monkeypatch.setattr(SessionStore, "load", fail(RuntimeError))
    response = signed_in.get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert_nothing_leaks(response)


def test_a_failing_api_view_answers_json(api, monkeypatch):
    monkeypatch.setattr(MeView, "get_object", fail(RuntimeError))
    response = api.get("/api/v1/me/")
    assert response.status_code == 500
    assert response.json() == {"detail": "A server error occurred.", "code": "server_error"}
    assert_nothing_leaks(response)


def test_a_bad_request_under_the_api_answers_json(db):
    response = APIClient().get("/api/v1/articles/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.json() == {"detail": "Bad request.", "code": "bad_request"}


def test_a_bad_request_in_the_portal_is_a_page(db):
    response = Client().get("/accounts/login/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")


# The database down: a fast 503 with Retry-After, and recovery with no restart.


class DatabaseDown:
    """Every query fails as when PostgreSQL has stopped: the error Django raises on connecting.

    (The in-memory SQLite test database cannot really be closed; on PostgreSQL the last
    test also refuses connections for real.)
    """

    def __init__(self):
        self.database = connections["default"]
        self.database.ensure_connection = fail(OperationalError)

    def end(self):
        self.database.__dict__.pop("ensure_connection", None)


@pytest.fixture
def database_down(db):
    outage = DatabaseDown()
    yield outage
    # Before the test's transaction is rolled back.
    outage.end()


def assert_service_unavailable(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    assert "no-store" in response["Cache-Control"]
    assert_nothing_leaks(response)


def assert_back_shortly_page(response):
    assert_service_unavailable(response)
    assert "We'll be back shortly" in response.content.decode()


def assert_back_shortly_json(response):
    assert_service_unavailable(response)
    assert response.json()["code"] == "service_unavailable"


def test_loading_the_session_with_the_database_down_is_a_calm_503(signed_in, database_down):
    assert_back_shortly_page(signed_in.get("/"))
    assert_back_shortly_page(signed_in.post("/reading-list/1/", {"action": "save"}))
    database_down.end()
    assert signed_in.get("/").status_code == 200


def test_a_view_that_loses_the_database_is_a_calm_503(signed_in, monkeypatch):
    monkeypatch.setattr("education.features.reading_list.saved_records", fail(OperationalError))
    assert_back_shortly_page(signed_in.get("/reading-list/"))


def test_the_api_with_the_database_down_is_a_json_503(api, database_down):
    for path in ("/api/v1/articles/", "/api/v1/me/"):
        assert_back_shortly_json(api.get(path))
    assert_back_shortly_json(
        APIClient(raise_request_exception=False).post(
            "/api/v1/auth/login/", {"username": "patient", "password": "x"}, format="json"
        )
    )
    database_down.end()
    assert api.get("/api/v1/me/").status_code == 200


def test_readiness_says_the_database_is_down(client, database_down):
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"


@pytest.fixture
def closed_port():
    """A local port bound but not listening: connecting to it is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
def test_postgresql_refusing_connections_is_a_503_until_it_is_back(
    django_db_setup, django_db_blocker, closed_port
):
    # Outside the test transaction: the connection really closes and reconnects.
    portal = Client(raise_request_exception=False)
    portal.cookies["sessionid"] = "a" * 32
    api = APIClient(raise_request_exception=False)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {'b' * 64}")
    port = connection.settings_dict["PORT"]
    with django_db_blocker.unblock():
        connection.close()
        connection.settings_dict["PORT"] = closed_port
        try:
            assert_back_shortly_page(portal.get("/"))
            assert_back_shortly_json(api.get("/api/v1/articles/"))
            assert portal.get("/readyz").status_code == 503
        finally:
            connection.close()
            connection.settings_dict["PORT"] = port
        # Back, in the same process: the next request connects again by itself.
        assert portal.get("/readyz").status_code == 200
        assert portal.get("/")["Location"].startswith("/accounts/login/")
        assert api.get("/api/v1/articles/").status_code == 401
        connection.close()


# The database lost while saving the session: Django makes it SessionInterrupted (a 400),
# but it is the same outage.


def refuse_session_writes(error):
    def wrapper(execute, sql, params, many, context):
        if sql.startswith(('UPDATE "django_session"', 'INSERT INTO "django_session"')):
            error(context["cursor"])
        return execute(sql, params, many, context)

    return wrapper


def database_gone(cursor):
    raise OperationalError("server closed the connection unexpectedly")


def session_ended_elsewhere(cursor):
    # Signed out in another tab: the save then updates no row.
    cursor.execute('DELETE FROM "django_session"')


def test_the_database_lost_while_saving_the_session_is_a_calm_503(signed_in, home_page):
    with connection.execute_wrapper(refuse_session_writes(database_gone)):
        # The first request after signing in saves the session (idle_sessions.py).
        assert_back_shortly_page(signed_in.get("/"))


def test_a_session_ended_elsewhere_is_still_a_400(signed_in, home_page):
    with connection.execute_wrapper(refuse_session_writes(session_ended_elsewhere)):
        assert signed_in.get("/").status_code == 400


# CSRF: unknown API addresses are a 404 whatever the method; a CSRF failure under /api/
# is JSON, and the portal's own page elsewhere.


def changes_something(request):
    return HttpResponse("Changed.")


# Every view under /api/ is exempt (DRF's views, which take bearer tokens): this one
# stands for any that might not be.
urlpatterns = [re_path(r"^api/v1/needs-csrf/$", changes_something)]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
@pytest.mark.parametrize("path", ["/api/nothing-here/", "/api/v1/nothing-here/"])
def test_any_method_at_an_unknown_api_address_is_a_json_404(db, method, path):
    client = Client(enforce_csrf_checks=True)
    response = client.generic(method, path, '{"a": 1}', "application/json")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


@pytest.mark.urls(__name__)
def test_a_csrf_failure_under_the_api_is_json(db):
    response = Client(enforce_csrf_checks=True).post("/api/v1/needs-csrf/")
    assert response.status_code == 403
    assert response.json() == {"detail": "CSRF verification failed.", "code": "csrf_failed"}


def test_a_csrf_failure_elsewhere_is_the_portal_page(db):
    response = Client(enforce_csrf_checks=True).post("/accounts/login/", {"username": "x"})
    assert response.status_code == 403
    assert "Please try again" in response.content.decode()
