"""The API's content answers: cached per audience, behind DRF's authentication,
permissions and throttles, with ETag and Last-Modified through Django's conditional GET.

A request reaches the view like any other: authenticated (content views find the token's
reader in the cache, so a known token costs no query), permitted and throttled. Then the
answer for its audience comes from the cache, or is made and stored; either way a client
that holds the current copy gets a 304. Answers hold what one user may read, so no shared
cache may keep them: they are `Cache-Control: private` and vary on `Authorization`.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    quote_etag,
)
from django.utils.http import http_date, parse_http_date_safe
from knox.models import AuthToken
from rest_framework import status

from ..access import Audience
from ..publishing import content_version
from . import readers
from .keys import answer_key, count_key, keep


class CachedAnswers:
    """For DRF views that list and show content. Views set `self.last_modified` (a
    datetime) while they build an answer, and ask `self.audience()` what may be read."""

    last_modified = None
    _store_as = None
    _count_as = None
    _hit = False

    def audience(self):
        auth = self.request.auth
        if isinstance(auth, readers.Reader):
            return auth.audience()
        return Audience.of_request(self.request)

    def list(self, request, *args, **kwargs):
        return self._answer(super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._answer(super().retrieve, request, *args, **kwargs)

    def _answer(self, build, request, *args, **kwargs):
        if settings.EDUCATION_CACHE_SECONDS > 0:
            reader = request.auth
            # A reader from the cache was found under the current version just now.
            version = reader.version if isinstance(reader, readers.Reader) else content_version()
            if isinstance(reader, AuthToken):  # checked in the database: keep who it is
                reader = readers.remember(
                    reader, self.audience(), version, settings.EDUCATION_CACHE_SECONDS
                )
            if reader is not None:
                key = answer_key(version, reader.audience_key, request)
                stored = cache.get(key)
                if stored is not None:
                    self._hit = True
                    return _from_cache(stored)
                self._store_as = (key, version)
                self._count_as = (self._count_key(version, reader.audience_key), version)
        return build(request, *args, **kwargs)

    def count_parameters(self):
        """The query parameters a list's length depends on: its filters' names."""
        filterset = getattr(self, "filterset_class", None)
        return set(filterset.base_filters) if filterset else set()

    def _count_key(self, version, audience_key):
        names = self.count_parameters()
        parameters = [(n, v) for n, v in self.request.query_params.lists() if n in names]
        return count_key(version, audience_key, self.request.path, parameters)

    def count(self, queryset):
        """How many items a list pages through, kept like its answers but per filter, not
        per page: a list's pages, and answers not yet cached, do not count every row."""
        if self._count_as is None:
            return queryset.count()
        key, version = self._count_as
        found = cache.get(key)
        if found is None:
            found = queryset.count()
            keep(key, found, version)
        return found

    def finalize_response(self, request, response, *args, **kwargs):
        if self._hit:  # stored with every header it needs
            return _conditional(request, response)
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        patch_cache_control(response, private=True, no_cache=True)
        if request.method != "GET" or response.status_code != status.HTTP_200_OK:
            return response
        response.render()
        response["ETag"] = quote_etag(hashlib.sha256(response.content).hexdigest()[:32])
        if self.last_modified:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        self._store(response)
        return _conditional(request, response)

    def _store(self, response):
        if self._store_as is None:
            return
        key, version = self._store_as
        headers = list(response.items())
        keep(key, {"body": response.content, "headers": headers}, version)


CONDITIONS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


def _conditional(request, response):
    """The answer, or a 304 (412) when the client's copy is current (has changed)."""
    if not any(header in request.META for header in CONDITIONS):
        return response
    return get_conditional_response(
        request,
        etag=response["ETag"],
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )


def _from_cache(stored):
    response = HttpResponse(stored["body"])
    for name, value in stored["headers"]:
        response[name] = value
    return response
