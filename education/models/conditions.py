"""Condition snippets: the diseases and disorders the education content is about."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from .. import text
from ..access import published
from .reading_level import ReadingLevelMixin, ReadingLevelPanel
from .review import ClinicallyReviewed

OVERVIEW_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def section_field(verbose_name, help_text=""):
    return RichTextField(verbose_name, blank=True, features=OVERVIEW_FEATURES, help_text=help_text)


@dataclass(frozen=True)
class Section:
    """A titled part of a condition's page, with an anchor patients and links can jump to."""

    field: str
    heading: str
    anchor: str


@dataclass(frozen=True)
class BoundSection:
    section: Section
    text: str

    @property
    def heading(self):
        return self.section.heading

    @property
    def anchor(self):
        return self.section.anchor


# The sections patients look for on a condition (as NHS and MedlinePlus pages have them).
SECTIONS = [
    Section("symptoms", "Symptoms", "symptoms"),
    Section("causes", "Causes and risk factors", "causes"),
    Section("diagnosis", "How it is diagnosed", "diagnosis"),
    Section("treatment_overview", "How it is treated", "treatment"),
    Section("living_with", "Living with it", "living-with"),
]
HELP_SECTIONS = [
    Section("urgent_help", "Get urgent help now", "urgent-help"),
    Section("see_care_team_soon", "See your care team soon", "see-your-care-team"),
]
SECTION_FIELDS = [section.field for section in SECTIONS]
HELP_FIELDS = [section.field for section in HELP_SECTIONS]


class ConditionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Rows added in this form belong to no condition until it is saved. Give them this
        # one, so their clean() can refuse a link to itself and tell its own codes from
        # another condition's.
        for formset in self.formsets.values():
            for form in formset.forms:
                form.instance.condition_id = self.instance.pk


class ConditionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """What patients may see: drafts, expired and unpublished conditions never."""
        return published(self)


class Condition(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ReadingLevelMixin,
    ClinicallyReviewed,
    ClusterableModel,
):
    class Category(models.TextChoices):
        AUTOIMMUNE = "autoimmune", "Autoimmune disease"
        MUSCULOSKELETAL_PAIN = "musculoskeletal-pain", "Musculoskeletal pain disorder"
        WIDESPREAD_PAIN = "widespread-pain", "Chronic widespread pain condition"

    name = models.CharField(max_length=120, unique=True)
    slug = models.SlugField(
        max_length=120, unique=True, help_text="Used in web addresses and the app API."
    )
    is_autoimmune = models.BooleanField(
        "autoimmune disease",
        default=False,
        help_text="Tick only when the immune system attacks the body's own tissue.",
    )
    not_strictly_autoimmune = models.BooleanField(
        default=False,
        help_text="Tick instead for a condition often grouped with autoimmune diseases but not "
        "strictly one, such as fibromyalgia: its page then says so rather than “not autoimmune”.",
    )
    category = models.CharField(max_length=32, choices=Category.choices)
    summary = models.TextField(
        max_length=300, help_text="One or two plain sentences for cards and the app."
    )
    overview = RichTextField(features=OVERVIEW_FEATURES)
    nature = models.TextField("what it is", blank=True)
    relation_to_mps = models.TextField(
        "how it relates to myofascial pain syndrome",
        blank=True,
    )
    symptoms = section_field("symptoms")
    causes = section_field("causes and risk factors")
    diagnosis = section_field("how it is diagnosed")
    treatment_overview = section_field("treatment overview")
    living_with = section_field("living with it", "Self-care: what patients can do day to day.")
    urgent_help = section_field(
        "get urgent help now",
        "Signs that need 911 or the emergency department now. Shown in the “When to get help” box.",
    )
    see_care_team_soon = section_field(
        "see your care team soon",
        "Signs to contact the care team about soon. Shown in the “When to get help” box.",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                InlinePanel("synonyms", heading="Other names", label="Other name"),
                FieldPanel("category"),
                FieldPanel("is_autoimmune"),
                FieldPanel("not_strictly_autoimmune"),
            ],
            heading="Identity",
        ),
        ReadingLevelPanel(),
        FieldPanel("summary"),
        FieldPanel("overview"),
        FieldPanel("nature"),
        FieldPanel("relation_to_mps"),
        *[FieldPanel(section.field) for section in SECTIONS],
        MultiFieldPanel(
            [FieldPanel("urgent_help"), FieldPanel("see_care_team_soon")],
            heading="When to get help",
        ),
        InlinePanel("codes", heading="Clinical codes", label="Code"),
        InlinePanel("related_links", heading="Related conditions", label="Related condition"),
        InlinePanel("resources", heading="Trusted resources", label="Resource"),
        *ClinicallyReviewed.review_panels,
    ]

    base_form_class = ConditionForm

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.RelatedFields("synonyms", [index.SearchField("name", boost=3)]),
        index.SearchField("summary"),
        index.SearchField("overview"),
        index.SearchField("nature"),
        index.SearchField("relation_to_mps"),
        *[index.SearchField(field) for field in SECTION_FIELDS],
        index.FilterField("slug"),
        index.FilterField("live"),
        index.FilterField("expire_at"),
        index.FilterField("is_autoimmune"),
        index.FilterField("category"),
    ]

    objects = ConditionQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def other_names(self):
        return [synonym.name for synonym in self.synonyms.all()]

    def clean(self):
        super().clean()
        if self.is_autoimmune and self.not_strictly_autoimmune:
            raise ValidationError(
                {"not_strictly_autoimmune": "Tick either “autoimmune disease” or this, not both."}
            )

    @property
    def autoimmune_statement(self):
        """The sentence under the name, exactly as careful as the facts allow."""
        if self.is_autoimmune:
            return "This is an autoimmune disease: the immune system attacks the body’s own tissue."
        if self.not_strictly_autoimmune:
            return "This is not strictly an autoimmune disease."
        return "This is not an autoimmune disease."

    def sections(self):
        """The sections this condition has text for, in reading order, each with its text."""
        return [
            BoundSection(section, getattr(self, section.field))
            for section in SECTIONS
            if getattr(self, section.field)
        ]

    def help_sections(self):
        """The "When to get help" box: urgent first, then soon; only those with text."""
        return [
            BoundSection(section, getattr(self, section.field))
            for section in HELP_SECTIONS
            if getattr(self, section.field)
        ]

    def get_absolute_url(self):
        return reverse("condition-detail", kwargs={"slug": self.slug})

    def patient_text(self):
        return text.join_as_sentences(
            [
                self.summary,
                text.rich_text_lines(self.overview),
                self.nature,
                self.relation_to_mps,
                *[
                    text.rich_text_lines(getattr(self, field))
                    for field in [*SECTION_FIELDS, *HELP_FIELDS]
                ],
            ]
        )

    def get_preview_template(self, request, mode_name):
        return "education/condition_page.html"

    def get_preview_context(self, request, mode_name):
        # The page's sections come from the template's {% condition_page %} tag, for the
        # portal and previews alike.
        return {"condition": self}


def published_condition_refs(lookup="conditions"):
    """Prefetch the published conditions at `lookup` (slug and name, by name), as
    `published_conditions`: what articles and treatments show of their conditions."""
    return models.Prefetch(
        lookup,
        queryset=Condition.objects.published().only("slug", "name").order_by("name"),
        to_attr="published_conditions",
    )
