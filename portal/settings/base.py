"""Settings shared by every environment. Environment variables choose the services."""

from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from portal.http.logs import STDERR_JSON_LINES

from .environment import env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent


SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
DEBUG = False

INSTALLED_APPS = [
    # First, so its admin templates replace Wagtail's (see portal/admin_scripts).
    "portal.admin_scripts",
    "accounts",
    "education",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "knox",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First, so that even an error in another middleware is logged with the request's id.
    "portal.http.request_ids.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Right after security: static files need no session, user or CSRF check.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.http.security_headers.ContentSecurityPolicyMiddleware",
    "portal.http.request_limits.RequestLimitsMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.http.idle_sessions.IdleSessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.gate.StaffSecondFactorMiddleware",
    "portal.http.sign_in.PortalLoginRequiredMiddleware",
    "portal.http.sign_in.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "education.caching.sites.KnownSiteMiddleware",
    # Last, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"
# A failed CSRF check: JSON under /api/, Django's page (templates/403_csrf.html) elsewhere.
CSRF_FAILURE_VIEW = "portal.http.errors.csrf_failure"
# One JSON object a line on stderr, each with its request's id (portal/http/logs.py).
LOGGING = STDERR_JSON_LINES

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "education.caching.fragments.content_cache",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Local memory unless REDIS_URL names a Redis server.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", BASE_DIR / "media"))

WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "Patient education")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The admin must not reach outside the hospital's network.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
# A shared password identifies nobody: the portal refuses it to everyone (education/access.py).
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

AUTHENTICATION_BACKENDS = [
    # Axes first: it refuses a locked-out username or address before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

# Sessions end after this many idle minutes: activity pushes the expiry on, saving the
# session at most once per refresh interval (portal/http/idle_sessions.py).
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_MINUTES", 30) * 60
SESSION_REFRESH_SECONDS = SESSION_COOKIE_AGE // 10
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Repeated failed sign-ins lock the username, and separately the client address.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# The address the connection came from or, behind API_NUM_PROXIES trusted proxies, the one
# they saw, as the API's rate limits read it: a client-set X-Forwarded-For must not reset
# the count, and behind a load balancer not every patient shares its address.
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"

# Staff's second factor (accounts/two_factor/): always on, in every environment.
# Authenticator apps show this name beside the account.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

PATIENTS_GROUP = "Patients"
# Staff may leave a new patient's password empty: the patient sets it from an email link.
WAGTAILUSERS_PASSWORD_REQUIRED = False
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "patient-education@localhost")
# Reset emails are queued for every address asked about, so the answer takes the same
# time whether or not it has an account (accounts/password_reset.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.password_reset.StaffPasswordResetForm"

# Background work (Django's tasks API). "default" is Wagtail's own (reference index,
# image focal points), done in the request as Wagtail does out of the box; "background"
# is work a request must not wait for. Here both run at once, in the request, so a fresh
# clone needs no worker; production queues "background" in the database (production.py).
IMMEDIATE_TASKS = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
TASKS = {"default": IMMEDIATE_TASKS, "background": IMMEDIATE_TASKS}

# `load_education_content --demo-accounts` makes logins with published passwords: dev and test only.
ALLOW_DEMO_ACCOUNTS = False


# Clinical governance. A reviewer's approval sets the next review this many months ahead,
# unless an item sets its own interval.
REVIEW_INTERVAL_MONTHS = env_int("REVIEW_INTERVAL_MONTHS", 12)
# Approving the last task of a review workflow records the review, then publishes.
WAGTAIL_FINISH_WORKFLOW_ACTION = "education.approval.publish_approved"
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Reading grades are US school grades, the higher of Flesch-Kincaid and SMOG. Editors are
# warned above READING_GRADE_WARNING; above READING_GRADE_HARD_LIMIT (off unless set) a
# reviewer can approve only with a recorded override.
READING_GRADE_WARNING = env_float("READING_GRADE_WARNING", 8.0)
READING_GRADE_HARD_LIMIT = env_float("READING_GRADE_HARD_LIMIT", None)


# Rendered articles and API answers are cached per audience for at most this long, and
# never past a publishing event or a scheduled expiry (education/caching/).
EDUCATION_CACHE_SECONDS = env_int("EDUCATION_CACHE_SECONDS", 300)


def require_secret_key():
    if not SECRET_KEY:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")


