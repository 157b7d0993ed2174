"""The site's areas by address: the API, the Wagtail admin, and the patient portal.

Each area answers in its own way (JSON errors under the API, the admin's own sign-in and
second factor, the portal's pages), so middleware and error handlers ask here which
area a request is for.
"""

API_PREFIX = "/api/"
ADMIN_PREFIX = "/admin/"


def is_api(request):
    return request.path_info.startswith(API_PREFIX)


def is_admin(request):
    return request.path_info.startswith(ADMIN_PREFIX)
