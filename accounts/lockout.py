"""What a locked-out sign-in gets, and which client address the lockout counts.

Neither the calm page in the portal nor the API's JSON says whether the account exists.
"""

from django.conf import settings
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle

from portal.http.areas import is_api
from portal.http.errors import error_response


def client_address(request):
    """REMOTE_ADDR, or behind NUM_PROXIES trusted proxies the address they saw.

    The same reading as the API's rate limits (DRF's NUM_PROXIES, from API_NUM_PROXIES):
    entries a client wrote into X-Forwarded-For before the proxies are never used.
    """
    return BaseThrottle().get_ident(request)


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if is_api(request):
        message = f"Too many failed sign-in attempts. Please wait {minutes} minutes and try again."
        return error_response(message, "locked_out", 429)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
