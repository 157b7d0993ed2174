"""The seed content goes through clinical review like anything else an editor writes.

The loader saves each new item as a draft revision and submits it to its workflow
("Clinical review"), so patients see nothing until a clinical reviewer approves it. For
a development portal, `--demo-accounts` has the demo reviewer approve it at once: the
approval goes through the same task (so the review is recorded, with real dates, and the
item published), and the audit log says it was demo data.
"""

from wagtail.log_actions import LogFormatter, log

DEMO_APPROVAL = "education.demo_approval"
DEMO_COMMENT = (
    "Demo data: approved by the demo clinical reviewer when the seed content was loaded "
    "for development. No clinician has reviewed it."
)


def submit_for_review(obj):
    """Save `obj` as a draft revision and start its workflow. Returns the workflow state."""
    obj.save_revision()
    workflow = obj.get_workflow()
    if workflow is None:
        raise LookupError(f"No review workflow applies to {obj}.")
    return workflow.start(obj, user=None)


def approve_as_demo(workflow_state, reviewer):
    """Approve every task of the workflow as the demo reviewer, logging it as demo data."""
    obj = workflow_state.content_object
    while workflow_state.status == workflow_state.STATUS_IN_PROGRESS:
        task_state = workflow_state.current_task_state
        task_state.task.specific.on_action(task_state, reviewer, "approve", comment=DEMO_COMMENT)
        workflow_state.refresh_from_db()
    log(instance=obj, action=DEMO_APPROVAL, user=reviewer, data={"demo": True})


class DemoApprovalAction(LogFormatter):
    label = "Approved as demo data"

    def format_message(self, log_entry):
        return "Approved by the demo clinical reviewer when the seed content was loaded"

    def format_comment(self, log_entry):
        return DEMO_COMMENT
