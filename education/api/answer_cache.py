"""Content answers of the API served from the cache, with no database work on a hit.

A hit needs two things from the cache: who the bearer token belongs to (its *reader*
entry: the token's audience and expiry, stored by its knox digest) and the answer for
that audience. Reader entries are forgotten when the token is deleted (sign-out) or its
user changes (deactivated, groups changed), and belong to one content version, since a
restriction change changes audiences. A miss runs the view as usual, with DRF's
authentication, permissions and throttles, then stores what it answered.

Hits skip DRF's throttles: they cost no database work, and the throttles still guard
every miss, sign-in and write.
"""

import re

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from knox.auth import get_authorization_header
from knox.crypto import hash_token
from knox.models import AuthToken

from ..response_cache import answer_key, audience, content_version, seconds_to_keep
from .authentication import well_formed
from .conditional import KEPT_ON_304, not_modified

CACHED_ADDRESSES = re.compile(r"^/api/v1/(articles|conditions|treatments)/")
# Headers a fresh answer gets from the view and the middleware inside this one.
UNCACHED_HEADERS = {"set-cookie", "content-length", "date"}


def _reader_key(digest):
    return f"education:api-reader:{digest}"


def forget_readers(tokens):
    cache.delete_many([_reader_key(token.digest) for token in tokens])


def _bearer_digest(request):
    parts = get_authorization_header(request).split()
    if len(parts) != 2 or parts[0].lower() != b"bearer":
        return None
    token = parts[1]
    return hash_token(token.decode()) if well_formed(token) else None


def _expired(expiry):
    return expiry is not None and expiry <= timezone.now()


class AnswerCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "GET" or not CACHED_ADDRESSES.match(request.path_info):
            return self.get_response(request)
        digest = _bearer_digest(request)
        if digest is None:
            return self.get_response(request)
        version = content_version()
        reader = cache.get(_reader_key(digest))
        if reader and reader["version"] == version and not _expired(reader["expiry"]):
            stored = cache.get(answer_key(version, reader["audience"], request, "api"))
            if stored is not None:
                return self._from_cache(request, stored)
        response = self.get_response(request)
        self._store(request, response, digest, version)
        return response

    def _from_cache(self, request, stored):
        headers = dict(stored["headers"])
        if not_modified(request, headers.get("ETag"), headers.get("Last-Modified")):
            response = HttpResponseNotModified()
            for name in KEPT_ON_304:
                if name in headers:
                    response[name] = headers[name]
            return response
        response = HttpResponse(stored["body"])
        for name, value in headers.items():
            response[name] = value
        return response

    def _store(self, request, response, digest, version):
        response = getattr(response, "full_answer", response)
        token = getattr(request, "auth", None)
        if response.status_code != 200 or not isinstance(token, AuthToken):
            return
        seconds = seconds_to_keep(version)
        if token.expiry is not None:
            seconds = min(seconds, (token.expiry - timezone.now()).total_seconds())
        if seconds < 1:
            return
        audience_key = audience(request)
        cache.set(
            _reader_key(digest),
            {"version": version, "audience": audience_key, "expiry": token.expiry},
            seconds,
        )
        cache.set(
            answer_key(version, audience_key, request, "api"),
            {
                "body": response.content,
                "headers": [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() not in UNCACHED_HEADERS
                ],
            },
            seconds,
        )
