"""The product's URLs plus the benchmark's own routes. Only `bench.settings` uses this."""

from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.urls import include, path

from portal.urls import handler400, handler500  # noqa: F401 - the product's error answers

from .wagtail_api import api_router


@login_not_required
def hello(request):
    """(a) The ceiling of this stack: every middleware, no database, a small constant JSON."""
    return JsonResponse({"hello": "world"})


urlpatterns = [
    path("bench/hello", hello, name="bench-hello"),
    path("bench/wagtail-api/v2/", api_router.urls),
    path("", include("portal.urls")),
]
