"""Condition snippets: the diseases and disorders the education content is about."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
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


class ConditionForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Rows added in this form belong to no condition until it is saved. Give them this
        # one, so their clean() can refuse a link to itself and tell its own codes from
        # another condition's.
        for formset in self.formsets.values():
            for form in formset.forms:
                form.instance.condition_id = self.instance.pk


class CodeInput(forms.TextInput):
    """Reads a code as it is stored: trimmed and in capitals.

    The form's check for a code entered twice compares the submitted values, so "m79.7"
    and "M79.7" must already be equal there; otherwise the second reaches the database's
    unique constraint and the editor gets a server error.
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return value.strip().upper() if isinstance(value, str) else value


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
    other_names = models.CharField(
        max_length=255, blank=True, help_text="Other names patients may know, separated by commas."
    )
    is_autoimmune = models.BooleanField(
        "autoimmune disease",
        default=False,
        help_text="Tick only when the immune system attacks the body's own tissue.",
    )
    category = models.CharField(max_length=32, choices=Category.choices)
    summary = models.TextField(
        max_length=300, help_text="One or two plain sentences for cards and the app."
    )
    overview = RichTextField(features=OVERVIEW_FEATURES)
    nature = models.TextField("what it is", blank=True)
    typical_causes = models.TextField(blank=True)
    relation_to_mps = models.TextField(
        "how it relates to myofascial pain syndrome",
        blank=True,
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("other_names"),
                FieldPanel("category"),
                FieldPanel("is_autoimmune"),
            ],
            heading="Identity",
        ),
        ReadingLevelPanel(),
        FieldPanel("summary"),
        FieldPanel("overview"),
        FieldPanel("nature"),
        FieldPanel("typical_causes"),
        FieldPanel("relation_to_mps"),
        InlinePanel("codes", heading="Clinical codes", label="Code"),
        InlinePanel("related_links", heading="Related conditions", label="Related condition"),
        InlinePanel("resources", heading="Trusted resources", label="Resource"),
        *ClinicallyReviewed.review_panels,
    ]

    base_form_class = ConditionForm

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("other_names", boost=2),
        index.SearchField("summary"),
        index.SearchField("overview"),
        index.SearchField("nature"),
        index.SearchField("typical_causes"),
        index.SearchField("relation_to_mps"),
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
    def other_names_list(self):
        return [name.strip() for name in self.other_names.split(",") if name.strip()]

    def get_absolute_url(self):
        return reverse("condition-detail", kwargs={"slug": self.slug})

    def patient_text(self):
        return text.join_as_sentences(
            [
                self.summary,
                text.rich_text_lines(self.overview),
                self.nature,
                self.typical_causes,
                self.relation_to_mps,
            ]
        )

    def get_preview_template(self, request, mode_name):
        return "education/condition_page.html"

    def get_preview_context(self, request, mode_name):
        # The page's sections come from the template's {% condition_page %} tag, for the
        # portal and previews alike.
        return {"condition": self}


class ConditionCode(Orderable):
    """A code for the condition in a clinical terminology, for EHR links and the API."""

    class System(models.TextChoices):
        ICD10CM = "ICD-10-CM", "ICD-10-CM"
        SNOMEDCT = "SNOMED-CT", "SNOMED CT"

    condition = ParentalKey(Condition, on_delete=models.CASCADE, related_name="codes")
    system = models.CharField(max_length=16, choices=System.choices)
    code = models.CharField(max_length=32)
    display = models.CharField("display name", max_length=255)

    panels = [FieldPanel("system"), FieldPanel("code", widget=CodeInput), FieldPanel("display")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["system", "code"], name="unique_code_per_system")
        ]

    def __str__(self):
        return f"{self.system} {self.code}"

    def clean(self):
        self.code = self.code.strip().upper()
        # A code names one condition: another condition using it would be ambiguous for EHRs.
        taken = ConditionCode.objects.filter(system=self.system, code=self.code)
        if self.condition_id:
            taken = taken.exclude(condition_id=self.condition_id)
        if taken.exists():
            raise ValidationError(
                {"code": f"{self.system} {self.code} is already used by another condition."}
            )


class ConditionRelation(Orderable):
    """Another condition that overlaps with this one, and how."""

    condition = ParentalKey(Condition, on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        Condition, on_delete=models.CASCADE, related_name="+", verbose_name="related condition"
    )
    note = models.CharField(
        max_length=255, help_text="In a sentence: how the two conditions overlap."
    )

    panels = [FieldPanel("related"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["condition", "related"], name="unique_related_condition"
            )
        ]

    def __str__(self):
        return f"{self.condition} ↔ {self.related}"

    def clean(self):
        if self.condition_id and self.condition_id == self.related_id:
            raise ValidationError({"related": "A condition cannot be related to itself."})


class ConditionResource(Orderable):
    """A trusted outside source patients can read for more."""

    condition = ParentalKey(Condition, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(max_length=255)
    url = models.URLField("web address")
    publisher = models.CharField(max_length=255)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("publisher")]

    def __str__(self):
        return self.title


def published_condition_refs(lookup="conditions"):
    """Prefetch the published conditions at `lookup` (slug and name, by name), as
    `published_conditions`: what articles and treatments show of their conditions."""
    return models.Prefetch(
        lookup,
        queryset=Condition.objects.published().only("slug", "name").order_by("name"),
        to_attr="published_conditions",
    )
