"""A patient's own reading: what they saved, opened and finished.

These rows are health information about a person. Only the patient's own requests read
or change them, always through their own user, never an id from the request.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, connection, models
from django.utils import timezone

from ..access import readable_pages

logger = logging.getLogger(__name__)


class ReadingRecordQuerySet(models.QuerySet):
    def of(self, audience):
        """The audience's own records, for articles they may still read."""
        return self.filter(
            user=audience.user, page__in=readable_pages(audience).values("pk")
        ).select_related("page")

    def mark(self, user, page, **fields):
        """Set fields on the user's record for the page in one statement, safe under races."""
        self.bulk_create(
            [ReadingRecord(user=user, page=page, **fields)],
            update_conflicts=True,
            unique_fields=["user", "page"],
            update_fields=list(fields),
        )

    def unmark(self, user, page, *fields):
        self.filter(user=user, page=page).update(**dict.fromkeys(fields))

    def note_view(self, user, page):
        """Note that the patient opened the article (for "Continue reading"), and return
        their record for it, in one statement.

        A record that cannot be written (the database busy or read-only) is logged, and
        the patient still gets the article: their record is then only read.
        """
        table = connection.ops.quote_name(self.model._meta.db_table)
        # The ORM's upsert (bulk_create) returns only the key; the page needs the row.
        noted = self.raw(
            f"INSERT INTO {table} (user_id, page_id, viewed_at) VALUES (%s, %s, %s) "
            "ON CONFLICT (user_id, page_id) DO UPDATE SET viewed_at = EXCLUDED.viewed_at "
            "RETURNING id, user_id, page_id, saved_at, read_at, viewed_at",
            [user.pk, page.pk, timezone.now()],
        )
        try:
            return next(iter(noted))
        except DatabaseError:
            logger.warning("Could not note that user %s opened page %s", user.pk, page.pk)
            return self.filter(user=user, page=page).first()


class ReadingRecord(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_records"
    )
    page = models.ForeignKey("education.EducationPage", on_delete=models.CASCADE, related_name="+")
    saved_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)
    viewed_at = models.DateTimeField(null=True, blank=True)

    objects = ReadingRecordQuerySet.as_manager()

    # Keep patients' records out of Wagtail's page usage and reference listings.
    wagtail_reference_index_ignore = True

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="one_reading_record_per_article")
        ]
        indexes = [models.Index(fields=["user", "-saved_at"])]

    def __str__(self):
        return f"reading record {self.pk}"
