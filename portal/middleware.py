"""Who must sign in where, and what no cache may keep."""

from urllib.parse import urlencode

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from . import two_factor


class PortalLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Every portal page needs a signed-in user, except views marked `login_not_required`.

    The Wagtail admin guards itself with its own sign-in page, and the API answers
    with JSON 401s for a missing or bad token instead of a redirect.
    """

    self_guarded_prefixes = ("/admin/", "/api/")

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(self.self_guarded_prefixes):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class StaffSecondFactorMiddleware:
    """Staff reach nothing in the admin until they pass the second factor.

    Everything under the admin's address is covered by its path — pages, JSON and
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
            not request.path_info.startswith(reverse("wagtailadmin_home"))
            or request.resolver_match.url_name in self.open_views
            or not two_factor.required_for(request.user)
            or request.user.is_verified()
        ):
            return None
        step = "two_factor_verify" if two_factor.has_device(request.user) else "two_factor_setup"
        return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")


class PrivatePagesMiddleware:
    """Signed-in pages hold what a patient reads and saves: no cache may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            # no-store also stops the back button from showing a page after sign-out.
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response
