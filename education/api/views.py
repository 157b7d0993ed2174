"""The content, reading-list and sync endpoints. Each asks `selectors` what the user may read."""

import datetime

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from .. import reading_list, sync
from ..pages import EducationPage
from ..review import review_status_since
from ..selectors import published_conditions, readable_pages
from ..snippets import ConditionRelation
from ..treatments import treatments_for
from . import filters
from .conditional import ConditionalGetMixin
from .serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    ConditionSerializer,
    MeSerializer,
    SaveArticleSerializer,
    SavedArticleSerializer,
    SyncSerializer,
    TreatmentSerializer,
)


def _modified_at(obj):
    """When the item's answer last changed: published, or its review status moved on."""
    status_since = review_status_since(obj.next_review_due)
    changed = [obj.last_published_at]
    if status_since:
        changed.append(
            datetime.datetime.combine(
                status_since, datetime.time.min, timezone.get_current_timezone()
            )
        )
    return _latest(changed)


def _latest(moments):
    return max((moment for moment in moments if moment), default=None)


class ContentViewSet(ConditionalGetMixin, viewsets.ReadOnlyModelViewSet):
    filter_backends = [DjangoFilterBackend]

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        self.last_modified = _latest(_modified_at(obj) for obj in self._page_objects)
        return response

    def paginate_queryset(self, queryset):
        self._page_objects = super().paginate_queryset(queryset)
        return self._page_objects

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        self.last_modified = _modified_at(self._object)
        return response

    def get_object(self):
        self._object = super().get_object()
        return self._object


def conditions_queryset():
    return published_conditions().prefetch_related(
        "codes",
        "resources",
        Prefetch(
            "related_links",
            queryset=ConditionRelation.objects.filter(related__in=published_conditions())
            .select_related("related")
            .order_by("sort_order"),
            to_attr="published_related_links",
        ),
    )


class ConditionViewSet(ContentViewSet):
    """Conditions that have passed clinical review, with their codes and resources."""

    serializer_class = ConditionSerializer
    filterset_class = filters.ConditionFilter
    lookup_field = "slug"

    def get_queryset(self):
        return conditions_queryset().order_by("name")


class ArticleViewSet(ContentViewSet):
    """Articles the signed-in user may read, exactly as in the portal."""

    filterset_class = filters.ArticleFilter

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    def get_queryset(self):
        articles = readable_pages(self.request, EducationPage).prefetch_related(
            Prefetch(
                "conditions",
                queryset=published_conditions().only("slug", "name").order_by("name"),
                to_attr="published_conditions",
            )
        )
        if self.action != "retrieve":
            articles = articles.defer_streamfields()
        return articles.order_by("title")


class TreatmentQuery(serializers.Serializer):
    condition = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=published_conditions(),
        required=False,
        help_text="Only treatments for this condition (its slug, such as lupus).",
    )


@extend_schema(parameters=[TreatmentQuery])
class TreatmentListView(ConditionalGetMixin, generics.ListAPIView):
    """Treatments from the articles the user may read, each with the article it comes from."""

    serializer_class = TreatmentSerializer

    def get_queryset(self):
        query = TreatmentQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        treatments = treatments_for(self.request, query.validated_data.get("condition"))
        self.last_modified = _latest(t.article.last_published_at for t in treatments)
        return treatments


class MeView(generics.RetrieveAPIView):
    """Who the token belongs to."""

    serializer_class = MeSerializer

    def get_object(self):
        return self.request.user


class SavedArticleViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The user's own reading list. Nobody else's items can be seen or changed."""

    serializer_class = SavedArticleSerializer
    lookup_url_kwarg = "article_id"
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        return (
            reading_list.records_for(self.request)
            .filter(saved_at__isnull=False)
            .prefetch_related(
                Prefetch(
                    "page__conditions",
                    queryset=published_conditions().only("slug", "name").order_by("name"),
                    to_attr="published_conditions",
                )
            )
            .order_by("-saved_at")
        )

    def get_serializer_class(self):
        return SaveArticleSerializer if self.action == "create" else SavedArticleSerializer

    @extend_schema(request=SaveArticleSerializer, responses={201: SavedArticleSerializer})
    def create(self, request, *args, **kwargs):
        data = SaveArticleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        article = get_object_or_404(
            readable_pages(request, EducationPage), pk=data.validated_data["article"]
        )
        reading_list.save_article(request.user, article)
        record = self.get_queryset().get(page=article)
        return Response(
            SavedArticleSerializer(record, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )

    def destroy(self, request, *args, **kwargs):
        record = get_object_or_404(self.get_queryset(), page_id=kwargs["article_id"])
        reading_list.unsave_article(request.user, record.page)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SyncQuery(serializers.Serializer):
    since = serializers.DateTimeField(help_text="ISO 8601; the `since` of your last sync.")


@extend_schema(parameters=[SyncQuery], responses=SyncSerializer)
class SyncView(APIView):
    """What changed for this user since a moment: to keep an offline copy exact."""

    def get(self, request):
        query = SyncQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(
            SyncSerializer(sync.changes_since(request, query.validated_data["since"])).data
        )
