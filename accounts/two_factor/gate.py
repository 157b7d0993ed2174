"""The admin's gate: staff reach nothing in the admin until they pass the second factor."""

from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from portal.http.areas import is_admin

from . import devices


class StaffSecondFactorMiddleware:
    """Everything under the admin's address is covered by its path — pages, JSON and
    chooser endpoints, previews, image and document views — except what Wagtail serves
    to signed-out visitors too (sign-in, password reset, the icon sprite and the
    translation catalogue, which the second-factor pages load), signing out, and the
    second-factor pages themselves. Requests from anyone without admin access go on
    untouched, and Wagtail refuses them as before.
    """

    open_views = {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "two_factor_setup",
        "two_factor_verify",
    }

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            not is_admin(request)
            or request.resolver_match.url_name in self.open_views
            or not devices.required_for(request.user)
            or request.user.is_verified()
        ):
            return None
        step = "two_factor_verify" if devices.has_device(request.user) else "two_factor_setup"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
