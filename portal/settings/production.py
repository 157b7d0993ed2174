"""Production: every secret and host comes from the environment."""

import os

from .base import *  # noqa: F403
from .base import DATABASES, REDIS_URL, require_secret_key

require_secret_key()

DEBUG = False
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# Persistent database connections: opening one per request roughly halves throughput.
# `conn_health_checks` (base) replaces a connection the database has closed.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "60"))

# Sessions read from the cache and written through to the database. Only with a cache
# every worker shares (Redis): a per-process cache would keep a signed-out session alive
# in the other workers.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
