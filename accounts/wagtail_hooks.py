"""The accounts' part of the Wagtail admin: the second-factor pages, new patients' email
and the sign-in entries of the site history."""

from django.urls import path
from wagtail import hooks

from . import sign_in_audit
from .patients import is_patient, send_set_password_email
from .two_factor import views as two_factor_views


@hooks.register("register_admin_urls")
def two_factor_urls():
    # Admin URLs: only signed-in staff reach them, and the portal's sign-in rule skips them.
    return [
        path("two-factor/setup/", two_factor_views.setup, name="two_factor_setup"),
        path("two-factor/verify/", two_factor_views.verify, name="two_factor_verify"),
    ]


@hooks.register("after_create_user")
def welcome_new_patient(request, user):
    """Patients created by staff in the admin get their set-your-password email."""
    # Staff leave the password blank; Wagtail then stores an empty one.
    if not is_patient(user) or not user.email or user.password and user.has_usable_password():
        return
    user.set_unusable_password()
    user.save(update_fields=["password"])
    send_set_password_email(user, base_url=request.build_absolute_uri("/"))


hooks.register("register_log_actions", sign_in_audit.register_log_actions)
