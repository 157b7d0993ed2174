"""The review cycle: published content that is overdue for clinical review or soon due.

One list for articles and conditions alike, used by the dashboard panel, the report
and `manage.py review_due`. Content never reviewed counts as overdue: nobody has
signed it off. Overdue content stays published; the portal says it is overdue.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ..models import Condition, EducationPage
from ..models.review import DUE_SOON_DAYS, ReviewStatus, review_status

NEEDS_REVIEW = [ReviewStatus.NOT_REVIEWED, ReviewStatus.OVERDUE]
DUE_STATUSES = [*NEEDS_REVIEW, ReviewStatus.DUE_SOON]
KINDS = {"article": "Article", "condition": "Condition"}


@dataclass
class ReviewItem:
    """A published article or condition and where it stands in its review cycle."""

    obj: EducationPage | Condition
    kind: str
    status: ReviewStatus

    @property
    def title(self):
        return str(self.obj)

    @property
    def kind_label(self):
        return KINDS[self.kind]

    @property
    def status_label(self):
        return self.status.label

    @property
    def needs_review(self):
        return self.status in NEEDS_REVIEW

    @property
    def next_review_due(self):
        return self.obj.next_review_due

    @property
    def last_reviewed(self):
        return self.obj.last_reviewed

    @property
    def reviewed_by(self):
        return self.obj.reviewed_by.get_username() if self.obj.reviewed_by else ""

    @property
    def edit_url(self):
        if self.kind == "article":
            return reverse("wagtailadmin_pages:edit", args=[self.obj.pk])
        return reverse(Condition.snippet_viewset.get_url_name("edit"), args=[self.obj.pk])

    @property
    def live_url(self):
        return self.obj.url if self.kind == "article" else self.obj.get_absolute_url()

    def user_can_edit(self, user):
        if self.kind == "article":
            return self.obj.permissions_for_user(user).can_edit()
        return Condition.snippet_viewset.permission_policy.user_has_permission_for_instance(
            user, "change", self.obj
        )


def due_for_review(today=None, kind=None, status=None):
    """Live content due for review within DUE_SOON_DAYS of `today`, most urgent first.

    `kind` ("article" or "condition") and `status` (a ReviewStatus) narrow the list.
    """
    today = today or timezone.localdate()
    due = Q(next_review_due__isnull=True) | Q(
        next_review_due__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)
    )
    found = []
    if kind in (None, "article"):
        articles = EducationPage.objects.live().filter(due).select_related("reviewed_by")
        found += [("article", article) for article in articles.defer_streamfields()]
    if kind in (None, "condition"):
        conditions = Condition.objects.filter(due, live=True).select_related("reviewed_by")
        found += [("condition", condition) for condition in conditions]

    items = [
        ReviewItem(obj, obj_kind, review_status(obj.next_review_due, today))
        for obj_kind, obj in found
    ]
    if status:
        items = [item for item in items if item.status == status]
    # Never reviewed first, then by due date, the longest overdue first.
    return sorted(items, key=lambda item: (item.next_review_due or datetime.date.min, item.title))
