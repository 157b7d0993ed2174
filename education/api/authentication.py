"""knox bearer tokens, checked in one query per request."""

from django.utils import timezone
from knox.auth import TokenAuthentication


class BearerTokenAuthentication(TokenAuthentication):
    def _cleanup_token(self, auth_token):
        # knox also sweeps the user's other expired tokens on every request, a query
        # each time; the login view does that sweep instead.
        return auth_token.expiry is not None and auth_token.expiry < timezone.now()
