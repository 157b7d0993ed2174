"""What a failing request answers: JSON under /api/, the portal's own pages elsewhere.

Every JSON error has one shape, {"detail", "code"} (plus "errors" by field from the API's
exception handler): `error_response` makes it outside DRF's views.

Django calls these for errors raised anywhere in a request, in a view or in a middleware
(loading the session or the user), and with DEBUG off none of them shows a traceback,
SQL or a path. (Not-found and not-allowed under /api/ are answered by DRF and the API's
catch-all route; elsewhere Django's own handlers render templates/404.html and 403.html.)

A database that is down is not a bug in the request: it answers 503 with Retry-After,
made without touching the database, so it is fast and clients try again; the next
request reconnects by itself (CONN_HEALTH_CHECKS). That holds whatever Django made of the
database's error on the way: a session that could not be saved is SessionInterrupted to
Django, a 400, unless the database was unreachable.
"""

import sys

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.template import loader
from django.utils.cache import add_never_cache_headers
from django.views import csrf, defaults
from django.views.decorators.csrf import csrf_exempt

from .areas import is_admin, is_api

# What the driver raises when the database cannot be reached or drops the connection.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def error_response(detail, code, status):
    """An error in the API's shape, from outside a DRF view (a plain view or middleware)."""
    return JsonResponse({"detail": detail, "code": code}, status=status)


def _caused_by_outage(exception):
    """The exception, or one it was raised while handling, says the database is unreachable."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


# It changes nothing, so any method may ask without a CSRF token: a POST to an unknown
# address is a 404 like a GET, not the CSRF failure.
@csrf_exempt
def not_found(request, *args, **kwargs):
    """Unknown addresses under /api/ answer in the API's shape, never with a portal page."""
    return error_response("Not found.", "not_found", 404)


def csrf_failure(request, reason=""):
    if is_api(request):
        return error_response("CSRF verification failed.", "csrf_failed", 403)
    return csrf.csrf_failure(request, reason)


def bad_request(request, exception):
    if _caused_by_outage(exception):
        return service_unavailable(request)
    if is_api(request):
        return error_response("Bad request.", "bad_request", 400)
    return defaults.bad_request(request, exception)


def server_error(request):
    # Django calls this while handling the exception, so it is still the current one.
    if _caused_by_outage(sys.exc_info()[1]):
        return service_unavailable(request)
    if is_api(request):
        return error_response("A server error occurred.", "server_error", 500)
    return defaults.server_error(request)


def _kept_form(request):
    """An editor's form that could not be saved, to send again as it was: what they typed
    is not lost with the page. Passwords are not written back into a page, and files
    cannot be: the page says so."""
    if request.method != "POST":
        return None
    try:
        fields = [
            (name, value)
            for name, values in request.POST.lists()
            if "password" not in name.lower()
            for value in values
        ]
        had_files = bool(request.FILES)
    except (SuspiciousOperation, MultiPartParserError, OSError):
        return None  # a body too big, or that cannot be read, has nothing to keep
    return {"action": request.get_full_path(), "fields": fields, "had_files": had_files}


def service_unavailable(request):
    if is_api(request):
        response = error_response(
            "The service is briefly unavailable. Please try again shortly.",
            "service_unavailable",
            503,
        )
    else:
        # Rendered without the request: context processors would load the signed-in
        # user, which needs the database that is down.
        context = {"kept_form": _kept_form(request)} if is_admin(request) else {}
        response = HttpResponse(loader.render_to_string("503.html", context), status=503)
    response["Retry-After"] = str(settings.SERVICE_UNAVAILABLE_RETRY_AFTER)
    # A shared cache must not keep the outage after it is over.
    add_never_cache_headers(response)
    return response
