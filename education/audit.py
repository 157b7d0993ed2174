"""What the app adds to Wagtail's audit log.

Wagtail already logs creating, editing, submitting, approving, rejecting, publishing,
unpublishing and privacy changes for pages and for conditions (they use revisions and
the workflow). This module names the app's own actions so the site history report can
show and filter them.
"""

from wagtail.log_actions import LogFormatter

from .workflow import READING_LEVEL_OVERRIDE


def register_log_actions(actions):
    @actions.register_action(READING_LEVEL_OVERRIDE)
    class ReadingLevelOverride(LogFormatter):
        label = "Approve above the reading-grade limit"

        def format_message(self, log_entry):
            data = log_entry.data
            return (
                f"Approved at reading grade {data.get('reading_grade')}, above the hard limit "
                f"of {data.get('hard_limit')}"
            )

        def format_comment(self, log_entry):
            return log_entry.data.get("comment", "")