# The mobile API (/api/v1/): bearer tokens only, JSON only, one error shape.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["education.api.authentication.BearerTokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["education.api.conventions.JSONParser"],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "education.api.conventions.ContentNegotiation",
    "DEFAULT_PAGINATION_CLASS": "education.api.conventions.LimitOffsetPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "education.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "education.api.conventions.UserRateThrottle",
        "education.api.conventions.AddressRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env_str("API_THROTTLE_USER", "600/minute"),
        "address": env_str("API_THROTTLE_ADDRESS", "1200/minute"),
        "login": env_str("API_THROTTLE_LOGIN", "10/minute"),
    },
    # Rate limits count by the connection's address, as axes does: without this DRF keys
    # them on a client-set X-Forwarded-For, and changing it would reset them. Behind
    # trusted proxies, set API_NUM_PROXIES to how many there are.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0),
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
REST_KNOX = {
    "AUTH_HEADER_PREFIX": "Bearer",
    "TOKEN_TTL": timedelta(hours=env_float("API_TOKEN_HOURS", 10.0)),
    "AUTO_REFRESH": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Patient education API",
    "DESCRIPTION": (
        "Read the hospital's patient-education content: conditions, articles and "
        "treatments, exactly as the signed-in user may read them in the portal."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    # Swagger UI from this site, never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Swagger UI otherwise shows a badge from validator.swagger.io, sending it our schema's address.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None},
    "COMPONENT_SPLIT_REQUEST": True,
    # Only /api/v1/ (not Wagtail's admin API), with every operation's error answers.
    "PREPROCESSING_HOOKS": ["education.api.schema.only_this_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "education.api.schema.document_errors",
    ],
}
# Content-Security-Policy
# Everything from this site and nothing from anywhere else, in every environment: no
# inline script or style, no third-party host, no frames. portal/http/security_headers.py
# lets Wagtail's previews be framed by this site, and portal/admin_scripts/ starts the
# admin's widgets without inline scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin alone also allows (seen in Chromium with Wagtail 8.0): inline styles,
# as its rich-text editor (Draftail) adds <style> elements with generated content that
# no hash or nonce could cover; and blob: images, the uploader's previews of new images.
# The portal and the API do without.
CONTENT_SECURITY_POLICY_ADMIN_ADDITIONS = {"style-src": [UNSAFE_INLINE], "img-src": ["blob:"]}
# Request bodies (files aside): the largest form is the admin's article editor, about
# 40 KB for the longest seed article; API bodies are a few hundred bytes. Larger is a
# 400, or a 413 under /api/. Addresses are limited in portal/http/request_limits.py.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"


# Running at scale: every app server is stateless; the database, Redis and media storage
# are shared. What happens when a service is down, and the services' options.

# A request that needs the database while it is down answers 503 with Retry-After
# (portal/http/errors.py). A PostgreSQL host that does not answer fails the request after
# this many seconds instead of holding the worker until gunicorn's timeout.
SERVICE_UNAVAILABLE_RETRY_AFTER = env_int("RETRY_AFTER_SECONDS", 30)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_CONNECT_TIMEOUT", 3
    )

# With Redis down the cache answers "nothing cached" (IGNORE_EXCEPTIONS): pages are still
# served and sessions fall back to the database. Short timeouts keep a Redis that does not
# answer from slowing every request. The API's rate limits live in the cache, so they fail
# open then; the sign-in lockout lives in the database (axes) and still holds.
if REDIS_URL:
    CACHES["default"]["OPTIONS"].update(
        SOCKET_CONNECT_TIMEOUT=env_float("REDIS_CONNECT_TIMEOUT", 0.5),
        SOCKET_TIMEOUT=env_float("REDIS_TIMEOUT", 0.5),
    )

# Uploads are refused above these sizes, and images above this many pixels before any
# decoding, so a small file that decodes huge (a decompression bomb) cannot exhaust memory.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(env_float("IMAGE_MAX_UPLOAD_MB", 10) * 2**20)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000)
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(env_float("DOCUMENT_MAX_UPLOAD_MB", 20) * 2**20)
# Documents are always served through Django, so a private collection's restriction is
# checked on every download; MEDIA_ROOT/documents must never be served directly.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Search: Wagtail's database backend (PostgreSQL full-text search in production), or an
# OpenSearch/Elasticsearch cluster shared by every app server.
SEARCH_CLUSTER_BACKENDS = {"elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"}
SEARCH_BACKEND = env_str("SEARCH_BACKEND", "database")
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
elif SEARCH_BACKEND in SEARCH_CLUSTER_BACKENDS and env_str("SEARCH_BACKEND_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"wagtail.search.backends.{SEARCH_BACKEND}",
            "URLS": env_list("SEARCH_BACKEND_URL"),
            "INDEX": env_str("SEARCH_INDEX", "patient-education"),
            "TIMEOUT": env_int("SEARCH_TIMEOUT", 5),
        }
    }
else:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be 'database' or one of {sorted(SEARCH_CLUSTER_BACKENDS)} "
        "with SEARCH_BACKEND_URL set."
    )

# Publishing or unpublishing a page purges its URLs from a CDN or caching proxy. Signed-in
# pages are no-store, so such a cache holds only static files and public pages.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):
    # Varnish, nginx or Squid: a PURGE request for each URL, sent to this address.
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_ZONE_ID"):
    if not env_str("CLOUDFLARE_API_TOKEN"):
        raise ImproperlyConfigured("CLOUDFLARE_ZONE_ID needs CLOUDFLARE_API_TOKEN.")
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
    }
if env_str("CLOUDFRONT_DISTRIBUTION_ID"):
    # Credentials come from boto3's usual places (AWS_* variables, an instance role).
    if find_spec("boto3") is None:
        raise ImproperlyConfigured("CLOUDFRONT_DISTRIBUTION_ID needs boto3: pip install boto3.")
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env_str("CLOUDFRONT_DISTRIBUTION_ID"),
    }
