"""The test suite: fast hashing, in-memory email, no debug toolbar of any kind."""

from .base import *  # noqa: F403
from .environment import env_str

SECRET_KEY = env_str("SECRET_KEY") or "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
ALLOW_DEMO_ACCOUNTS = True
# The test client's login() passes no request, which axes refuses; the lockout tests
# switch it back on.
AXES_ENABLED = False
# Nothing is collected into STATIC_ROOT here: WhiteNoise looks files up per request.
WHITENOISE_AUTOREFRESH = True
