"""What a finished review workflow does: record the review, then publish what was approved.

Named by `WAGTAIL_FINISH_WORKFLOW_ACTION`. Wagtail imports it while its own models are
still loading, so this module imports nothing from the app at module level.
"""

from django.utils import timezone
from modelcluster.models import get_field_value

REVIEW_FIELDS = ["last_reviewed", "reviewed_by", "next_review_due"]


def publish_approved(workflow_state, user=None):
    """Record the review on the revision being published, then publish it.

    The review goes into the revision itself, so the live row and the revision history
    agree on who reviewed what, and an editor's next draft starts from the reviewed
    dates. Publishing skips Wagtail's publish-permission check: reviewers are
    deliberately not given publish permission, and the approval of the last task,
    which only they can give, is the permission.
    """
    from .models.review import ClinicallyReviewed

    revision = workflow_state.content_object.get_latest_revision()
    approved = revision.as_object()
    if isinstance(approved, ClinicallyReviewed):
        approved.record_review(user, on=timezone.localdate())
        for name in REVIEW_FIELDS:
            revision.content[name] = get_field_value(approved._meta.get_field(name), approved)
        revision.save(update_fields=["content"])
    revision.publish(user=user, skip_permission_checks=True)
