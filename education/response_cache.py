"""Answers cached per audience, and the content version that retires them.

What an article, a condition or a listing shows depends on which view restrictions the
reader passes (their *audience*), never on who they are. So answers are cached under
the audience, and every key carries the *content version*: any change an editor makes
that could alter an answer (publish, unpublish, move, delete, a condition, a
restriction, an image) sets a new version (`signal_handlers`), and older entries are
never read again. Entries also end at the next moment content changes by the clock
alone: a page's or condition's expiry time, or midnight, when review statuses move on.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page

from .content_version import content_version
from .selectors import refused_restrictions
from .snippets import Condition


def audience(request):
    """The view restrictions this request does not pass, as a short key."""
    refused = sorted(restriction.pk for restriction in refused_restrictions(request))
    return "-".join(map(str, refused)) or "all"


def _next_change_by_clock(now):
    midnight = datetime.datetime.combine(
        timezone.localdate(now) + datetime.timedelta(days=1),
        datetime.time.min,
        timezone.get_current_timezone(),
    )
    expiries = [
        model.objects.filter(live=True, expire_at__gt=now).aggregate(first=Min("expire_at"))[
            "first"
        ]
        for model in (Page, Condition)
    ]
    return min(moment for moment in [midnight, *expiries] if moment)


def seconds_to_keep(version):
    """How long an answer made now, under `version`, stays true: at most the setting."""
    now = timezone.now()
    key = f"education:next-change:{version}"
    next_change = cache.get(key)
    if next_change is None or next_change <= now:
        next_change = _next_change_by_clock(now)
        cache.set(key, next_change, settings.EDUCATION_CACHE_SECONDS)
    return max(0, min(settings.EDUCATION_CACHE_SECONDS, (next_change - now).total_seconds()))


def answer_key(version, audience_key, request, kind):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"education:{kind}:{version}:{audience_key}:{digest}"


def fragment_cache(request):
    """What a template's `{% wagtailpagecache %}` of audience-wide content varies on."""
    version = content_version()
    return {"seconds": seconds_to_keep(version), "version": version, "audience": audience(request)}
