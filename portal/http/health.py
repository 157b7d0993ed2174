"""Health and readiness, for load balancers and deploy gates: no sign-in, never cached."""

import uuid

from django.contrib.auth.decorators import login_not_required
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


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
