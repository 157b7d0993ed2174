"""knox bearer tokens, checked in one query per request."""

from django.utils import timezone
from knox.auth import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from . import schema  # noqa: F401  (describes this scheme in the OpenAPI schema)


def well_formed(token):
    """Whether the token's bytes could be a token at all: printable ASCII.

    knox decodes a token as UTF-8 and looks it up as given: other bytes would be a 500
    (and a NUL breaks PostgreSQL queries).
    """
    return token.isascii() and token.decode().isprintable()


class BearerTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, token):
        if not well_formed(token):
            raise AuthenticationFailed("Invalid token.")
        return super().authenticate_credentials(token)

    def _cleanup_token(self, auth_token):
        # knox also sweeps the user's other expired tokens on every request, a query
        # each time; the login view does that sweep instead.
        return auth_token.expiry is not None and auth_token.expiry < timezone.now()
