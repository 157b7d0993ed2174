"""Signing in for a bearer token, and signing out (this device, or every device).

A token is per device, expires, and is stored hashed (knox). The same lockout as the
portal applies: axes counts failures by username and by address, and a locked-out
sign-in gets the same JSON answer whether or not the account exists.
"""

from django.contrib.auth import authenticate, user_logged_in
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from knox import views as knox_views
from knox.models import AuthToken
from rest_framework import status
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from .authentication import BearerTokenAuthentication
from .conventions import LoginRateThrottle
from .serializers import ErrorSerializer, LoginSerializer, TokenSerializer


class LoginView(APIView):
    """Exchange a username and password for a token. Send it as `Authorization: Bearer <token>`."""

    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [LoginRateThrottle]

    def get_authenticate_header(self, request):
        # Wrong credentials are a 401, as documented; without a challenge DRF makes them 403s.
        return BearerTokenAuthentication().authenticate_header(request)

    @extend_schema(
        request=LoginSerializer,
        responses={
            200: TokenSerializer,
            400: ErrorSerializer,
            401: ErrorSerializer,
            429: ErrorSerializer,
        },
        auth=[],
    )
    def post(self, request):
        credentials = LoginSerializer(data=request.data)
        credentials.is_valid(raise_exception=True)
        # axes needs the Django request: it flags a lockout on it for its middleware.
        user = authenticate(request._request, **credentials.validated_data)
        if user is None:
            raise AuthenticationFailed("Wrong username or password.", code="invalid_credentials")
        AuthToken.objects.filter(user=user, expiry__lt=timezone.now()).delete()
        instance, token = AuthToken.objects.create(user)
        user_logged_in.send(sender=user.__class__, request=request._request, user=user)
        return Response(
            TokenSerializer({"token": token, "expiry": instance.expiry}).data,
            status=status.HTTP_200_OK,
        )


@extend_schema(request=None, responses={204: None, 401: ErrorSerializer})
class LogoutView(knox_views.LogoutView):
    """Revoke the token this request was made with (this device)."""

    authentication_classes = [BearerTokenAuthentication]


@extend_schema(request=None, responses={204: None, 401: ErrorSerializer})
class LogoutAllView(knox_views.LogoutAllView):
    """Revoke every token of this user (all devices)."""

    authentication_classes = [BearerTokenAuthentication]
