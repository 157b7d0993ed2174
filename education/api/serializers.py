"""JSON shapes of the API. Read-only except the reading list."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.rich_text import expand_db_html

from ..blocks import TreatmentBlock
from ..models import ArticleBody, Condition, EducationPage
from ..models.review import ReviewStatus


def absolute(request, path):
    return request.build_absolute_uri(path)


def page_url(request, page):
    """A page's portal address. Site root paths are cached, so this costs no query."""
    return absolute(request, page.get_url_parts(request)[2])


class ConditionRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class CodeSerializer(serializers.Serializer):
    system = serializers.CharField()
    code = serializers.CharField()
    display = serializers.CharField()


class RelatedConditionSerializer(serializers.Serializer):
    slug = serializers.SlugField(source="related.slug")
    name = serializers.CharField(source="related.name")
    note = serializers.CharField()


class ResourceSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.URLField()
    publisher = serializers.CharField()


class ReviewAndReadingLevelFields(serializers.Serializer):
    """Reading level and clinical review, the same for articles and conditions."""

    reading_grade = serializers.FloatField(allow_null=True, help_text="Flesch-Kincaid grade.")
    smog_grade = serializers.FloatField(allow_null=True, help_text="SMOG grade.")
    review_status = serializers.ChoiceField(
        choices=ReviewStatus.choices,
        read_only=True,
        help_text="Where the content is in its clinical review cycle. Overdue content stays "
        "published; show the dates so readers can judge.",
    )


REVIEW_AND_READING_LEVEL = [
    "reading_time_minutes",
    "reading_grade",
    "smog_grade",
    "last_reviewed",
    "next_review_due",
    "review_status",
]


class RichTextHTMLField(serializers.CharField):
    """Rich text as HTML a client can show, with links made real addresses; "" when empty."""

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", "HTML; empty when not written.")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        return expand_db_html(value) if value else ""


class WhenToGetHelpSerializer(serializers.Serializer):
    urgent = RichTextHTMLField(
        source="urgent_help", help_text="HTML: signs that need 911 or the emergency department."
    )
    soon = RichTextHTMLField(
        source="see_care_team_soon", help_text="HTML: signs to contact the care team about soon."
    )


class ConditionSerializer(ReviewAndReadingLevelFields, serializers.ModelSerializer):
    other_names = serializers.ListField(
        child=serializers.CharField(), help_text="Synonyms patients may know: searched too."
    )
    overview = RichTextHTMLField(help_text="HTML.")
    symptoms = RichTextHTMLField()
    causes = RichTextHTMLField(help_text="HTML: causes and risk factors; empty when not written.")
    diagnosis = RichTextHTMLField()
    treatment_overview = RichTextHTMLField()
    living_with = RichTextHTMLField(help_text="HTML: self-care; empty when not written.")
    when_to_get_help = WhenToGetHelpSerializer(source="*")
    codes = CodeSerializer(many=True)
    related = RelatedConditionSerializer(many=True, source="published_related_links")
    resources = ResourceSerializer(many=True)
    updated_at = serializers.DateTimeField(source="last_published_at")
    portal_url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    class Meta:
        model = Condition
        fields = [
            "id",
            "slug",
            "name",
            "other_names",
            "is_autoimmune",
            "not_strictly_autoimmune",
            "category",
            "summary",
            "overview",
            "nature",
            "relation_to_mps",
            "symptoms",
            "causes",
            "diagnosis",
            "treatment_overview",
            "living_with",
            "when_to_get_help",
            "codes",
            "related",
            "resources",
            *REVIEW_AND_READING_LEVEL,
            "updated_at",
            "portal_url",
            "api_url",
        ]

    def get_portal_url(self, condition) -> str:
        return absolute(self.context["request"], condition.get_absolute_url())

    def get_api_url(self, condition) -> str:
        return absolute(
            self.context["request"], reverse("api:condition-detail", args=[condition.slug])
        )


class ArticleLinksMixin(serializers.Serializer):
    """An article's address in the portal and in this API."""

    portal_url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_portal_url(self, article) -> str:
        return page_url(self.context["request"], article)

    def get_api_url(self, article) -> str:
        return absolute(self.context["request"], reverse("api:article-detail", args=[article.pk]))


class ArticleSerializer(
    ArticleLinksMixin, ReviewAndReadingLevelFields, serializers.ModelSerializer
):
    conditions = ConditionRefSerializer(many=True, source="published_conditions")

    class Meta:
        model = EducationPage
        fields = [
            "id",
            "slug",
            "title",
            "summary",
            "conditions",
            "first_published_at",
            "last_published_at",
            *REVIEW_AND_READING_LEVEL,
            "portal_url",
            "api_url",
        ]


class BlockSerializer(serializers.Serializer):
    type = serializers.CharField()
    id = serializers.CharField(allow_null=True)
    value = serializers.JSONField(
        help_text="The block's content. Conditions are {slug, name}; rich text is HTML; "
        "images are {url, width, height, alt}."
    )


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = [*ArticleSerializer.Meta.fields, "body"]

    @extend_schema_field(BlockSerializer(many=True))
    def get_body(self, article):
        return ArticleBody.objects.for_reading(article).typed


class ArticleRefSerializer(ArticleLinksMixin):
    id = serializers.IntegerField()
    title = serializers.CharField()


class TreatmentSerializer(serializers.Serializer):
    name = serializers.CharField()
    category = serializers.ChoiceField(choices=TreatmentBlock.Category.CHOICES)
    category_label = serializers.CharField()
    description = serializers.CharField()
    notes = serializers.CharField(allow_blank=True)
    safety = serializers.CharField(
        allow_blank=True, help_text="For a medicine: how to take it safely; empty otherwise."
    )
    conditions = ConditionRefSerializer(many=True, source="published_conditions")
    article = ArticleRefSerializer()


class SavedArticleSerializer(serializers.Serializer):
    article = ArticleSerializer(source="page", read_only=True)
    saved_at = serializers.DateTimeField(read_only=True)
    read_at = serializers.DateTimeField(read_only=True, allow_null=True)


class SaveArticleSerializer(serializers.Serializer):
    article = serializers.IntegerField(
        min_value=1, max_value=2**63 - 1, help_text="The id of the article to save."
    )


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.EmailField()


class LoginSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=128, trim_whitespace=False, write_only=True)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()
    expiry = serializers.DateTimeField()


class SyncItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    updated_at = serializers.DateTimeField()


class SyncChangesSerializer(serializers.Serializer):
    updated = SyncItemSerializer(many=True)
    removed = serializers.ListField(child=serializers.IntegerField())


class SyncSerializer(serializers.Serializer):
    since = serializers.DateTimeField(help_text="Pass this as `since` next time.")
    articles = SyncChangesSerializer()
    conditions = SyncChangesSerializer()


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()
    code = serializers.CharField()
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False
    )
