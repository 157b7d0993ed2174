"""Query parameters and request bodies of the API.

What cannot be honoured is a 400 naming the parameter; hostile input (huge, NUL, malformed
values, ids and bodies) is a JSON 4xx, never a 500; a condition that expires while the
server runs is refused at once.
"""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from rest_framework.test import APIClient

from education.models import ReadingRecord

from ..conftest import API_PASSWORD
from .helpers import ICD10


@pytest.mark.parametrize(
    ("path", "parameter"),
    [
        ("/api/v1/articles/?limit=100000", "limit"),
        ("/api/v1/articles/?limit=-1", "limit"),
        ("/api/v1/articles/?offset=-1", "offset"),
        ("/api/v1/conditions/?limit=100000", "limit"),
        ("/api/v1/conditions/?offset=-1", "offset"),
        ("/api/v1/treatments/?limit=-1", "limit"),
        ("/api/v1/treatments/?offset=-1", "offset"),
        ("/api/v1/me/saved/?limit=100000", "limit"),
        ("/api/v1/me/saved/?offset=-1", "offset"),
        ("/api/v1/conditions/?is_autoimmune=maybe", "is_autoimmune"),
        ("/api/v1/conditions/?category=nope", "category"),
        ("/api/v1/conditions/?code=NOPE|M32.9", "code"),
        ("/api/v1/articles/?condition=nope", "condition"),
        ("/api/v1/articles/?condition=secret", "condition"),
        ("/api/v1/articles/?ordering=nope", "ordering"),
        ("/api/v1/articles/?ordering=body", "ordering"),
        ("/api/v1/treatments/?condition=nope", "condition"),
        ("/api/v1/articles/?updated_since=yesterday", "updated_since"),
        ("/api/v1/articles/?updated_since=2026-13-45T00:00:00Z", "updated_since"),
        ("/api/v1/sync/?since=2026-02-30", "since"),
        ("/api/v1/sync/?since=not-a-date", "since"),
        ("/api/v1/sync/", "since"),
        (f"/api/v1/infobutton/?mainSearchCriteria.v.cs={ICD10}", "mainSearchCriteria.v.c"),
        (
            "/api/v1/infobutton/?mainSearchCriteria.v.c=M32.9&mainSearchCriteria.v.cs=1.2.3",
            "mainSearchCriteria.v.cs",
        ),
    ],
)
def test_bad_parameters_are_400s_naming_them(patient_api, path, parameter):
    response = patient_api.get(path)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert parameter in body["errors"]
    assert parameter in body["detail"]
    assert body["code"]


HOSTILE_PATHS = [
    "/api/v1/articles/?q=" + "x" * 20_000,
    "/api/v1/conditions/?q=" + "lupus " * 3_500,
    "/api/v1/articles/?q=%00",
    "/api/v1/articles/?q=lu%00pus",
    "/api/v1/conditions/?q=%00",
    "/api/v1/conditions/?code=%00",
    "/api/v1/conditions/?code=ICD-10-CM|%00",
    "/api/v1/conditions/?category=%00",
    "/api/v1/articles/?condition=%00",
    "/api/v1/articles/?ordering=%00",
    "/api/v1/articles/?updated_since=%00",
    "/api/v1/articles/?limit=%00",
    "/api/v1/treatments/?condition=%00",
    "/api/v1/sync/?since=%00",
    "/api/v1/sync/?since=9999-12-31T23:59:59-23:59",
    "/api/v1/sync/?since=0001-01-01T00:00:00%2B23:59",
    "/api/v1/articles/?updated_since=0001-01-01T00:00:00%2B23:59",
    "/api/v1/conditions/%00/",
    "/api/v1/conditions/lu%00pus/",
    "/api/v1/articles/%00/",
    "/api/v1/articles/99999999999999999999999/",
    "/api/v1/articles/9223372036854775808/",
    "/api/v1/articles/999999999999999999/",
    "/api/v1/articles/-1/",
    f"/api/v1/infobutton/?mainSearchCriteria.v.c=%00&mainSearchCriteria.v.cs={ICD10}",
    f"/api/v1/infobutton/?mainSearchCriteria.v.c=M32.9&mainSearchCriteria.v.cs={ICD10}%00",
]


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_hostile_parameters_are_4xx_never_500(patient_api, path):
    response = patient_api.get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)
    assert response["Content-Type"] == "application/json"
    assert {"detail", "code"} <= set(response.json())


@pytest.mark.parametrize(
    "article_id", ["99999999999999999999999", "9223372036854775808", "999999999999999999", "0"]
)
def test_huge_ids_in_saved_deletes_are_404s(patient_api, article_id):
    response = patient_api.delete(f"/api/v1/me/saved/{article_id}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


@pytest.mark.parametrize(
    "data",
    [
        {"article": "\x00"},
        {"article": 99999999999999999999999},
        {"article": -1},
        {"article": [1]},
        {"article": {"id": 1}},
        [{"article": 1}],
        {},
    ],
)
def test_hostile_save_bodies_are_4xx_never_500(patient_api, data):
    response = patient_api.post("/api/v1/me/saved/", data, format="json")
    assert 400 <= response.status_code < 500, (data, response.status_code)
    assert {"detail", "code"} <= set(response.json())
    assert not ReadingRecord.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"username": "\x00", "password": "x"},
        {"username": "token-user\x00", "password": API_PASSWORD},
        {"username": "x" * 10_000, "password": "x"},
        {"username": ["token-user"], "password": API_PASSWORD},
        {"username": "token-user"},
        [],
    ],
)
def test_hostile_login_bodies_are_4xx_never_500(patient_api, data):
    response = APIClient().post("/api/v1/auth/login/", data, format="json")
    assert 400 <= response.status_code < 500, (data, response.status_code)
    assert {"detail", "code"} <= set(response.json())
    assert "token" not in response.json()


def test_a_condition_that_expires_while_the_server_runs_is_refused_at_once(
    patient_api, make_condition
):
    soon = make_condition("soon-gone", "Soon gone condition")
    soon.expire_at = timezone.now() + timedelta(hours=1)
    soon.save()
    assert patient_api.get("/api/v1/treatments/?condition=soon-gone").status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=2), tick=False):
        for path in (
            "/api/v1/treatments/?condition=soon-gone",
            "/api/v1/articles/?condition=soon-gone",
        ):
            response = patient_api.get(path)
            assert response.status_code == 400, path
            assert "condition" in response.json()["errors"]
        assert patient_api.get("/api/v1/conditions/soon-gone/").status_code == 404
        assert "Soon gone" not in patient_api.get("/api/v1/conditions/").content.decode()
