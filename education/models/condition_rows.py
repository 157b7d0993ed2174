"""The rows a condition holds: its other names, clinical codes, related conditions and
trusted resources, each edited inline on the condition's form."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class CodeInput(forms.TextInput):
    """Reads a code as it is stored: trimmed and in capitals.

    The form's check for a code entered twice compares the submitted values, so "m79.7"
    and "M79.7" must already be equal there; otherwise the second reaches the database's
    unique constraint and the editor gets a server error.
    """

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return value.strip().upper() if isinstance(value, str) else value


class ConditionSynonym(Orderable):
    """Another name patients may know the condition by, such as SLE for lupus; searched."""

    condition = ParentalKey("Condition", on_delete=models.CASCADE, related_name="synonyms")
    name = models.CharField(max_length=120)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["condition", "name"], name="unique_condition_synonym")
        ]

    def __str__(self):
        return self.name


class ConditionCode(Orderable):
    """A code for the condition in a clinical terminology, for EHR links and the API."""

    class System(models.TextChoices):
        ICD10CM = "ICD-10-CM", "ICD-10-CM"
        SNOMEDCT = "SNOMED-CT", "SNOMED CT"

    condition = ParentalKey("Condition", on_delete=models.CASCADE, related_name="codes")
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

    condition = ParentalKey("Condition", on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey(
        "Condition", on_delete=models.CASCADE, related_name="+", verbose_name="related condition"
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

    condition = ParentalKey("Condition", on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(max_length=255)
    url = models.URLField("web address")
    publisher = models.CharField(max_length=255)

    panels = [FieldPanel("title"), FieldPanel("url"), FieldPanel("publisher")]

    def __str__(self):
        return self.title
