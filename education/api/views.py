"""The content, reading-list and sync endpoints. Each asks `access` what the user may read."""

import re

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import generics, mixins, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from ..access import Audience, readable_pages
from ..caching.answers import CachedAnswers
from ..features import reading_list, sync
from ..features.treatments import treatments_for
from ..models import Condition, ConditionRelation, EducationPage, ReadingRecord
from ..models.article_bodies import with_kept_body
from ..models.conditions import published_condition_refs
from ..models.review import local_midnight, review_status_since
from . import filters
from .authentication import ReaderAuthentication
from .serializers import (
    ArticleDetailSerializer,
    ArticleSerializer,
    ConditionSerializer,
    ErrorSerializer,
    MeSerializer,
    SaveArticleSerializer,
    SavedArticleSerializer,
    SyncSerializer,
    TreatmentSerializer,
)

# Ids in addresses: digits that fit a 64-bit column. Longer ones are unknown addresses
# (a JSON 404) rather than an integer overflow in the database.
ID_PATTERN = r"[0-9]{1,18}"
# Slugs in addresses and parameters: anything else (a NUL byte breaks PostgreSQL
# queries) cannot be a condition.
SLUG_PATTERN = r"[-a-zA-Z0-9_]+"


def id_parameter(name, description):
    schema = {"type": "integer", "minimum": 1, "maximum": 10**18 - 1}
    return OpenApiParameter(name, schema, OpenApiParameter.PATH, description=description)


def _modified_at(obj):
    """When the item's answer last changed: published, or its review status moved on."""
    status_since = review_status_since(obj.next_review_due)
    changed = [obj.last_published_at]
    if status_since:
        changed.append(local_midnight(status_since))
    return _latest(changed)


def _latest(moments):
    return max((moment for moment in moments if moment), default=None)


class ContentViewSet(CachedAnswers, viewsets.ReadOnlyModelViewSet):
    authentication_classes = [ReaderAuthentication]
    filter_backends = [DjangoFilterBackend]

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.last_modified = _latest(_modified_at(obj) for obj in page)
        return page

    def get_object(self):
        obj = super().get_object()
        self.last_modified = _modified_at(obj)
        return obj


def conditions_queryset():
    return Condition.objects.published().prefetch_related(
        "synonyms",
        "codes",
        "resources",
        Prefetch(
            "related_links",
            queryset=ConditionRelation.objects.filter(related__in=Condition.objects.published())
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
    lookup_value_regex = SLUG_PATTERN

    def get_queryset(self):
        return conditions_queryset().order_by("name")


@extend_schema_view(retrieve=extend_schema(parameters=[id_parameter("id", "The article's id.")]))
class ArticleViewSet(ContentViewSet):
    """Articles the signed-in user may read, exactly as in the portal."""

    filterset_class = filters.ArticleFilter
    lookup_value_regex = ID_PATTERN

    def get_serializer_class(self):
        return ArticleDetailSerializer if self.action == "retrieve" else ArticleSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # Describing the schema needs only the model, not the reader's access.
            return EducationPage.objects.none()
        articles = readable_pages(self.audience(), EducationPage).prefetch_related(
            published_condition_refs()
        )
        articles = articles.defer_streamfields()
        if self.action == "retrieve":
            # The body as kept; the stream is read only when it must be made again.
            articles = with_kept_body(articles)
        return articles.order_by("title")


@extend_schema_field({"type": "string", "pattern": f"^{SLUG_PATTERN}$"})
class PublishedConditionField(serializers.SlugRelatedField):
    """A published condition by its slug, as published at the time of the request."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="slug", **kwargs)

    def get_queryset(self):
        # Not a queryset made at import: "not expired" means not expired now.
        return Condition.objects.published()

    def to_internal_value(self, data):
        if not isinstance(data, str) or not re.fullmatch(SLUG_PATTERN, data):
            self.fail("invalid")
        return super().to_internal_value(data)


class TreatmentQuery(serializers.Serializer):
    condition = PublishedConditionField(
        required=False,
        help_text="Only treatments for this condition (its slug, such as lupus).",
    )


@extend_schema(parameters=[TreatmentQuery])
class TreatmentListView(CachedAnswers, generics.ListAPIView):
    """Treatments from the articles the user may read, each with the article it comes from."""

    authentication_classes = [ReaderAuthentication]
    serializer_class = TreatmentSerializer

    def count_parameters(self):
        return set(TreatmentQuery().fields)

    def get_queryset(self):
        query = TreatmentQuery(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return treatments_for(self.audience(), query.validated_data.get("condition"))

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        self.last_modified = _latest(t.article.last_published_at for t in page)
        return page


class MeView(generics.RetrieveAPIView):
    """Who the token belongs to."""

    serializer_class = MeSerializer

    def get_object(self):
        return self.request.user


def _with_conditions(records):
    return records.prefetch_related(published_condition_refs("page__conditions"))


@extend_schema_view(
    destroy=extend_schema(parameters=[id_parameter("article_id", "The saved article's id.")])
)
class SavedArticleViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """The user's own reading list. Nobody else's items can be seen or changed."""

    serializer_class = SavedArticleSerializer
    lookup_url_kwarg = "article_id"
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ReadingRecord.objects.none()
        return _with_conditions(reading_list.saved_records(Audience.of_request(self.request)))

    def get_serializer_class(self):
        return SaveArticleSerializer if self.action == "create" else SavedArticleSerializer

    @extend_schema(
        request=SaveArticleSerializer,
        responses={201: SavedArticleSerializer, 404: ErrorSerializer},
    )
    def create(self, request, *args, **kwargs):
        data = SaveArticleSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        article = get_object_or_404(
            readable_pages(Audience.of_request(request), EducationPage),
            pk=data.validated_data["article"],
        )
        saved_at = reading_list.save_article(request.user, article)
        # Read back whether or not it is still saved: an unsave of the same article may
        # have come in between. The answer says what this request did.
        records = ReadingRecord.objects.of(Audience.of_request(request))
        record = get_object_or_404(_with_conditions(records), page=article)
        record.saved_at = saved_at
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
            SyncSerializer(
                sync.changes_since(Audience.of_request(request), query.validated_data["since"])
            ).data
        )
