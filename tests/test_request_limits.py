"""Hostile input is a 4xx saying what is wrong, never a 500: on the portal, the admin and the API.

Oversized bodies, overlong addresses, thousands of parameters, NUL bytes (which break
PostgreSQL queries: run this file on PostgreSQL too) and deeply nested JSON.
"""

import json

import pytest
from django.test import Client
from knox.models import AuthToken
from rest_framework.test import APIClient

from education.models import ReadingRecord

TEN_MB = 10 * 1024 * 1024
LONG = "x" * 20_000
# Longer than the portal's limit, well within the 8190 bytes gunicorn reads.
LONG_PATH = "x" * 5_000
REPEATED = "&".join(["q"] * 2_000)  # Thousands of parameters within the length limit.
ICD10 = "2.16.840.1.113883.6.90"


@pytest.fixture
def article(home_page, hub, make_condition, make_article):
    return make_article(conditions=[make_condition("lupus", "Lupus")])


@pytest.fixture
def patient_api(patient):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {AuthToken.objects.create(patient)[1]}")
    return client


def assert_refused_page(response, status, text):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert text in response.content.decode()


def assert_api_error(response, status, code=None):
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert {"detail", "code"} <= set(body)
    if code:
        assert body["code"] == code
    return body


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/search/?q=%00", "q"),
        ("/search/?q=lu%00pus", "q"),
        ("{hub}?condition=%00", "condition"),
        ("{hub}?condition=lupus%00", "condition"),
        ("/conditions/lupus/?x%00=1", "x\x00"),
        ("/reading-list/?page=%00", "page"),
    ],
)
def test_nul_in_a_portal_parameter_is_a_400_naming_it(patient_client, article, path, parameter):
    response = patient_client.get(path.format(hub=article.get_parent().url))
    assert_refused_page(response, 400, "must not contain NUL characters (%00)")
    assert f"Parameter {parameter.rstrip(chr(0))}" in response.content.decode()


@pytest.mark.parametrize(
    "path", ["/search%00/", "/conditions/lu%00pus/", "/%00", "/admin/pages/%00/"]
)
def test_nul_in_an_address_is_a_400(patient_client, article, path):
    assert_refused_page(
        patient_client.get(path), 400, "The address must not contain NUL characters"
    )


def test_nul_in_the_sign_in_next_parameter_is_a_400(db):
    response = Client().get("/accounts/login/?next=/reading-list/%00")
    assert_refused_page(response, 400, "Parameter next must not contain NUL characters")


def test_nul_in_an_admin_search_is_a_400(admin_client, article):
    response = admin_client.get("/admin/pages/search/?q=lu%00pus")
    assert_refused_page(response, 400, "Parameter q must not contain NUL characters")


def test_overlong_and_crowded_portal_addresses_are_refused(patient_client, article):
    assert_refused_page(patient_client.get(f"/search/?q={LONG}"), 414, "The address is too long")
    assert_refused_page(patient_client.get(f"/search/?{REPEATED}"), 400, "too many parameters")
    # Ordinary ones still work, bulk actions on a full admin listing included.
    assert "Lupus" in patient_client.get("/search/?q=lupus").content.decode()


def test_admin_bulk_action_addresses_fit(admin_client, article):
    ids = "&".join(f"id={article.id + n}" for n in range(100))
    assert admin_client.get(f"/admin/pages/?{ids}").status_code == 200


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/articles/?q=lu%00pus", "q"),
        ("/api/v1/articles/?condition=%00", "condition"),
        ("/api/v1/articles/?updated_since=2026-01-01T00:00:00Z%00", "updated_since"),
        ("/api/v1/articles/?ordering=title%00", "ordering"),
        ("/api/v1/articles/?limit=%00", "limit"),
        ("/api/v1/conditions/?code=M32.9%00", "code"),
        ("/api/v1/treatments/?condition=%00", "condition"),
        ("/api/v1/sync/?since=%00", "since"),
        (
            f"/api/v1/infobutton/?mainSearchCriteria.v.c=M32.9%00&mainSearchCriteria.v.cs={ICD10}",
            "mainSearchCriteria.v.c",
        ),
        ("/api/v1/docs/?lang=%00", "lang"),
    ],
)
def test_nul_in_an_api_parameter_is_a_json_400_naming_it(patient_api, article, path, parameter):
    body = assert_api_error(patient_api.get(path), 400, "nul_character")
    assert body["detail"] == f"Parameter {parameter} must not contain NUL characters (%00)."


def test_overlong_and_crowded_api_addresses_are_refused(patient_api, article):
    assert_api_error(patient_api.get(f"/api/v1/articles/?q={LONG}"), 414, "query_too_long")
    assert_api_error(patient_api.get(f"/api/v1/conditions/?{REPEATED}"), 400, "too_many_parameters")
    assert patient_api.get("/api/v1/articles/?q=lupus").status_code == 200


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_an_overlong_api_path_is_a_json_414(db, method):
    response = APIClient().generic(method, f"/api/v1/articles/{LONG_PATH}/")
    assert_api_error(response, 414, "path_too_long")


def test_an_overlong_portal_path_is_a_414_page(patient_client, article):
    response = patient_client.get(f"/conditions/{LONG_PATH}/")
    assert_refused_page(response, 414, "The address is too long")
    assert patient_client.get(f"/conditions/{'x' * 2_000}/").status_code == 404


def oversized_json():
    return json.dumps({"username": "x" * TEN_MB, "password": "x", "article": 1})


def deeply_nested_json():
    return '{"article": ' + "[" * 100_000 + "]" * 100_000 + "}"


@pytest.mark.parametrize("path", ["/api/v1/auth/login/", "/api/v1/me/saved/"])
def test_a_10_mb_json_body_is_a_json_413(patient_api, article, path):
    response = patient_api.generic("POST", path, oversized_json(), "application/json")
    body = assert_api_error(response, 413, "request_too_large")
    assert "2048 KB" in body["detail"]
    assert not ReadingRecord.objects.exists()


@pytest.mark.parametrize("path", ["/api/v1/auth/login/", "/api/v1/me/saved/"])
def test_deeply_nested_json_is_a_json_400(patient_api, article, path):
    response = patient_api.generic("POST", path, deeply_nested_json(), "application/json")
    body = assert_api_error(response, 400, "parse_error")
    assert "nested too deeply" in body["detail"]


def test_nul_in_json_bodies_is_a_json_400_naming_the_field(patient, patient_api, article):
    login = APIClient().post(
        "/api/v1/auth/login/", {"username": "patient\x00", "password": "x"}, format="json"
    )
    body = assert_api_error(login, 400)
    assert "Null characters are not allowed." in body["errors"]["username"]
    saved = patient_api.post("/api/v1/me/saved/", {"article": f"{article.id}\x00"}, format="json")
    assert "article" in assert_api_error(saved, 400)["errors"]
    assert not ReadingRecord.objects.exists()


def test_a_10_mb_portal_form_is_a_400(patient_client, article):
    body = "action=save&next=" + "x" * TEN_MB
    for path in (f"/reading-list/{article.id}/", "/accounts/login/"):
        response = patient_client.generic("POST", path, body, "application/x-www-form-urlencoded")
        assert response.status_code == 400, path
    assert not ReadingRecord.objects.exists()
