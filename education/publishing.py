"""Publishing events, and the content version each one replaces.

Patients, search and the API see only published content, so only publishing changes what
they can be shown: a page or condition published or unpublished (by a reviewer's
approval, an administrator, or at its scheduled time), moved or deleted, a change of page
privacy, or a changed image or site. Each sets a new *content version*: one random value
that everything cached about published content carries in its key (the restriction list
in `access`, rendered fragments and API answers in `caching`), so one event retires all
of it at once, in every process that shares the cache.

Drafts, revisions, autosaves and locks are not publishing: they change nothing a patient
sees, and leave every cache alone. New kinds of content need no entry here as long as
they are published the Wagtail way (pages, or snippets with `DraftStateMixin`), with their
child rows in the same cluster.

Articles' bodies as made for readers (`models.article_bodies`) are kept in the database
per revision and change with fewer events: only when something a body shows of *other*
content changes (a condition published, unpublished or deleted, an image, a page's
address, a site), or whether a page it may link to is one every reader may read (a
linked page published or unpublished, a change of privacy: `rich_text` links no other).
Those events also send `references_changed`; publishing an article nothing links to, or
changing who is in a restriction's groups, leaves the other articles' bodies as they are.

The version is random, not a counter: if the cache loses it (Redis restarted), a new one
cannot coincide with a version whose entries may still be stored.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    post_page_move,
    published,
    unpublished,
)

VERSION_KEY = "education:content-version"

# Sent, inside the change's transaction, when what articles' bodies show of other content
# may have changed.
references_changed = Signal()


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        # Another process may have added its own first: everyone uses the stored one.
        version = cache.get(VERSION_KEY) or "uncached"
    return version


def new_content_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def published_content_changed(**kwargs):
    new_content_version()
    # Again once the change is committed: an answer made from the old rows during the
    # transaction may have been stored under the first new version.
    transaction.on_commit(new_content_version)


def other_content_changed(**kwargs):
    published_content_changed()
    references_changed.send(sender=None)


def item_published(sender, instance, **kwargs):
    # A page's own body is made again when it is published; other bodies show only
    # conditions and images of the content around them, pages' addresses, and links to
    # pages that are published. Wagtail's reference index knows what links to a page:
    # publishing one nothing links to, the common case, leaves every other body.
    if isinstance(instance, Page) and not ReferenceIndex.get_references_to(instance).exists():
        published_content_changed()
    else:
        other_content_changed()


def content_deleted(sender, instance, **kwargs):
    # Deleting a draft that never went live changes nothing patients see, but telling
    # the two apart here would cost a query on every delete: deletes are rare.
    if isinstance(instance, DraftStateMixin):
        other_content_changed()


def connect():
    # `published` and `unpublished` cover pages and snippets; `page_published` alone is
    # sent for a page copied and published at once, and for the aliases of a page.
    for signal in (published, unpublished, page_published):
        signal.connect(item_published, dispatch_uid="education.publishing")
    for signal in (post_page_move, page_slug_changed):
        signal.connect(other_content_changed, dispatch_uid="education.publishing")
    post_delete.connect(content_deleted, dispatch_uid="education.publishing.delete")
    # Privacy, images and sites change what live pages show, with no revision to publish.
    # Privacy changes are rare: every body is made again rather than asking which link
    # into the pages under the restriction.
    for model, changed in (
        (PageViewRestriction, other_content_changed),
        (get_image_model(), other_content_changed),
        (Site, other_content_changed),
    ):
        for signal in (post_save, post_delete):
            uid = f"education.publishing.{model._meta.label_lower}"
            signal.connect(changed, sender=model, dispatch_uid=uid)
    # A restriction's groups: a group restriction hides a page from some reader whoever
    # is in it, so bodies' links stay as they are.
    m2m_changed.connect(
        published_content_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="education.publishing.restriction_groups",
    )
