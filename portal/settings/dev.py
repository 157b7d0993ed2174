"""Local development: debug pages, console email, a throwaway secret key."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ALLOW_DEMO_ACCOUNTS = True
