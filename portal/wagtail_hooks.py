"""Patients created by staff get their set-your-password email; the admin runs no inline script."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .patients import is_patient, send_set_password_email


@hooks.register("after_create_user")
def welcome_new_patient(request, user):
    # Staff leave the password blank; Wagtail then stores an empty one.
    if not is_patient(user) or not user.email or user.password and user.has_usable_password():
        return
    user.set_unusable_password()
    user.save(update_fields=["password"])
    send_set_password_email(user, base_url=request.build_absolute_uri("/"))


@hooks.register("insert_global_admin_js")
def admin_scripts():
    # Starts what Wagtail's inline scripts would have (portal/admin_scripts.py).
    return format_html('<script src="{}"></script>', static("js/admin_scripts.js"))
