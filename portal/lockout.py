"""What a locked-out sign-in gets: the calm page in the portal, JSON from the API.

Neither says whether the account exists.
"""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    if request.path.startswith("/api/"):
        message = f"Too many failed sign-in attempts. Please wait {minutes} minutes and try again."
        return JsonResponse({"detail": message, "code": "locked_out"}, status=429)
    return render(request, "registration/locked_out.html", {"minutes": minutes}, status=429)
