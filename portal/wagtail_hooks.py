"""The portal's admin hooks: new patients' email, the staff's second-factor pages, and
the admin's script that stands in for Wagtail's inline ones.

Patients created by staff in the Wagtail admin get their set-your-password email.
"""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks

from . import two_factor_views
from .patients import is_patient, send_set_password_email


@hooks.register("register_admin_urls")
def two_factor_urls():
    # Admin URLs: only signed-in staff reach them, and the portal's sign-in rule skips them.
    return [
        path("two-factor/setup/", two_factor_views.setup, name="two_factor_setup"),
        path("two-factor/verify/", two_factor_views.verify, name="two_factor_verify"),
    ]


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
