"""The Content-Security-Policy header: one policy, two exceptions the admin needs, and a
fixed one for the API's JSON."""

from csp.constants import HEADER, SELF
from csp.middleware import CSPMiddleware
from django.conf import settings

from .areas import is_admin, is_api

# The API's JSON is never a document a browser runs or frames: it may load nothing, and building
# the page policy for each API answer would be work for no one.
JSON_POLICY = "default-src 'none'; frame-ancestors 'none'"


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """settings.CONTENT_SECURITY_POLICY, with three exceptions.

    - The Wagtail admin adds CONTENT_SECURITY_POLICY_ADMIN_ADDITIONS (its widgets start
      without inline scripts: portal/admin_scripts).
    - A response whose view set X-Frame-Options SAMEORIGIN may be framed by this site:
      Wagtail does so for the previews it shows beside the editor. Browsers that know
      CSP ignore X-Frame-Options, so the policy must say the same.
    - The API's answers get JSON_POLICY, except its HTML page (the docs).
    """

    def process_response(self, request, response):
        # (A 304 has no Content-Type: it stands for the JSON the client holds.)
        if is_api(request) and not response.get("Content-Type", "").startswith("text/html"):
            response.setdefault(HEADER, JSON_POLICY)
            return response
        if _framable(response):
            # Wagtail renders a preview through the middleware once more, so the page
            # arrives with the policy for an ordinary page already set.
            del response[HEADER]
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin(request):
            parts.update = {
                **settings.CONTENT_SECURITY_POLICY_ADMIN_ADDITIONS,
                **(parts.update or {}),
            }
        if _framable(response):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


def _framable(response):
    return response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
