"""Benchmark-only settings: production as deployed, plus what only the benchmark mounts.

`DJANGO_SETTINGS_MODULE=bench.settings`. Never used by the product: the extra routes
(`/bench/hello`, Wagtail's API v2) live in `bench/urls.py`, not in `portal/urls.py`.
"""

import os

import dj_database_url

BENCH_SECRET_KEY = "bench-only-not-a-secret-4e1c0a9b7f2d48b6a1c3e5f7091b2d4f"
# Production refuses to start without a key; the benchmark brings its own fixed one.
os.environ.setdefault("SECRET_KEY", BENCH_SECRET_KEY)

from portal.settings.production import *  # noqa: E402, F403
from portal.settings.production import INSTALLED_APPS, REST_FRAMEWORK, STORAGES  # noqa: E402

SECRET_KEY = BENCH_SECRET_KEY
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Plain HTTP on 127.0.0.1: in production the proxy in front terminates TLS.
SECURE_SSL_REDIRECT = False
# Nothing is collected for the benchmark: templates' static files by their plain names.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A database of its own: `bench/run.py` drops and recreates it for every data size.
BENCH_DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_bench"
)
DATABASES = {
    "default": dj_database_url.parse(
        BENCH_DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),  # persistent
        conn_health_checks=True,
    )
}
# One worker and no Redis here, so the per-process cache is safe for cached_db sessions
# and for the per-audience answer cache (which production keeps off without Redis).
EDUCATION_CACHE_SECONDS = 300
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "bench" / ".work" / "media"  # noqa: F405

ROOT_URLCONF = "bench.urls"
INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.api.v2"]

# The product's throttles stay on (their cost is part of every API request) but at rates
# one load generator never reaches: per second, so the remembered history stays short.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        **REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
        "user": "1000000/s",
        "address": "1000000/s",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}
