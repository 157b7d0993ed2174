"""Local development: debug pages, console email, a throwaway secret key."""

from .base import *  # noqa: F403
from .environment import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-not-for-production"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
ALLOW_DEMO_ACCOUNTS = True
