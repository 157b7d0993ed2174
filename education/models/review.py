"""Clinical review metadata shared by education pages and condition snippets.

Only an approval in the review workflow records a review (`review_task.py`,
`education/approval.py`): the dates
and the reviewer are shown to editors but not editable, so nobody can sign off content
by typing a date.
"""

import calendar
import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

DUE_SOON_DAYS = 30


def default_review_interval():
    return settings.REVIEW_INTERVAL_MONTHS


def add_months(day, months):
    """The same day `months` later; the month's last day when it is shorter (31 Jan → 28 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class ReviewStatus(models.TextChoices):
    NOT_REVIEWED = "not-reviewed", "Never reviewed"
    OVERDUE = "overdue", "Overdue"
    DUE_SOON = "due-soon", f"Due within {DUE_SOON_DAYS} days"
    CURRENT = "current", "Current"


def local_midnight(day):
    """When `day` begins where the hospital is (TIME_ZONE): review statuses change then."""
    return datetime.datetime.combine(day, datetime.time.min, timezone.get_current_timezone())


def review_status(next_review_due, today=None):
    today = today or timezone.localdate()
    if next_review_due is None:
        return ReviewStatus.NOT_REVIEWED
    if next_review_due < today:
        return ReviewStatus.OVERDUE
    if next_review_due <= today + datetime.timedelta(days=DUE_SOON_DAYS):
        return ReviewStatus.DUE_SOON
    return ReviewStatus.CURRENT


def review_status_since(next_review_due, today=None):
    """The day the current status began; None while it is the one the review started with.

    The status changes with the calendar, not with an edit: a cache that goes by the
    publication date alone would keep showing "current" after the review fell due.
    """
    status = review_status(next_review_due, today)
    if status == ReviewStatus.OVERDUE:
        return next_review_due + datetime.timedelta(days=1)
    if status == ReviewStatus.DUE_SOON:
        return next_review_due - datetime.timedelta(days=DUE_SOON_DAYS)
    return None


class ClinicallyReviewed(models.Model):
    """When a clinician last checked this content, who did, and when it is due again."""

    last_reviewed = models.DateField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_review_due = models.DateField(null=True, blank=True)
    review_interval_months = models.PositiveSmallIntegerField(
        "review every (months)",
        default=default_review_interval,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="A reviewer's approval sets the next review this many months later.",
    )

    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed", read_only=True),
                FieldPanel("reviewed_by", read_only=True),
                FieldPanel("next_review_due", read_only=True),
                FieldPanel("review_interval_months"),
            ],
            heading="Clinical review",
        )
    ]

    class Meta:
        abstract = True

    @property
    def review_status(self):
        return review_status(self.next_review_due)

    def record_review(self, reviewer, on):
        self.last_reviewed = on
        self.reviewed_by = reviewer
        self.next_review_due = add_months(on, self.review_interval_months)
