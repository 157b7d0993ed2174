"""Treatments on the articles an audience may read, from the rows kept as articles are
published (`PublishedTreatment`), so the cost follows the rows shown, not the content."""

from wagtail.signals import page_published, page_unpublished

from ..access import readable
from ..models import EducationPage, PublishedTreatment
from ..models.conditions import published_condition_refs

FIELDS = ("article", "position", "name", "category", "description", "notes", "safety")
ARTICLE_FIELDS = ("title", "slug", "url_path", "path", "depth", "last_published_at")


def treatments_for(audience, condition=None):
    """Treatments on the articles the audience may read, by article title and then in
    reading order; with a condition, only those for it. Each has `published_conditions`."""
    treatments = PublishedTreatment.objects.filter(readable(audience, via="article__"))
    if condition is not None:
        treatments = treatments.filter(conditions=condition.pk)
    return (
        treatments.select_related("article")
        .only(*FIELDS, *(f"article__{name}" for name in ARTICLE_FIELDS))
        .prefetch_related(published_condition_refs())
        .order_by("article__title", "article_id", "position")
    )


def article_published(sender, instance, **kwargs):
    PublishedTreatment.objects.store([instance])


def article_unpublished(sender, instance, **kwargs):
    PublishedTreatment.objects.filter(article=instance.pk).delete()


def connect():
    # Sent for publishing by a reviewer's approval, an administrator, a schedule, a copy
    # published at once, and for the aliases of a published page.
    page_published.connect(
        article_published, sender=EducationPage, dispatch_uid="education.treatments"
    )
    page_unpublished.connect(
        article_unpublished, sender=EducationPage, dispatch_uid="education.treatments"
    )
