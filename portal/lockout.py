"""What a locked-out sign-in gets, and which client address the lockout counts.

Neither the calm page in the portal nor the API's JSON says whether the account exists.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle


def client_address(request):
    """REMOTE_ADDR, or behind NUM_PROXIES trusted proxies the address they saw.

    The same reading as the API's rate limits (DRF's NUM_PROXIES, from API_NUM_PROXIES):
    entries a client wrote into X-Forwarded-For before the proxies are never used.
    """
    return BaseThrottle().get_ident(request)


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if request.path.startswith("/api/"):
        message = f"Too many failed sign-in attempts. Please wait {minutes} minutes and try again."
        return JsonResponse({"detail": message, "code": "locked_out"}, status=429)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
