"""The page types of the portal: home, topic hubs and education articles."""

from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from .. import text
from ..access import Audience, readable_pages, restrictions_over
from ..blocks import PARAGRAPH_FEATURES, EducationStreamBlock
from .article_bodies import ArticleBody, render_html
from .conditions import Condition
from .reading import ReadingRecord
from .reading_level import ReadingLevelMixin, ReadingLevelPanel
from .review import ClinicallyReviewed


class KnownRestrictionsMixin:
    """Pages whose serving asks the database about view restrictions only when one applies.

    Wagtail's check on serving (its `on_serve_page` hook) queries the page's ancestors
    and their restrictions on every request. The portal's own check (`wagtail_hooks`,
    from the list `access` keeps) has already refused what it must; when that list names
    no restriction over this page, Wagtail's check has nothing to find, so it is given an
    empty answer without a query (tests/test_query_counts.py). An alias inherits its
    source's restrictions, which the list does not show by path: it is always asked.
    """

    def get_view_restrictions(self):
        if self.alias_of_id is None and not restrictions_over(self):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class PortalHomePage(KnownRestrictionsMixin, Page):
    """The root of the patient portal."""

    intro = RichTextField(features=PARAGRAPH_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["education.EducationIndexPage"]
    max_count = 1

    def route(self, request, path_components):
        """The page at a path found by its address in one query, not two per tree level.

        Wagtail walks the tree a level at a time. The deepest page whose address starts
        the path is where that walk ends up; it routes the rest of the path itself, so a
        page type with routes of its own (RoutablePageMixin) works as under Wagtail,
        unless it claims a path that is also a child's address (tests/test_overrides.py).
        """
        if not path_components:
            return super().route(request, path_components)
        addresses = [
            f"{self.url_path}{'/'.join(path_components[:depth])}/"
            for depth in range(1, len(path_components) + 1)
        ]
        page = Page.objects.filter(url_path__in=addresses).order_by("-depth").first()
        if page is None:
            raise Http404
        return page.specific.route(request, path_components[page.depth - self.depth :])

    class Meta:
        verbose_name = "portal home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        audience = Audience.of_request(request)
        articles = readable_pages(audience, EducationPage).defer_streamfields()
        records = ReadingRecord.objects.of(audience).as_cards()
        context.update(
            conditions=Condition.objects.published().only("name", "slug", "summary"),
            recent_articles=articles.order_by("-first_published_at")[:5],
            updated_articles=articles.filter(
                last_published_at__gt=models.F("first_published_at")
            ).order_by("-last_published_at")[:5],
            continue_reading=records.filter(viewed_at__isnull=False, read_at__isnull=True).order_by(
                "-viewed_at"
            )[:3],
            saved_records=records.filter(saved_at__isnull=False).order_by("-saved_at")[:5],
        )
        return context


class EducationIndexPage(KnownRestrictionsMixin, Page):
    """A topic hub that lists the articles under it."""

    intro = RichTextField(features=PARAGRAPH_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["education.PortalHomePage"]
    subpage_types = ["education.EducationPage"]

    class Meta:
        verbose_name = "topic hub"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        published_conditions = Condition.objects.published()
        articles = (
            readable_pages(Audience.of_request(request), EducationPage)
            .child_of(self)
            .defer_streamfields()
            .prefetch_related(
                models.Prefetch("conditions", queryset=published_conditions.only("name", "slug"))
            )
            .order_by("title")
        )
        conditions = published_conditions.filter(education_pages__in=articles).distinct()
        chosen = None
        slug = request.GET.get("condition")
        if slug:
            chosen = next((c for c in conditions if c.slug == slug), None)
            articles = articles.filter(conditions=chosen) if chosen else articles.none()
        context.update(
            articles=articles,
            filter_conditions=conditions,
            chosen_condition=chosen,
            unknown_condition=bool(slug) and chosen is None,
        )
        return context


class EducationPage(KnownRestrictionsMixin, ClinicallyReviewed, ReadingLevelMixin, Page):
    """A patient-education article built from typed blocks."""

    summary = models.TextField(
        max_length=400, help_text="Two or three plain sentences: what the reader will learn."
    )
    body = StreamField(EducationStreamBlock())
    conditions = ParentalManyToManyField(
        "education.Condition",
        blank=True,
        related_name="education_pages",
        help_text="The conditions this article covers.",
    )

    content_panels = [
        *Page.content_panels,
        ReadingLevelPanel(),
        FieldPanel("summary"),
        FieldPanel("conditions"),
        FieldPanel("body"),
    ]
    settings_panels = [*Page.settings_panels, *ClinicallyReviewed.review_panels]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("conditions", [index.SearchField("name")]),
        index.FilterField("first_published_at"),
        index.FilterField("last_published_at"),
        index.FilterField("expire_at"),
    ]
    parent_page_types = ["education.EducationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "education article"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        preview = getattr(request, "is_preview", False)
        context.update(
            reading=self.is_reading(request),
            record=getattr(request, "reading_record", None),
            # A preview shows the draft: made each time, never kept.
            body_html=render_html(self) if preview else ArticleBody.objects.for_reading(self).html,
            related_articles=self.related_articles(Audience.of_request(request)),
        )
        return context

    def serve(self, request, *args, **kwargs):
        if self.is_reading(request):
            # The visit is noted in the statement that reads the patient's record.
            request.reading_record = ReadingRecord.objects.note_view(request.user, self)
        return super().serve(request, *args, **kwargs)

    @staticmethod
    def is_reading(request):
        # Editors' previews are not reading, so they leave no trace.
        return request.user.is_authenticated and not getattr(request, "is_preview", False)

    def related_articles(self, audience):
        """The newest readable articles sharing a condition with this one (lazy: the
        template's cached fragment evaluates it only when it renders)."""
        shares_a_condition = EducationPage.conditions.through.objects.filter(
            educationpage=models.OuterRef("pk"),
            condition__in=self.conditions.all(),
        )
        return (
            readable_pages(audience, EducationPage)
            .filter(models.Exists(shares_a_condition))
            .exclude(pk=self.pk)
            .defer_streamfields()
            .order_by("-last_published_at")[:4]
        )

    def patient_text(self):
        body_text = self._meta.get_field("body").get_searchable_content(self.body)
        return text.join_as_sentences([self.summary, *body_text])
