"""Who must sign in where, and what no cache may keep."""

from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from .areas import is_admin, is_api


class PortalLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Every portal page needs a signed-in user, except views marked `login_not_required`.

    The Wagtail admin guards itself with its own sign-in page, and the API answers
    with JSON 401s for a missing or bad token instead of a redirect.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        if is_admin(request) or is_api(request):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class PrivatePagesMiddleware:
    """Signed-in pages hold what a patient reads and saves: no cache may keep them.

    API answers that say for themselves how they may be kept are left as they are: the
    API's content is private and revalidated with its ETag, which an app could not do
    with an answer it was told not to store.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        keeps_its_own = is_api(request) and response.has_header("Cache-Control")
        if request.user.is_authenticated and not keeps_its_own:
            # no-store also stops the back button from showing a page after sign-out.
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response
