"""Production: every secret and host comes from the environment; secure by default.

`manage.py check --deploy --fail-level WARNING` passes with SECRET_KEY and ALLOWED_HOSTS
set. Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto.
"""

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, TASKS, require_secret_key
from .environment import env_flag, env_int, env_str

require_secret_key()


DEBUG = False
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# Queued in the database and run by `manage.py db_worker --backend background` beside gunicorn.
TASKS = {**TASKS, "background": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The preload flag only allows submission to browsers' preload list; it enrols nothing.
SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview marks itself same-origin where it needs to.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if env_str("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + env_str("SECURE_PROXY_SSL_HEADER").upper().replace("-", "_"),
        "https",
    )

# Persistent database connections: opening one per request roughly halves throughput.
# `conn_health_checks` (base) replaces a connection the database has closed.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("CONN_MAX_AGE", 60)

# Sessions read from the cache and written through to the database. Only with a cache
# every worker shares (Redis): a per-process cache would keep a signed-out session alive
# in the other workers.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # gunicorn runs several worker processes, each with its own local-memory cache, and
    # an editor's change retires cached answers only in the process that saved it: no
    # per-audience caching (nor cached restriction lists) without a shared cache.
    EDUCATION_CACHE_SECONDS = env_int("EDUCATION_CACHE_SECONDS", 0)

# Static files with content-hashed names, compressed, served by WhiteNoise (base
# MIDDLEWARE) with far-future cache headers: `manage.py collectstatic` on each deploy.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
