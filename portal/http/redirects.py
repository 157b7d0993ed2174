"""Where a form may send the browser next: only somewhere on this site."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, url, fallback):
    """`url` if it stays on this site (and on HTTPS when the request is), else `fallback`.

    A `next` parameter comes from the browser: following it blindly would let a link
    send a signed-in patient to another site that looks like ours.
    """
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return fallback
