"""An article's body is made for readers when it is published, so its first reader does
not wait for it, and every kept body retires when other content it shows changes
(`models.article_bodies`)."""

from wagtail.signals import page_published

from ..models import ArticleBody, EducationPage
from ..models.article_bodies import BodiesVersion
from ..publishing import references_changed


def article_published(sender, instance, **kwargs):
    ArticleBody.objects.make(instance)


def other_content_changed(**kwargs):
    BodiesVersion.replace()


def connect():
    # Sent for publishing by a reviewer's approval, an administrator, a schedule, a copy
    # published at once, and for the aliases of a published page.
    page_published.connect(
        article_published, sender=EducationPage, dispatch_uid="education.article_bodies"
    )
    references_changed.connect(other_content_changed, dispatch_uid="education.article_bodies")
