"""Wagtail's userbar on portal pages: for staff, decided at sign-in, so patients' pages ask
for no permissions."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

USERBAR = "<wagtail-userbar"


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    permission_queries = [q for q in queries if "auth_permission" in q["sql"]]
    return response.content.decode(), permission_queries


def test_patients_get_no_userbar_and_no_permission_queries(patient_client, access_content):
    for path in ("/", "/reading-list/", "/search/?q=pain"):
        page, permission_queries = get(patient_client, path)
        assert USERBAR not in page
        assert permission_queries == []


def test_staff_signed_in_get_the_userbar(editor_client, access_content):
    page, _ = get(editor_client, "/")
    assert USERBAR in page


def test_signing_in_to_the_api_starts_no_session(patient):
    client = Client()
    response = client.post(
        "/api/v1/auth/login/",
        {"username": "patient", "password": "patient-password-1"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
