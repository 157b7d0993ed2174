"""The Wagtail site that answers a request's host, with its root page, from the cache.

Every portal page needs them: Wagtail looks the site up by host and loads its root page
on every request it serves. They change only when a site or page is published,
moved or deleted (a new content version), so they are kept like the rest of what is
cached about published content.
"""

from contextlib import suppress

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from wagtail import views as wagtail_views
from wagtail.models import Site

from ..publishing import content_version
from .keys import keep

NO_SITE = "no-site"


class KnownSiteMiddleware:
    """For Wagtail's page serving only: other views (sign-in, health, the API, the admin
    where sites are edited) look the site up as Wagtail does, if at all."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve and settings.EDUCATION_CACHE_SECONDS > 0:
            # With the database down, the view finds it so and says so (portal/http/errors.py).
            with suppress(DatabaseError):
                request._wagtail_site = _site_for(request)


def _site_for(request):
    version = content_version()
    host = request.META.get("HTTP_HOST") or request.META.get("SERVER_NAME", "")
    key = f"education:site:{version}:{host}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request) or NO_SITE
        if site != NO_SITE:
            site.root_page.specific  # noqa: B018 (loaded now, to be kept with the site)
        keep(key, site, version)
    # Wagtail keeps the site it finds on `request._wagtail_site` (Site.find_for_request):
    # set here, its lookup and the root page's are skipped (tests/test_query_counts.py).
    return None if site == NO_SITE else site
