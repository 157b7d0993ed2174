"""Signed-in pages hold what a patient reads and saves: no cache may keep them."""

from django.utils.cache import add_never_cache_headers, patch_vary_headers


class PrivatePagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            # no-store also stops the back button from showing a page after sign-out.
            add_never_cache_headers(response)
            patch_vary_headers(response, ["Cookie"])
        return response
