"""knox bearer tokens, checked in one query per request."""

from django.utils import timezone
from knox.auth import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from . import schema  # noqa: F401  (describes this scheme in the OpenAPI schema)


class BearerTokenAuthentication(TokenAuthentication):
    def authenticate_credentials(self, token):
        # knox decodes the token as UTF-8 and looks it up as given: other bytes would be a
        # 500 (and a NUL breaks PostgreSQL queries). A real token is printable ASCII.
        if not token.isascii() or not token.decode().isprintable():
            raise AuthenticationFailed("Invalid token.")
        return super().authenticate_credentials(token)

    def _cleanup_token(self, auth_token):
        # knox also sweeps the user's other expired tokens on every request, a query
        # each time; the login view does that sweep instead.
        return auth_token.expiry is not None and auth_token.expiry < timezone.now()
