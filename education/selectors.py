"""What a patient may read. Every page, listing, search and API answer asks here."""

from django.db.models import Q
from django.utils import timezone

from .snippets import Condition


def is_published(obj):
    """Live and not past its expiry time, even before `publish_scheduled` has run."""
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
    not_expired = Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
    return Condition.objects.filter(not_expired, live=True)
