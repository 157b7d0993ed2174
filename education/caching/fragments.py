"""What a template's `{% wagtailpagecache %}` of audience-wide content varies on.

A context processor, so page models need not know about caching: templates read
`content_cache.seconds`, `.version` and `.audience`, worked out only when a template
uses them, for `{% wagtailpagecache %}` (pages) and `{% cache %}` (other views). An
editor's preview shows drafts: it is never cached, nor served from the cache.
"""

from django.utils.functional import SimpleLazyObject

from ..access import Audience
from ..publishing import content_version
from .keys import seconds_to_keep


def content_cache(request):
    def values():
        if getattr(request, "is_preview", False):
            return {"seconds": 0, "version": "preview", "audience": "preview"}
        version = content_version()
        return {
            "seconds": seconds_to_keep(version),
            "version": version,
            "audience": Audience.of_request(request).key,
        }

    return {"content_cache": SimpleLazyObject(values)}
