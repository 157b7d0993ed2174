"""Conditional GET for the API: ETag and Last-Modified, 304 when nothing changed.

Answers hold what one user may read, so no shared cache may keep them: they are
`Cache-Control: private` and vary on the Authorization header.
"""

import hashlib

from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from rest_framework import status
from rest_framework.response import Response

# What a 304 repeats of the full answer.
KEPT_ON_304 = ("ETag", "Last-Modified", "Cache-Control", "Vary")


def _etag_matches(header, etag):
    if not header:
        return False
    candidates = [tag.strip() for tag in header.split(",")]
    return "*" in candidates or etag in candidates or f"W/{etag}" in candidates


def not_modified(request, etag, last_modified):
    """Whether the client's copy (by If-None-Match, else If-Modified-Since) is current."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match:
        return _etag_matches(if_none_match, etag)
    since = parse_http_date_safe(request.headers.get("If-Modified-Since") or "")
    modified = parse_http_date_safe(last_modified or "")
    return bool(since and modified and modified <= since)


class ConditionalGetMixin:
    """Views set `self.last_modified` (a datetime or None) while building the answer."""

    last_modified = None

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ["Authorization"])
        patch_cache_control(response, private=True, no_cache=True)
        if request.method != "GET" or response.status_code != status.HTTP_200_OK:
            return response
        response.render()
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        if self.last_modified:
            response["Last-Modified"] = http_date(self.last_modified.timestamp())
        if not_modified(request, etag, response.get("Last-Modified")):
            unchanged = Response(status=status.HTTP_304_NOT_MODIFIED)
            for header in KEPT_ON_304:
                if header in response:
                    unchanged[header] = response[header]
            # The full answer rides along, for the answer cache to keep.
            unchanged.full_answer = response
            return super().finalize_response(request, unchanged, *args, **kwargs)
        return response
