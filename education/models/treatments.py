"""Treatments as published: one row per TreatmentBlock on an article's live revision.

Condition pages and the API list treatments for a condition across thousands of
articles. Reading them out of every article's body on each request grows with the
content; these rows are written when an article is published (and removed when it is
unpublished or deleted), so a request reads only the rows it shows. They describe live
content only: who may read the article is still decided per request, by `access`.
"""

from django.db import models, transaction

from ..blocks import TreatmentBlock, raw_list_items


def treatments_in(raw_body):
    """The stored values of the treatments in a body's raw JSON, in reading order."""
    for block in raw_body:
        if block.get("type") == "treatment":
            yield block["value"]
        elif block.get("type") == "treatment_plan":
            for group in raw_list_items(block["value"].get("groups")):
                yield from raw_list_items(group.get("treatments"))


def stored_fields(raw_treatment):
    """A treatment's texts as its row keeps them."""
    # An optional text left empty can be stored as null.
    return {
        name: raw_treatment.get(name) or ""
        for name in ("name", "category", "description", "notes", "safety")
    }


def condition_ids(raw_treatment):
    return [pk for pk in raw_list_items(raw_treatment.get("conditions")) if isinstance(pk, int)]


class PublishedTreatmentQuerySet(models.QuerySet):
    def store(self, articles):
        """Replace the rows of these articles with what their live bodies say."""
        Condition = self.model.conditions.rel.model
        through = self.model.conditions.through
        with transaction.atomic():
            self.filter(article__in=[article.pk for article in articles]).delete()
            found = [
                (article, position, raw)
                for article in articles
                for position, raw in enumerate(treatments_in(article.body.raw_data))
            ]
            rows = self.bulk_create(
                self.model(article=article, position=position, **stored_fields(raw))
                for article, position, raw in found
            )
            # A treatment may name a condition deleted since; only existing ones are kept.
            named = {
                (row, pk)
                for row, (_, _, raw) in zip(rows, found, strict=True)
                for pk in condition_ids(raw)
            }
            existing = set(
                Condition.objects.filter(pk__in={pk for _, pk in named}).values_list(
                    "pk", flat=True
                )
            )
            through.objects.bulk_create(
                through(publishedtreatment_id=row.pk, condition_id=pk)
                for row, pk in named
                if pk in existing
            )


class PublishedTreatment(models.Model):
    article = models.ForeignKey(
        "education.EducationPage", on_delete=models.CASCADE, related_name="published_treatments"
    )
    position = models.PositiveIntegerField(help_text="Its place among the article's treatments.")
    name = models.CharField(max_length=255)
    category = models.CharField(max_length=50, blank=True)
    description = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    safety = models.TextField("medicine safety", blank=True)
    conditions = models.ManyToManyField(
        "education.Condition", blank=True, related_name="published_treatments"
    )

    objects = PublishedTreatmentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "position"], name="one_published_treatment_per_place"
            )
        ]

    def __str__(self):
        return self.name

    @property
    def category_label(self):
        return TreatmentBlock.Category.LABELS.get(self.category, self.category)
