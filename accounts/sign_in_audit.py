"""Staff sign-ins in Wagtail's audit log (Reports → Site history).

Sign-ins are recorded for accounts with admin access, whichever sign-in page they used
(the path says which): staff can reach the admin through the portal's sign-in too.
Patients' sign-ins are not: they are not editorial events, and the site history is an
editors' report. Failed sign-ins are recorded against the staff account they named;
ones naming an unknown account or a patient have no account to attach to, and are
left to django-axes, which counts every failure for its lockout.

The second factor (`two_factor.devices`) adds enrolling an authenticator app, each
wrong code, and an administrator's reset of someone's app.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import reverse
from wagtail.log_actions import LogFormatter, log

SIGN_IN = "accounts.sign_in"
SIGN_IN_FAILED = "accounts.sign_in_failed"
TWO_FACTOR_ENROLLED = "accounts.two_factor_enrolled"
TWO_FACTOR_FAILED = "accounts.two_factor_failed"
TWO_FACTOR_RESET = "accounts.two_factor_reset"


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


class Action(LogFormatter):
    message = ""

    def format_message(self, log_entry):
        return self.message


class SignIn(Action):
    label = "Sign in"

    def format_message(self, log_entry):
        return f"Signed in through the {log_entry.data.get('door', 'admin')} sign-in page"


class FailedSignIn(Action):
    label = "Failed sign-in"

    def format_message(self, log_entry):
        door = log_entry.data.get("door", "admin")
        return f"Failed sign-in to this account through the {door} sign-in page"


class TwoFactorEnrolled(Action):
    label = "Set up two-factor sign-in"
    message = "Set up an authenticator app for two-factor sign-in"


class TwoFactorFailed(Action):
    label = "Wrong two-factor code"

    def format_message(self, log_entry):
        if log_entry.data.get("stage") == "enrolment":
            return "Wrong code while setting up two-factor sign-in"
        return "Wrong two-factor code after signing in with the password"


class TwoFactorReset(Action):
    label = "Reset two-factor sign-in"
    message = "Authenticator app removed; a new one is set up at the next admin sign-in"


LOG_ACTIONS = {
    SIGN_IN: SignIn,
    SIGN_IN_FAILED: FailedSignIn,
    TWO_FACTOR_ENROLLED: TwoFactorEnrolled,
    TWO_FACTOR_FAILED: TwoFactorFailed,
    TWO_FACTOR_RESET: TwoFactorReset,
}


def register_log_actions(actions):
    for action, formatter in LOG_ACTIONS.items():
        actions.register_action(action)(formatter)
