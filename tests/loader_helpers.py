"""What the loader's tests share: the seed's condition slugs and ways to run and inspect it."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Revision, Site, WorkflowState

from education.models import (
    Condition,
    ConditionCode,
    ConditionRelation,
    ConditionResource,
)

MPS = "myofascial-pain-syndrome"
FIBROMYALGIA = "fibromyalgia"
AUTOIMMUNE = ["rheumatoid-arthritis", "lupus", "sjogrens-syndrome"]
ALL_SLUGS = [MPS, FIBROMYALGIA, *AUTOIMMUNE]


def load(*args):
    out = StringIO()
    call_command("load_education_content", *args, stdout=out)
    return out.getvalue()


def load_reviewed():
    """The seed content as patients get it: loaded, then approved in the "Clinical review"
    workflow by a clinical reviewer (who is not one of the demo accounts)."""
    output = load()
    reviewer, _ = get_user_model().objects.get_or_create(username="seed-reviewer")
    reviewer.groups.add(Group.objects.get(name="Clinical reviewers"))
    for state in WorkflowState.objects.active().order_by("pk"):
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve")
    return output


def slugs(conditions):
    return [condition.slug for condition in conditions]


def snapshot():
    """What a run could change: row counts, and each item's revisions and publish times."""
    models = [Page, Condition, ConditionCode, ConditionRelation, ConditionResource, Revision, Site]
    return {
        "counts": {model.__name__: model.objects.count() for model in models},
        "users": get_user_model().objects.count(),
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "title", "latest_revision_id", "live_revision_id", "last_published_at"
            )
        ),
        "conditions": list(
            Condition.objects.order_by("pk").values_list(
                "pk", "summary", "latest_revision_id", "live_revision_id", "last_published_at"
            )
        ),
    }


def assert_in_review(obj):
    """Created by the loader and waiting in "Clinical review": patients cannot see it."""
    obj.refresh_from_db()
    assert not obj.live
    assert obj.workflow_in_progress
    assert obj.current_workflow_state.workflow.name == "Clinical review"
    assert obj.revisions.count() == 1


def assert_published_once(obj):
    assert obj.live
    assert obj.first_published_at is not None
    assert obj.revisions.count() == 1
    assert obj.live_revision_id == obj.latest_revision_id
