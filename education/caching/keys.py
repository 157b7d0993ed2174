"""How long what is cached about published content stays true, and the keys it is kept under.

What an article, a condition or a listing shows depends on which view restrictions the
reader passes (their audience's key), never on who they are. Every key also carries the
content version (`publishing`), so a publishing event retires everything at once. Entries
end earlier at the next moment content changes by the clock alone: a page's or
condition's expiry time, or midnight, when review statuses move on.
"""

import datetime
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Min
from django.utils import timezone
from wagtail.models import Page

from ..models import Condition
from ..models.review import local_midnight


def _next_change_by_clock(now):
    midnight = local_midnight(timezone.localdate(now) + datetime.timedelta(days=1))
    expiries = [
        model.objects.filter(live=True, expire_at__gt=now).aggregate(first=Min("expire_at"))[
            "first"
        ]
        for model in (Page, Condition)
    ]
    return min(moment for moment in [midnight, *expiries] if moment)


def seconds_to_keep(version):
    """How long something made now, under `version`, stays true: at most the setting."""
    now = timezone.now()
    key = f"education:next-change:{version}"
    next_change = cache.get(key)
    if next_change is None or next_change <= now:
        next_change = _next_change_by_clock(now)
        cache.set(key, next_change, settings.EDUCATION_CACHE_SECONDS)
    return max(0, min(settings.EDUCATION_CACHE_SECONDS, (next_change - now).total_seconds()))


def keep(key, value, version):
    """Store what was made under `version` for as long as it stays true (if a second)."""
    seconds = seconds_to_keep(version)
    if seconds >= 1:
        cache.set(key, value, seconds)


def answer_key(version, audience_key, request):
    """The key of an answer to this address, for one audience, under one content version."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"education:answer:{version}:{audience_key}:{digest}"


def count_key(version, audience_key, path, parameters):
    """The key of a list's length at `path` with these filter parameters (name, values)."""
    address = f"{path}?{sorted(parameters)!r}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"education:count:{version}:{audience_key}:{digest}"
