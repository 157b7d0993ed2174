"""A patient's own reading: what they saved, opened and finished.

These rows are health information about a person. Only the patient's own requests read
or change them, always through their own user, never an id from the request.
"""

import logging

from django.conf import settings
from django.db import DatabaseError, connection, models
from django.utils import timezone

from ..access import readable

RECORD_FIELDS = ("user", "page", "saved_at", "read_at", "viewed_at")
# What `education/article_card.html` shows, and the address its link is made of.
CARD_FIELDS = ("path", "depth", "url_path", "locale_id", "live", "expire_at")
CARD_FIELDS += ("title", "summary", "reading_time_minutes", "last_published_at")

logger = logging.getLogger(__name__)


class ReadingRecordQuerySet(models.QuerySet):
    def of(self, audience):
        """The audience's own records, for articles they may still read."""
        return (
            self.filter(readable(audience, via="page__"), user=audience.user)
            .select_related("page")
            .defer("page__body")
        )

    def as_cards(self):
        """Only what an article's card shows: Django compiles and decodes every column of
        a page otherwise, which costs more than the query itself."""
        return self.only(*RECORD_FIELDS, *(f"page__{name}" for name in CARD_FIELDS))

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
        # "Saved for later" and "Continue reading": a patient's newest few, read in order.
        indexes = [
            models.Index(fields=["user", "-saved_at"]),
            models.Index(fields=["user", "-viewed_at"], name="education_r_user_viewed_idx"),
        ]

    def __str__(self):
        return f"reading record {self.pk}"
