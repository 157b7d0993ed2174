"""Keep what the app caches in step with what editors change."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from knox.models import AuthToken
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import content_version
from .api.answer_cache import forget_readers
from .pages import EducationPage
from .snippets import Condition, ConditionCode, ConditionRelation, ConditionResource

# Everything an answer shows comes from these; renditions are left out, since pages
# make them while being served.
CONTENT_MODELS = (
    Page,
    Condition,
    ConditionCode,
    ConditionRelation,
    ConditionResource,
    PageViewRestriction,
    Site,
    get_image_model(),
)


def content_changed(**kwargs):
    content_version.new_content_version()
    # Again once the change is committed: an answer made from the old rows during the
    # transaction may have been stored under the first new version.
    transaction.on_commit(content_version.new_content_version)


def model_changed(sender, instance, **kwargs):
    if isinstance(instance, CONTENT_MODELS):
        content_changed()


def token_deleted(sender, instance, **kwargs):
    forget_readers([instance])


def user_saved(sender, instance, **kwargs):
    # Deactivated, or otherwise changed: their tokens' cached readers must be checked again.
    forget_readers(AuthToken.objects.filter(user=instance))


def memberships_changed(sender, instance, action, **kwargs):
    """Groups decide audiences: the member's tokens are looked up again.

    A group's member list changed from the group's side may touch many users: all
    readers are retired with a new content version (rare; editors do it in the admin).
    """
    if not action.startswith("post_"):
        return
    if isinstance(instance, get_user_model()):
        user_saved(sender, instance)
    else:
        content_changed()


def connect():
    post_save.connect(model_changed)
    post_delete.connect(model_changed)
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed)
    m2m_changed.connect(content_changed, sender=PageViewRestriction.groups.through)
    m2m_changed.connect(content_changed, sender=EducationPage.conditions.through)
    m2m_changed.connect(memberships_changed, sender=get_user_model().groups.through)
    post_delete.connect(token_deleted, sender=AuthToken)
    post_save.connect(user_saved, sender=get_user_model())
