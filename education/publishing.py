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

The version is random, not a counter: if the cache loses it (Redis restarted), a new one
cannot coincide with a version whose entries may still be stored.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, PageViewRestriction, Site
from wagtail.signals import page_published, post_page_move, published, unpublished

VERSION_KEY = "education:content-version"


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


def content_deleted(sender, instance, **kwargs):
    # Deleting a draft that never went live changes nothing patients see, but telling
    # the two apart here would cost a query on every delete: deletes are rare.
    if isinstance(instance, DraftStateMixin):
        published_content_changed()


def connect():
    # `published` and `unpublished` cover pages and snippets; `page_published` alone is
    # sent for a page copied and published at once, and for the aliases of a page.
    for signal in (published, unpublished, page_published, post_page_move):
        signal.connect(published_content_changed, dispatch_uid="education.publishing")
    post_delete.connect(content_deleted, dispatch_uid="education.publishing.delete")
    # Privacy, images and sites change what live pages show, with no revision to publish.
    for model in (PageViewRestriction, get_image_model(), Site):
        for signal in (post_save, post_delete):
            signal.connect(
                published_content_changed,
                sender=model,
                dispatch_uid=f"education.publishing.{model._meta.label_lower}",
            )
    m2m_changed.connect(
        published_content_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="education.publishing.restriction_groups",
    )
