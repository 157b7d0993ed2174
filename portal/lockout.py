"""What a locked-out sign-in gets: the calm page in the portal, JSON from the API.

Neither says whether the account exists.
"""

from django.http import JsonResponse
from django.shortcuts import render

MESSAGE = "Too many failed sign-in attempts. Please wait 15 minutes and try again."


def lockout_response(request, original_response=None, credentials=None):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": MESSAGE, "code": "locked_out"}, status=429)
    return render(request, "registration/locked_out.html", status=429)
