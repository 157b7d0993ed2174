"""Checking a bearer token on each request: knox's check, or for content answers the
token's reader from the cache.

Kept apart from the sign-in views: DRF imports its default authentication class while it
loads its own views, so this module must not import them.
"""

from django.utils import timezone
from knox.auth import TokenAuthentication
from knox.crypto import hash_token
from rest_framework.exceptions import AuthenticationFailed

from ..caching import readers
from . import schema  # noqa: F401  (describes the bearer scheme in the OpenAPI schema)


def well_formed(token):
    """Whether the token's bytes could be a token at all: printable ASCII.

    knox decodes a token as UTF-8 and looks it up as given: other bytes would be a 500
    (and a NUL breaks PostgreSQL queries).
    """
    return token.isascii() and token.decode().isprintable()


class BearerTokenAuthentication(TokenAuthentication):
    """knox's check, in one query per request."""

    def authenticate_credentials(self, token):
        if not well_formed(token):
            raise AuthenticationFailed("Invalid token.")
        return super().authenticate_credentials(token)

    def _cleanup_token(self, auth_token):
        # knox's private sweep of the user's other expired tokens costs a query on every
        # request (tests/api/test_query_counts.py counts it); the login view sweeps instead.
        return auth_token.expiry is not None and auth_token.expiry < timezone.now()


class ReaderAuthentication(BearerTokenAuthentication):
    """For content answers: the token's reader from the cache when it is known (no query),
    otherwise knox's check. Its user is enough to read and to be throttled, no more."""

    def authenticate_credentials(self, token):
        if well_formed(token):
            reader = readers.find(hash_token(token.decode()))
            if reader is not None:
                return reader.user(), reader
        return super().authenticate_credentials(token)
