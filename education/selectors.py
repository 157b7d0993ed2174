"""What a patient may read. Every page, listing, search and API answer asks here.

Readable means: live, not past its expiry time (even before Wagtail's
`publish_scheduled` job has run), and every view restriction on the page and its
ancestors accepted by Wagtail's own `accept_request`.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .content_version import content_version
from .snippets import Condition


def _not_expired():
    return Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())


def is_published(obj):
    """Live and not past its expiry time."""
    if obj is None or not obj.live:
        return False
    return obj.expire_at is None or obj.expire_at > timezone.now()


def only_published(objects):
    """The published items of a block's chooser values, in order.

    Draft, expired and deleted (None) items are skipped, so a page never shows a
    condition that has not been through review.
    """
    return [obj for obj in objects if is_published(obj)]


def published_conditions():
    return Condition.objects.filter(_not_expired(), live=True)


def all_restrictions():
    """Every page view restriction with its page and groups, cached until one changes.

    Kept under the content version, which `signal_handlers` replaces whenever a
    restriction, its groups or the page tree changes, so every request need not ask
    the database.
    """
    key = f"education:page-view-restrictions:{content_version()}"
    restrictions = cache.get(key)
    if restrictions is None:
        restrictions = list(
            PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        )
        # Not forever: if the cache was unreachable when a restriction changed, the new
        # version was lost, and a stale copy must not outlive the answers it shaped.
        cache.set(key, restrictions, settings.EDUCATION_CACHE_SECONDS)
    return restrictions


def refused_restrictions(request):
    """The restrictions this request does not pass, by Wagtail's own `accept_request`."""
    # Kept on Django's request, so DRF's wrapper and the middleware around it share it.
    request = getattr(request, "_request", request)
    if not hasattr(request, "_refused_restrictions"):
        restrictions = all_restrictions()
        user = getattr(request, "user", None)
        needs_groups = any(r.restriction_type == PageViewRestriction.GROUPS for r in restrictions)
        if needs_groups and user is not None and user.is_authenticated:
            # accept_request() reads user.groups.all() per restriction: load it once.
            prefetch_related_objects([user], "groups")
        request._refused_restrictions = [
            restriction for restriction in restrictions if not restriction.accept_request(request)
        ]
    return request._refused_restrictions


def readable_pages(request, model=Page):
    """Pages of `model` this request may read."""
    queryset = model.objects.live().filter(_not_expired())
    for restriction in refused_restrictions(request):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    return queryset


def can_read_page(request, page):
    if not is_published(page):
        return False
    return not any(
        page.path.startswith(restriction.page.path) for restriction in refused_restrictions(request)
    )
