"""Addresses refused before any view runs: too long, too many parameters, NUL bytes.

Nobody types these; they come from scanners and broken clients, and a NUL byte breaks
PostgreSQL queries. The answer is a 4xx saying what is wrong: in the API's JSON shape
under /api/, a short page elsewhere (the admin included).
"""

from django.shortcuts import render

from .areas import is_api
from .errors import error_response

# A path and a query string at these limits, with the method and protocol, fit within the
# 8190 bytes of request line gunicorn reads (its limit_request_line, at its maximum in
# gunicorn.conf.py): any longer address up to there meets this answer. Beyond 8190 bytes
# gunicorn answers itself (a bare HTML 414), as the proxy in front may before it.
MAX_PATH_LENGTH = 2048
MAX_QUERY_STRING_LENGTH = 4096
# The admin's bulk actions send one id per selected row; a listing shows at most 100.
MAX_QUERY_PARAMETERS = 200


class RequestLimitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = _refusal(request)
        if refusal is None:
            return self.get_response(request)
        status, code, message = refusal
        if is_api(request):
            return error_response(message, code, status)
        return render(request, "portal/refused_request.html", {"message": message}, status=status)


def _refusal(request):
    if len(request.path_info) > MAX_PATH_LENGTH:
        return 414, "path_too_long", "The address is too long."
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_QUERY_STRING_LENGTH:
        return 414, "query_too_long", "The address is too long."
    if query.count("&") >= MAX_QUERY_PARAMETERS:
        return 400, "too_many_parameters", "The address has too many parameters."
    named = [
        name
        for name, values in request.GET.lists()
        if "\x00" in name or any("\x00" in value for value in values)
    ]
    if named or "\x00" in request.path_info:
        where = f"Parameter {', '.join(named)}" if named else "The address"
        return 400, "nul_character", f"{where} must not contain NUL characters (%00)."
    return None
