"""What the app adds to Wagtail's audit log: its own actions, and staff sign-ins.

Wagtail already logs creating, editing, submitting, approving, rejecting, publishing,
unpublishing and privacy changes for pages and for conditions (they use revisions and
the workflow). This module names the app's own actions so the site history report can
show and filter them, and records sign-ins.

Sign-ins are recorded for accounts with admin access, whichever sign-in page they used
(the path says which): staff can reach the admin through the portal's sign-in too.
Patients' sign-ins are not: they are not editorial events, and the site history is an
editors' report. Failed sign-ins are recorded against the staff account they named;
ones naming an unknown account or a patient have no account to attach to, and are
left to django-axes, which counts every failure for its lockout.

Staff's second factor (portal/two_factor.py) adds enrolling an authenticator app, each
wrong code, and an administrator's reset of someone's app.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models import Q
from django.urls import reverse
from wagtail.log_actions import LogFormatter, log

from .workflow import READING_LEVEL_OVERRIDE

SIGN_IN = "education.sign_in"
SIGN_IN_FAILED = "education.sign_in_failed"
TWO_FACTOR_ENROLLED = "education.two_factor_enrolled"
TWO_FACTOR_FAILED = "education.two_factor_failed"
TWO_FACTOR_RESET = "education.two_factor_reset"


def has_admin_access(user):
    """Staff: a superuser or anyone granted admin access, even if now deactivated.

    Not user.has_perm(), which is False for a deactivated account: a failed sign-in to a
    former employee's account is worth recording.
    """
    if user.is_superuser:
        return True
    return (
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
        .filter(Q(user=user) | Q(group__user=user))
        .exists()
    )


def sign_in_data(request):
    path = getattr(request, "path", "") or ""
    return {
        "door": "admin" if path.startswith(reverse("wagtailadmin_home")) else "portal",
        "path": path,
        "ip_address": getattr(request, "META", {}).get("REMOTE_ADDR", ""),
    }


def record_sign_in(sender, request, user, **kwargs):
    if has_admin_access(user):
        log(instance=user, action=SIGN_IN, user=user, data=sign_in_data(request))


def record_failed_sign_in(sender, credentials, request=None, **kwargs):
    User = get_user_model()
    username = credentials.get(User.USERNAME_FIELD) or credentials.get("username")
    if not username:
        return
    user = User._default_manager.filter(**{User.USERNAME_FIELD: username}).first()
    if user is not None and has_admin_access(user):
        # Nobody is signed in: whoever tried is unknown, so the entry has no acting user.
        log(instance=user, action=SIGN_IN_FAILED, user=None, data=sign_in_data(request))


def connect_signals():
    user_logged_in.connect(record_sign_in, dispatch_uid="education.audit.sign_in")
    user_login_failed.connect(record_failed_sign_in, dispatch_uid="education.audit.sign_in_failed")


def register_log_actions(actions):
    @actions.register_action(SIGN_IN)
    class SignIn(LogFormatter):
        label = "Sign in"

        def format_message(self, log_entry):
            return f"Signed in through the {log_entry.data.get('door', 'admin')} sign-in page"

    @actions.register_action(SIGN_IN_FAILED)
    class FailedSignIn(LogFormatter):
        label = "Failed sign-in"

        def format_message(self, log_entry):
            door = log_entry.data.get("door", "admin")
            return f"Failed sign-in to this account through the {door} sign-in page"

    @actions.register_action(TWO_FACTOR_ENROLLED)
    class TwoFactorEnrolled(LogFormatter):
        label = "Set up two-factor sign-in"

        def format_message(self, log_entry):
            return "Set up an authenticator app for two-factor sign-in"

    @actions.register_action(TWO_FACTOR_FAILED)
    class TwoFactorFailed(LogFormatter):
        label = "Wrong two-factor code"

        def format_message(self, log_entry):
            if log_entry.data.get("stage") == "enrolment":
                return "Wrong code while setting up two-factor sign-in"
            return "Wrong two-factor code after signing in with the password"

    @actions.register_action(TWO_FACTOR_RESET)
    class TwoFactorReset(LogFormatter):
        label = "Reset two-factor sign-in"

        def format_message(self, log_entry):
            return "Authenticator app removed; a new one is set up at the next admin sign-in"

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
