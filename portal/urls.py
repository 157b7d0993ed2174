from django.conf import settings
from django.http import Http404
from django.urls import include, path, re_path
from django.views import defaults
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .http import errors, health

# Errors anywhere in a request: JSON under /api/, the portal's pages elsewhere, and a 503
# while the database is down (http/errors.py).
handler400 = errors.bad_request
handler500 = errors.server_error

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/", include("accounts.urls")),
    path("api/v1/", include("education.api.urls")),
    # Any other /api/ address answers in the API's JSON shape, never with a portal page.
    re_path(r"^api/", errors.not_found),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's shared-password forms, for pages (wagtail.urls) and documents, whatever the
    # restriction: the portal never asks for a shared password (education.access), so
    # they are never found, and say nothing of which ids exist.
    re_path(
        r"^(?:_util|documents)/authenticate_with_password/",
        defaults.page_not_found,
        {"exception": Http404()},
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("education.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only. Documents go through Wagtail's serve view (/documents/), which checks
    # a private collection's restriction; a direct /media/documents/ address would not.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

urlpatterns.append(path("", include(wagtail_urls)))
