"""Production settings are safe by default: only the environment is needed."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

PROJECT = Path(__file__).resolve().parents[1]


def manage(*args, **env):
    """manage.py with production settings; a variable given as None is left unset."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "ALLOWED_HOSTS": "portal.example.org",
        **env,
    }
    environment = {name: value for name, value in environment.items() if value is not None}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_passes_with_only_environment_variables():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY=secrets.token_urlsafe(50)
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


# Running at scale: every service option comes from the environment.

SERVICE_VARIABLES = (
    "DATABASE_URL",
    "CLOUDFLARE_API_TOKEN",
    "REDIS_URL",
    "SEARCH_BACKEND",
    "SEARCH_BACKEND_URL",
    "FRONTEND_CACHE_PURGE_URL",
    "CLOUDFLARE_ZONE_ID",
    "CLOUDFRONT_DISTRIBUTION_ID",
)
SHOW_SETTINGS = """
import json
from django.conf import settings
names = ["DATABASES", "CACHES", "SESSION_ENGINE", "WAGTAILSEARCH_BACKENDS",
         "WAGTAILFRONTENDCACHE", "STORAGES", "MIDDLEWARE", "WAGTAILIMAGES_MAX_UPLOAD_SIZE",
         "WAGTAILIMAGES_MAX_IMAGE_PIXELS", "WAGTAILDOCS_MAX_UPLOAD_SIZE",
         "WAGTAILDOCS_SERVE_METHOD", "SERVICE_UNAVAILABLE_RETRY_AFTER",
         "EDUCATION_CACHE_SECONDS"]
print(json.dumps({name: getattr(settings, name) for name in names}, default=str))
"""


def production_settings(**env):
    # Only what this test sets: not the services the suite itself runs on.
    clean = dict.fromkeys(SERVICE_VARIABLES)
    result = manage("shell", "-c", SHOW_SETTINGS, SECRET_KEY="x" * 50, **{**clean, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_production_defaults_need_no_other_service():
    found = production_settings()
    assert found["WAGTAILSEARCH_BACKENDS"] == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }
    assert found["WAGTAILFRONTENDCACHE"] == {}
    assert found["CACHES"]["default"]["BACKEND"].endswith("LocMemCache")
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert found["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert found["MIDDLEWARE"][:3] == [
        "portal.http.request_ids.RequestIdMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert found["WAGTAILIMAGES_MAX_UPLOAD_SIZE"] == 10 * 2**20
    assert found["WAGTAILIMAGES_MAX_IMAGE_PIXELS"] == 40_000_000
    assert found["WAGTAILDOCS_MAX_UPLOAD_SIZE"] == 20 * 2**20
    assert found["WAGTAILDOCS_SERVE_METHOD"] == "serve_view"
    # Worker processes would not share a local-memory cache: nothing cached per audience.
    assert found["EDUCATION_CACHE_SECONDS"] == 0


def test_production_services_come_from_the_environment():
    found = production_settings(
        DATABASE_URL="postgres://portal:secret@db.internal:5432/portal",
        DATABASE_CONNECT_TIMEOUT="2",
        RETRY_AFTER_SECONDS="10",
        REDIS_URL="redis://cache.internal:6379/0",
        REDIS_CONNECT_TIMEOUT="0.25",
        REDIS_TIMEOUT="0.75",
        SEARCH_BACKEND="opensearch2",
        SEARCH_BACKEND_URL="https://search-a.internal:9200,https://search-b.internal:9200",
        SEARCH_INDEX="patient-education-test",
        FRONTEND_CACHE_PURGE_URL="http://varnish.internal:6081",
        CLOUDFLARE_ZONE_ID="zone-1",
        CLOUDFLARE_API_TOKEN="token-1",
        IMAGE_MAX_UPLOAD_MB="5",
        IMAGE_MAX_PIXELS="1000000",
        DOCUMENT_MAX_UPLOAD_MB="2.5",
    )
    database = found["DATABASES"]["default"]
    assert database["OPTIONS"] == {"connect_timeout": 2}
    assert database["CONN_HEALTH_CHECKS"] is True
    assert found["SERVICE_UNAVAILABLE_RETRY_AFTER"] == 10
    assert found["CACHES"]["default"] == {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://cache.internal:6379/0",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.75,
        },
    }
    assert found["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert found["EDUCATION_CACHE_SECONDS"] == 300
    assert found["WAGTAILSEARCH_BACKENDS"] == {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch2",
            "URLS": ["https://search-a.internal:9200", "https://search-b.internal:9200"],
            "INDEX": "patient-education-test",
            "TIMEOUT": 5,
        }
    }
    assert found["WAGTAILFRONTENDCACHE"] == {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish.internal:6081",
        },
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": "zone-1",
            "BEARER_TOKEN": "token-1",
        },
    }
    assert found["WAGTAILIMAGES_MAX_UPLOAD_SIZE"] == 5 * 2**20
    assert found["WAGTAILIMAGES_MAX_IMAGE_PIXELS"] == 1_000_000
    assert found["WAGTAILDOCS_MAX_UPLOAD_SIZE"] == int(2.5 * 2**20)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"SEARCH_BACKEND": "opensearch2"}, "SEARCH_BACKEND_URL"),
        ({"SEARCH_BACKEND": "solr", "SEARCH_BACKEND_URL": "http://x"}, "SEARCH_BACKEND must be"),
        ({"CLOUDFLARE_ZONE_ID": "zone-1"}, "needs CLOUDFLARE_API_TOKEN"),
        ({"CLOUDFRONT_DISTRIBUTION_ID": "E123"}, "needs boto3"),
    ],
)
def test_production_refuses_an_incomplete_service(env, message):
    result = manage("check", SECRET_KEY="x" * 50, **{**dict.fromkeys(SERVICE_VARIABLES), **env})
    assert result.returncode != 0
    assert message in result.stderr


# Static files: hashed names, compressed, served by WhiteNoise for ten years.


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    result = manage("collectstatic", "--noinput", SECRET_KEY="x" * 50, STATIC_ROOT=str(root))
    assert result.returncode == 0, result.stderr
    return root, json.loads((root / "staticfiles.json").read_text())["paths"]


def test_collectstatic_hashes_and_compresses_every_apps_files(collected):
    root, paths = collected
    assert {"css/portal.css", "js/portal.js"} <= set(paths)
    assert any(name.startswith("wagtailadmin/") for name in paths)
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in paths
    hashed = paths["css/portal.css"]
    assert hashed != "css/portal.css"
    assert (root / f"{hashed}.gz").exists()


def test_a_hashed_static_file_is_cached_for_ten_years(collected, settings, db):
    root, paths = collected
    settings.STATIC_ROOT = root
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_AUTOREFRESH = False
    client = Client()
    hashed = client.get(f"/static/{paths['css/portal.css']}")
    assert hashed.status_code == 200
    assert "max-age=315360000" in hashed["Cache-Control"]
    assert "immutable" in hashed["Cache-Control"]
    # Under its plain name it may change with the next deploy: kept briefly only.
    plain = client.get("/static/css/portal.css")
    assert plain.status_code == 200
    assert "immutable" not in plain["Cache-Control"]
