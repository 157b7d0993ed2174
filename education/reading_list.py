"""A patient's own reading: what they saved, opened and finished.

These rows are health information about a person. Only the patient's own requests
read or change them, always through `request.user`, never an id from the request.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .selectors import readable_pages


class ReadingRecord(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_records"
    )
    page = models.ForeignKey("education.EducationPage", on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    viewed_at = models.DateTimeField(null=True, blank=True)

    # Keep patients' records out of Wagtail's page usage and reference listings.
    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="one_reading_record_per_article")
        ]
        indexes = [models.Index(fields=["user", "-saved_at"])]

    def __str__(self):
        return f"reading record {self.pk}"


def _upsert(user, page, **fields):
    """Set fields on the user's record for the page in one statement, safe under races."""
    ReadingRecord.objects.bulk_create(
        [ReadingRecord(user=user, page=page, **fields)],
        update_conflicts=True,
        unique_fields=["user", "page"],
        update_fields=list(fields),
    )


def save_article(user, page):
    _upsert(user, page, saved_at=timezone.now())


def unsave_article(user, page):
    ReadingRecord.objects.filter(user=user, page=page).update(saved_at=None)


def mark_read(user, page):
    _upsert(user, page, read_at=timezone.now())


def mark_unread(user, page):
    ReadingRecord.objects.filter(user=user, page=page).update(read_at=None)


def record_view(user, page):
    _upsert(user, page, viewed_at=timezone.now())


def records_for(request):
    """The user's own records, for articles they may still read."""
    return ReadingRecord.objects.filter(
        user=request.user, page__in=readable_pages(request).values("pk")
    ).select_related("page")


def record_for_view(request, page):
    """Note that the patient opened the article, and return their record for it.

    Editors' previews are not reading, so they leave no trace.
    """
    if getattr(request, "is_preview", False) or not request.user.is_authenticated:
        return None
    record_view(request.user, page)
    return ReadingRecord.objects.get(user=request.user, page=page)
