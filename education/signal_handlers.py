"""Keep what the app caches about access in step with what editors change."""

from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

from .selectors import RESTRICTIONS_CACHE_KEY


def forget_restrictions(**kwargs):
    cache.delete(RESTRICTIONS_CACHE_KEY)


def connect():
    post_save.connect(forget_restrictions, sender=PageViewRestriction)
    post_delete.connect(forget_restrictions, sender=PageViewRestriction)
    m2m_changed.connect(forget_restrictions, sender=PageViewRestriction.groups.through)
    # A move changes the paths that restrictions are matched by.
    post_page_move.connect(forget_restrictions)
