"""The page types of the portal: home, topic hubs and education articles."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from . import readability
from .blocks import PARAGRAPH_FEATURES, EducationStreamBlock
from .review import ClinicallyReviewed


class PortalHomePage(Page):
    """The root of the patient portal."""

    intro = RichTextField(features=PARAGRAPH_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["education.EducationIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "portal home page"


class EducationIndexPage(Page):
    """A topic hub that lists the articles under it."""

    intro = RichTextField(features=PARAGRAPH_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["education.PortalHomePage"]
    subpage_types = ["education.EducationPage"]

    class Meta:
        verbose_name = "topic hub"


class EducationPage(ClinicallyReviewed, Page):
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
    reading_time_minutes = models.PositiveSmallIntegerField(default=0, editable=False)
    reading_grade = models.DecimalField(
        "reading grade (Flesch-Kincaid)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
    )

    content_panels = [
        *Page.content_panels,
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
    ]
    parent_page_types = ["education.EducationIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "education article"

    def patient_text(self):
        """The words a patient reads on the page, one sentence per piece."""
        body_text = self._meta.get_field("body").get_searchable_content(self.body)
        return readability.join_as_sentences([self.summary, *body_text])

    def update_readability(self):
        text = self.patient_text()
        self.reading_time_minutes = readability.reading_time_minutes(text)
        self.reading_grade = readability.flesch_kincaid_grade(text)

    def full_clean(self, *args, **kwargs):
        # Page.save() and every revision save run full_clean, so drafts get their own figures.
        self.update_readability()
        super().full_clean(*args, **kwargs)
