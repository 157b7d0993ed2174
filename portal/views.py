"""The portal's own views: health and readiness, and the patient's reading list."""

import uuid

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from education import reading_list
from education.pages import EducationPage
from education.selectors import readable_pages

READING_ACTIONS = {
    "save": reading_list.save_article,
    "unsave": reading_list.unsave_article,
    "read": reading_list.mark_read,
    "unread": reading_list.mark_unread,
}


@login_not_required
@require_GET
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


def _database_ready():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return True
    except DatabaseError:
        return False


def _cache_ready():
    probe = uuid.uuid4().hex
    try:
        cache.set("readyz", probe, 10)
        return cache.get("readyz") == probe
    except Exception:  # Any cache backend failure means "not ready", whatever its type.
        return False


@login_not_required
@require_GET
@never_cache
def readyz(request):
    """Whether this server can serve: its database and its cache answer."""
    checks = {"database": _database_ready(), "cache": _cache_ready()}
    ready = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if ready else "unavailable",
            "checks": {name: "ok" if ok else "unavailable" for name, ok in checks.items()},
        },
        status=200 if ready else 503,
    )


@require_GET
def reading_list_view(request):
    records = reading_list.records_for(request).filter(saved_at__isnull=False).order_by("-saved_at")
    return render(request, "portal/reading_list.html", {"records": records})


@require_POST
def reading_action(request, page_id):
    action = READING_ACTIONS.get(request.POST.get("action"))
    if action is None:
        raise Http404("Unknown action")
    page = get_object_or_404(readable_pages(request, EducationPage), pk=page_id)
    action(request.user, page)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = page.url
    return redirect(next_url)
