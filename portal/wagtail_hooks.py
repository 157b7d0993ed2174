"""Patients created by staff in the Wagtail admin get their set-your-password email."""

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
