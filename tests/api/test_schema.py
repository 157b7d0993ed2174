"""The OpenAPI schema and Swagger UI, and the API checked against its schema by Schemathesis.

The schema is public, valid OpenAPI 3, describes exactly the /api/v1/ endpoints and the
{"detail", "code"} shape of every error. Swagger UI loads from this site only. Schemathesis
then calls every operation (but logout, which would revoke its token) with a patient's
token over the seed content: no answer may be a 500 or differ from the schema.
"""

import io
import json
import re
from urllib.parse import urlsplit

import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.test import APIClient
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.loader_helpers import load_reviewed

SCHEMA_URL = "/api/v1/schema/?format=json"
OPERATIONS = {
    ("/api/v1/auth/login/", "post"),
    ("/api/v1/auth/logout/", "post"),
    ("/api/v1/auth/logout-all/", "post"),
    ("/api/v1/conditions/", "get"),
    ("/api/v1/conditions/{slug}/", "get"),
    ("/api/v1/articles/", "get"),
    ("/api/v1/articles/{id}/", "get"),
    ("/api/v1/treatments/", "get"),
    ("/api/v1/sync/", "get"),
    ("/api/v1/me/", "get"),
    ("/api/v1/me/saved/", "get"),
    ("/api/v1/me/saved/", "post"),
    ("/api/v1/me/saved/{article_id}/", "delete"),
    ("/api/v1/infobutton/", "get"),
}
# The query parameters each operation documents, so a new one is not left undescribed.
PARAMETERS = {
    ("/api/v1/conditions/", "get"): {"is_autoimmune", "category", "code", "q", "limit", "offset"},
    ("/api/v1/articles/", "get"): {
        "condition",
        "q",
        "updated_since",
        "ordering",
        "limit",
        "offset",
    },
    ("/api/v1/treatments/", "get"): {"condition", "limit", "offset"},
    ("/api/v1/sync/", "get"): {"since"},
    ("/api/v1/me/saved/", "get"): {"limit", "offset"},
    ("/api/v1/infobutton/", "get"): {
        "mainSearchCriteria.v.c",
        "mainSearchCriteria.v.cs",
        "mainSearchCriteria.v.dn",
        "knowledgeResponseType",
    },
}


@pytest.fixture
def openapi(db):
    response = APIClient().get(SCHEMA_URL)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return json.loads(response.content)


def operations(openapi):
    for path, methods in openapi["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


def resolve(openapi, schema):
    while "$ref" in schema:
        name = schema["$ref"].removeprefix("#/components/schemas/")
        schema = openapi["components"]["schemas"][name]
    return schema


def test_schema_is_public_openapi_3(openapi, db):
    assert openapi["openapi"].startswith("3.")
    assert openapi["info"]["title"] == "Patient education API"
    by_accept = APIClient().get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert by_accept.status_code == 200
    assert json.loads(by_accept.content)["paths"] == openapi["paths"]


def test_schema_passes_spectacular_validation_without_warnings(db, tmp_path):
    out = tmp_path / "schema.yaml"
    # Raises SchemaGenerationError on any warning, and validates against the OpenAPI spec.
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--file", str(out), stderr=io.StringIO()
    )
    assert out.read_text().startswith("openapi: 3.")


def test_schema_describes_exactly_the_api(openapi):
    described = {(path, method) for path, method, _ in operations(openapi)}
    # Wagtail's admin API and everything outside /api/v1/ stay out of it.
    assert described == OPERATIONS
    for key, names in PARAMETERS.items():
        path, method = key
        parameters = openapi["paths"][path][method].get("parameters", [])
        assert {p["name"] for p in parameters if p["in"] == "query"} == names, key
    for path, method, operation in operations(openapi):
        assert operation.get("description"), (path, method)


def test_every_operation_but_login_needs_the_bearer_token(openapi):
    schemes = openapi["components"]["securitySchemes"]
    assert list(schemes.values()) == [
        {
            "type": "http",
            "scheme": "bearer",
            "description": "The token from POST /api/v1/auth/login/.",
        }
    ]
    [name] = schemes
    for path, method, operation in operations(openapi):
        security = operation.get("security", [])
        if path == "/api/v1/auth/login/":
            assert not any(security), security
        else:
            assert security == [{name: []}], (path, method)


