"""CORS on the API: only listed origins get an Access-Control-Allow-Origin."""

from rest_framework.test import APIClient


def test_cors_from_an_unknown_origin_gets_no_allow_origin(patient_api):
    response = patient_api.get("/api/v1/me/", HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    preflight = APIClient().options(
        "/api/v1/me/",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert "Access-Control-Allow-Origin" not in preflight


def test_cors_allows_a_listed_origin(patient_api, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example"]
    allowed = patient_api.get("/api/v1/me/", HTTP_ORIGIN="https://app.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example"
    other = patient_api.get("/api/v1/me/", HTTP_ORIGIN="https://app.example.evil.example")
    assert "Access-Control-Allow-Origin" not in other
    preflight = APIClient().options(
        "/api/v1/articles/",
        HTTP_ORIGIN="https://app.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization",
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://app.example"
    assert "authorization" in preflight["Access-Control-Allow-Headers"].lower()
