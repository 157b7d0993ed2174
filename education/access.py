"""What an audience may read: the one place every page, listing, search, condition page,
treatment, link, cache and API answer asks.

An *audience* is who reads (the user and their groups) and in which language. Domain
functions take one instead of an HTTP request, so commands and background tasks ask the
same questions the portal and the API do.

Readable means published (live, and not past its expiry time even before Wagtail's
`publish_scheduled` job has run) and every view restriction on the page and its
ancestors accepted for the audience.
"""

from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from .publishing import content_version

DEFAULT_LANGUAGE = "en"


def not_expired(via=""):
    """Not past its expiry time, as a filter (through the relation `via`, as `readable`)."""
    return Q(**{f"{via}expire_at__isnull": True}) | Q(**{f"{via}expire_at__gt": timezone.now()})


def is_published(obj):
    """Live and not past its expiry time. Deleted references (None) are not."""
    if obj is None or not obj.live:
        return False
    return obj.expire_at is None or obj.expire_at > timezone.now()


def only_published(objects):
    """The published items, in order: what a block shows of the conditions it names."""
    return [obj for obj in objects if is_published(obj)]


def published(queryset):
    """The published rows of a queryset of pages or snippets with draft states."""
    return queryset.filter(not_expired(), live=True)


def all_restrictions():
    """Every page view restriction with its page and groups.

    Kept under the content version (`publishing`), which every privacy change, move and
    delete replaces, so a request need not ask the database.
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


class Audience:
    """Who reads, and in which language."""

    def __init__(self, user=None, *, group_ids=None, language=DEFAULT_LANGUAGE):
        self.user = user or AnonymousUser()
        self.language = language
        if group_ids is not None:
            self.group_ids = frozenset(group_ids)

    @classmethod
    def of_request(cls, request):
        """The audience of a portal request, worked out once per request."""
        request = getattr(request, "_request", request)  # DRF's wrapper shares Django's
        if not hasattr(request, "education_audience"):
            request.education_audience = cls(request.user)
        return request.education_audience

    @cached_property
    def group_ids(self):
        if not self.user.is_authenticated:
            return frozenset()
        return frozenset(self.user.groups.values_list("pk", flat=True))

    @property
    def depends_on_groups(self):
        """Whether this audience's groups decide anything it may read, today."""
        return not self.user.is_superuser and any(
            r.restriction_type == PageViewRestriction.GROUPS for r in all_restrictions()
        )

    def accepts(self, restriction):
        """Wagtail's `accept_request`, for an audience rather than a request.

        Wagtail reads the request's session and user; an audience has neither. A
        shared-password restriction is never passed: a shared password identifies
        nobody, and the portal never asks for one.
        """
        kind = restriction.restriction_type
        if kind == PageViewRestriction.NONE:
            return True
        if kind == PageViewRestriction.LOGIN:
            return self.user.is_authenticated
        if kind == PageViewRestriction.GROUPS:
            if self.user.is_superuser:
                return True
            # Asked only here, so an audience with no group restriction to pass costs no query.
            return any(group.pk in self.group_ids for group in restriction.groups.all())
        return False

    @cached_property
    def refused(self):
        """The restrictions this audience does not pass."""
        return [r for r in all_restrictions() if not self.accepts(r)]

    @cached_property
    def key(self):
        """What this audience may read, as a short cache key: who it is does not matter."""
        refused = "-".join(str(pk) for pk in sorted(r.pk for r in self.refused)) or "all"
        return f"{refused}.{self.language}"


def readable(audience, via=""):
    """What this audience may read, as a filter on pages reached through `via` (a
    relation's name and "__", or "" for pages themselves).

    Rows that point at pages filter on the joined page itself, not on a subquery of
    pages: PostgreSQL plans that in a fraction of the time.
    """
    condition = Q(**{f"{via}live": True}) & not_expired(via)
    for restriction in audience.refused:
        # Wagtail's `not_descendant_of(page, inclusive=True)`, through the relation.
        condition &= ~Q(**{f"{via}path__startswith": restriction.page.path})
    return condition


def readable_pages(audience, model=Page):
    """Pages of `model` this audience may read."""
    return model.objects.filter(readable(audience))


def restrictions_over(page, restrictions=None):
    """Of `restrictions` (by default all), those on the page or one of its ancestors."""
    if restrictions is None:
        restrictions = all_restrictions()
    return [r for r in restrictions if page.path.startswith(r.page.path)]


def open_to_every_reader(page, restrictions=None):
    """Whether every reader may read the page, whatever their groups: what something shown
    to all of them alike (a kept article body) may link to. Every reader is signed in (the
    portal's sign-in gate, the API's tokens), so a sign-in restriction is passed."""
    return is_published(page) and all(
        restriction.restriction_type in (PageViewRestriction.NONE, PageViewRestriction.LOGIN)
        for restriction in restrictions_over(page, restrictions)
    )


def can_read_page(audience, page):
    if not is_published(page):
        return False
    return not restrictions_over(page, audience.refused)
