"""(b) Wagtail's own API v2 over the same articles with the same fields as our API v1.

Mounted only by `bench/urls.py`. It keeps the product's REST framework defaults, so it
authenticates with the same bearer token and runs the same throttles as `/api/v1/`.
"""

from django.contrib.auth.decorators import login_not_required
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from bench.targets import LIST_FIELDS
from education.models import EducationPage


class ConditionRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


# The product defines no `api_fields`: the benchmark adds them to the class here.
EducationPage.api_fields = [
    *(APIField(name) for name in LIST_FIELDS if name != "conditions"),
    APIField("conditions", serializer=ConditionRefSerializer(many=True, read_only=True)),
    APIField("body"),
]


class BenchPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, unchanged, reachable without a portal session.

    Like `/api/`, it answers with 401s instead of the portal's sign-in redirect.
    """

    @classmethod
    def as_view(cls, *args, **kwargs):
        return login_not_required(super().as_view(*args, **kwargs))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", BenchPagesAPIViewSet)
