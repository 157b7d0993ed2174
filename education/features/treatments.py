"""Treatments, gathered from the TreatmentBlocks on the articles a patient may read.

Bodies are read as raw JSON and all conditions are loaded in one query, so the cost
does not grow with the number of blocks. Wagtail's reference index (kept from the
live page rows) narrows the articles to those that mention the condition.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from ..access import readable_pages
from ..blocks import TreatmentBlock, raw_list_items
from ..models import Condition, EducationPage


@dataclass
class Treatment:
    name: str
    category: str
    description: str
    notes: str
    article: EducationPage
    condition_ids: list = field(default_factory=list)
    conditions: list = field(default_factory=list)

    @property
    def category_label(self):
        return TreatmentBlock.Category.LABELS.get(self.category, self.category)


def _raw_treatments(raw_body):
    for block in raw_body:
        if block.get("type") == "treatment":
            yield block["value"]
        elif block.get("type") == "treatment_plan":
            for group in raw_list_items(block["value"].get("groups")):
                yield from raw_list_items(group.get("treatments"))


def articles_mentioning(condition):
    ids = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(Condition),
        to_object_id=str(condition.pk),
    ).values_list("object_id", flat=True)
    return [int(pk) for pk in ids]


def treatments_for(audience, condition=None):
    """Treatments on the articles the audience may read; with a condition, only those for it."""
    articles = readable_pages(audience, EducationPage).order_by("title")
    if condition is not None:
        articles = articles.filter(pk__in=articles_mentioning(condition))
    treatments = []
    fields = ("id", "title", "slug", "url_path", "path", "depth", "last_published_at", "body")
    for article in articles.only(*fields):
        for raw in _raw_treatments(article.body.raw_data):
            ids = [pk for pk in raw_list_items(raw.get("conditions")) if isinstance(pk, int)]
            if condition is not None and condition.pk not in ids:
                continue
            treatments.append(
                Treatment(
                    # An optional text left empty can be stored as null.
                    name=raw.get("name") or "",
                    category=raw.get("category") or "",
                    description=raw.get("description") or "",
                    notes=raw.get("notes") or "",
                    article=article,
                    condition_ids=ids,
                )
            )
    conditions = Condition.objects.published().in_bulk(
        {pk for t in treatments for pk in t.condition_ids}
    )
    for treatment in treatments:
        treatment.conditions = [
            conditions[pk] for pk in treatment.condition_ids if pk in conditions
        ]
    return treatments