def expected_errors(path, method, operation):
    # A wrong password is a 401 at login; elsewhere no or a bad token is. Any request
    # can meet the database down.
    codes = {"401", "429", "503"}
    if "parameters" in operation and any(p["in"] == "query" for p in operation["parameters"]):
        codes.add("400")
    if "requestBody" in operation:
        codes.add("400")
    if "{" in path or (path, method) == ("/api/v1/me/saved/", "post"):
        codes.add("404")
    return codes


def test_errors_are_documented_in_the_shared_shape(openapi):
    for path, method, operation in operations(openapi):
        errors = {code for code in operation["responses"] if code.startswith(("4", "5"))}
        assert errors == expected_errors(path, method, operation), (path, method)
        for code in errors:
            content = operation["responses"][code]["content"]
            error = resolve(openapi, content["application/json"]["schema"])
            assert set(error["properties"]) == {"detail", "code", "errors"}, (path, code)
            assert set(error["required"]) == {"detail", "code"}, (path, code)
            assert error["properties"]["errors"]["additionalProperties"] == {
                "type": "array",
                "items": {"type": "string"},
            }


def test_query_parameters_say_what_is_accepted(openapi):
    def parameter(path, name):
        [found] = [p for p in openapi["paths"][path]["get"]["parameters"] if p["name"] == name]
        return found["schema"]

    assert parameter("/api/v1/conditions/", "is_autoimmune")["type"] == "boolean"
    assert parameter("/api/v1/articles/", "condition")["type"] == "string"
    assert parameter("/api/v1/treatments/", "condition")["type"] == "string"
    for path in ("/api/v1/conditions/", "/api/v1/articles/", "/api/v1/me/saved/"):
        assert parameter(path, "limit") == {"type": "integer", "minimum": 1, "maximum": 100}
        assert parameter(path, "offset") == {"type": "integer", "minimum": 0}


def test_docs_are_public_and_load_only_from_this_site(db):
    response = APIClient().get("/api/v1/docs/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "swagger-ui" in html
    for url in re.findall(r"""(?:https?:)?//[^\s"'<>)]+""", html):
        assert urlsplit(url).hostname in (None, "testserver"), url
    # No inline script or style (the Content-Security-Policy forbids them).
    assert "<style" not in html
    assert not re.findall(r"<script(?![^>]*\ssrc=)[^>]*>", html)
    assets = re.findall(r"""(?:src|href)="([^"]+)\"""", html)
    assert len(assets) >= 5
    start_script = "/api/v1/docs/?script="
    for asset in assets:
        if asset == start_script:
            continue
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
    # Swagger UI's start-up script is served on its own, and it too is from this site:
    # the schema comes from here, and no "valid" badge is fetched from swagger.io.
    assert start_script in assets
    script = APIClient().get(start_script)
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    start = script.content.decode()
    assert '"/api/v1/schema/"' in start
    assert '"validatorUrl": null' in start
    for url in re.findall(r"""(?:https?:)?//[^\s"'<>)]+""", start):
        assert urlsplit(url).hostname in (None, "testserver"), url


# Schemathesis: the running API against its own schema.


@pytest.fixture
def seeded(db):
    load_reviewed()


@pytest.fixture
def patient_token(seeded, make_api_user, api_client_for):
    return api_client_for(make_api_user("fuzzing-patient", "Patients")).token


@pytest.fixture
def wsgi_calls_keep_the_test_transaction():
    # Django's test client leaves the test's transaction open across requests by not
    # closing connections around them; calls through the WSGI application must do the same.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


# Loaded when the tests are collected (generating the schema needs no database), since
# schemathesis' lazy `from_fixture` loader does not run on this pytest.
schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application()).exclude(
    path_regex=r"/auth/logout"
)


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
    ],
)
def test_api_answers_as_its_schema_says(case, patient_token, wsgi_calls_keep_the_test_transaction):
    case.call_and_validate(
        headers={"Authorization": f"Bearer {patient_token}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
