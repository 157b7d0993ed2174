"""What changed for one user since a moment, so an app can keep an exact offline copy.

Updated: items the user may read now that were published, or became readable through a
privacy change, after `since`. Removed: items the user may not read now that could
have been in their copy (published by `since`), and items deleted since. Removed ids
are ids only, never titles; an app drops those it has and ignores the rest.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.models import ModelLogEntry, Page, PageLogEntry

from ..access import readable_pages
from ..models import Condition, EducationPage

PRIVACY_ACTIONS = [
    "wagtail.view_restriction.create",
    "wagtail.view_restriction.edit",
    "wagtail.view_restriction.delete",
]


def _privacy_changed_since(since):
    """Pages whose privacy changed since `since`, with everything under them."""
    pages = Page.objects.filter(
        pk__in=PageLogEntry.objects.filter(action__in=PRIVACY_ACTIONS, timestamp__gt=since).values(
            "page_id"
        )
    )
    condition = Q(pk__in=[])
    for page in pages.only("path"):
        condition |= Q(path__startswith=page.path)
    return condition


def _items(queryset):
    return [
        {"id": pk, "updated_at": updated_at}
        for pk, updated_at in queryset.order_by("pk").values_list("pk", "last_published_at")
    ]


def _removed(model, visible, since, deleted_ids):
    could_have = model.objects.filter(first_published_at__lte=since).exclude(
        pk__in=visible.values("pk")
    )
    return sorted({*could_have.values_list("pk", flat=True), *deleted_ids})


def changes_since(audience, since):
    now = timezone.now()
    articles = readable_pages(audience, EducationPage)
    article_type = ContentType.objects.get_for_model(EducationPage)
    deleted_articles = PageLogEntry.objects.filter(
        action="wagtail.delete", timestamp__gt=since, content_type=article_type
    ).values_list("page_id", flat=True)

    conditions = Condition.objects.published()
    condition_type = ContentType.objects.get_for_model(Condition)
    deleted_conditions = ModelLogEntry.objects.filter(
        action="wagtail.delete", timestamp__gt=since, content_type=condition_type
    ).values_list("object_id", flat=True)

    return {
        "since": now,
        "articles": {
            "updated": _items(
                articles.filter(Q(last_published_at__gt=since) | _privacy_changed_since(since))
            ),
            "removed": _removed(EducationPage, articles, since, deleted_articles),
        },
        "conditions": {
            "updated": _items(conditions.filter(last_published_at__gt=since)),
            "removed": _removed(
                Condition, conditions, since, [int(pk) for pk in deleted_conditions]
            ),
        },
    }
