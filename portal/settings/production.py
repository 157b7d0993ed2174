"""Production: every secret and host comes from the environment."""

import os

from .base import *  # noqa: F403
from .base import require_secret_key

require_secret_key()

DEBUG = False
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
