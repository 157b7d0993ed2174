"""The content version: one value that every change an editor makes replaces.

Whatever the app caches about content or access carries it in its key, so one change
(`signal_handlers`) retires all of it at once, in every process that shares the cache.
The version is random, not a counter: if the cache loses it (Redis restarted), a new
one cannot coincide with a version whose entries may still be stored.
"""

import uuid

from django.core.cache import cache

VERSION_KEY = "education:content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        # Another process may have added its own first: everyone uses the stored one.
        version = cache.get(VERSION_KEY) or "uncached"
    return version


def new_content_version(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
