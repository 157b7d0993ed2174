from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Who signs in: patients, staff (their admin access and second factor), the lockout
    and the sign-in audit."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = "Accounts"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_login_failed

        from . import sign_in_audit, staff, token_revocation

        user_logged_in.connect(sign_in_audit.record_sign_in, dispatch_uid="accounts.sign_in")
        user_logged_in.connect(staff.note_admin_access, dispatch_uid="accounts.staff")
        user_login_failed.connect(
            sign_in_audit.record_failed_sign_in, dispatch_uid="accounts.sign_in_failed"
        )
        token_revocation.connect()
