"""The "Clinical review" task: a group approval that knows the reading-grade hard limit.

Wagtail's group approval does the moderation: only the chosen groups (clinical
reviewers) may approve or request changes, the item is locked to everyone else while
it waits, and the reviewers are emailed when it arrives. This task adds one rule:
when `READING_GRADE_HARD_LIMIT` is set and the text about to be published is above it,
plain "Approve" is not offered. The reviewer gets "Approve above reading limit"
instead, which asks for an explicit confirmation and a reason, and writes both to the
audit log as "education.reading_level_override".
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.forms import TaskStateCommentForm
from wagtail.log_actions import LogFormatter, log
from wagtail.models import AbstractGroupApprovalTask

from .reading_level import ReadingLevelMixin, hard_limit

APPROVE = "approve"
APPROVE_ABOVE_LIMIT = "approve-above-reading-limit"
READING_LEVEL_OVERRIDE = "education.reading_level_override"


class ReadingLevelOverrideForm(TaskStateCommentForm):
    comment = forms.CharField(
        label="Why approve it above the limit?",
        widget=forms.Textarea({"rows": 2}),
        help_text="Recorded in the audit log with your name.",
    )
    confirm_override = forms.BooleanField(
        label="I approve this text although its reading grade is above the hard limit."
    )


def content_to_publish(obj):
    """What approving would publish: the latest revision, not the live row."""
    return obj.get_latest_revision_as_object()


def above_hard_limit(obj):
    """Whether `obj` (as it would be published) is above the hard limit; False when off."""
    return isinstance(obj, ReadingLevelMixin) and obj.stored_reading_level.above_hard_limit


class ClinicalReviewTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve or request changes; approving publishes."""

    class Meta:
        verbose_name = "clinical review task"
        verbose_name_plural = "clinical review tasks"

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve or request changes. Above the reading-grade "
            "hard limit, approval needs a recorded override."
        )

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        # Checked only when a limit is set: it loads the latest revision.
        if not actions or hard_limit() is None:
            return actions
        if not above_hard_limit(content_to_publish(obj)):
            return actions
        return [
            *(action for action in actions if action[0] != APPROVE),
            (APPROVE_ABOVE_LIMIT, "Approve above reading limit", True),
        ]

    def get_form_for_action(self, action):
        if action == APPROVE_ABOVE_LIMIT:
            return ReadingLevelOverrideForm
        return super().get_form_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # The views check get_actions() first, but the edit view saves a reviewer's changes
        # before acting, and its extra data comes from the browser: check again here.
        obj = content_to_publish(task_state.workflow_state.content_object)
        if action_name == APPROVE and above_hard_limit(obj):
            raise PermissionDenied("Above the reading-grade hard limit: approve with an override.")
        if action_name != APPROVE_ABOVE_LIMIT:
            return super().on_action(task_state, user, action_name, **kwargs)

        comment = (kwargs.get("comment") or "").strip()
        if not (kwargs.get("confirm_override") and comment):
            raise PermissionDenied("An override needs a confirmation and a reason.")
        if above_hard_limit(obj):
            log(
                instance=obj,
                action=READING_LEVEL_OVERRIDE,
                user=user,
                revision=task_state.revision,
                data={
                    "reading_grade": str(obj.reading_level_grade),
                    "flesch_kincaid": str(obj.reading_grade),
                    "smog": str(obj.smog_grade),
                    "hard_limit": str(hard_limit()),
                    "comment": comment,
                },
            )
        task_state.approve(user=user, comment=comment)


class ReadingLevelOverrideAction(LogFormatter):
    """The override as the site history shows it."""

    label = "Approve above the reading-grade limit"

    def format_message(self, log_entry):
        data = log_entry.data
        return (
            f"Approved at reading grade {data.get('reading_grade')}, above the hard limit "
            f"of {data.get('hard_limit')}"
        )

    def format_comment(self, log_entry):
        return log_entry.data.get("comment", "")
