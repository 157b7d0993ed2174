"""Production: every secret and host comes from the environment; secure by default.

`manage.py check --deploy --fail-level WARNING` passes with SECRET_KEY and ALLOWED_HOSTS
set. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto.
"""

import os

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, require_secret_key

require_secret_key()


def env_flag(name, default):
    return os.environ.get(name, default).lower() in {"1", "true", "yes", "on"}


DEBUG = False
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", "true")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true")
# The preload flag only allows submission to browsers' preload list; it enrols nothing.
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", "true")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview marks itself same-origin where it needs to.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if os.environ.get("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + os.environ["SECURE_PROXY_SSL_HEADER"].upper().replace("-", "_"),
        "https",
    )

# Persistent database connections: opening one per request roughly halves throughput.
# `conn_health_checks` (base) replaces a connection the database has closed.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))

# Sessions read from the cache and written through to the database. Only with a cache
# every worker shares (Redis): a per-process cache would keep a signed-out session alive
# in the other workers.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # gunicorn runs several worker processes, each with its own local-memory cache, and
    # an editor's change retires cached answers only in the process that saved it: no
    # per-audience caching (nor cached restriction lists) without a shared cache.
    EDUCATION_CACHE_SECONDS = int(os.environ.get("EDUCATION_CACHE_SECONDS", "0"))

# Static files with content-hashed names, compressed, served by WhiteNoise (base
# MIDDLEWARE) with far-future cache headers: `manage.py collectstatic` on each deploy.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
