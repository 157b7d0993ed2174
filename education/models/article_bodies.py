"""Articles' bodies as readers get them, made once per published revision.

Rendering a body (its blocks, their conditions, images and links) is most of the work of
showing an article, and the same for every reader. It is made when the article is
published, kept here with the revision it came from, and used by the portal's page and
the API's detail until something it shows changes: a new revision, other content it
shows (`publishing.references_changed`: a condition, image, page address or site, or a
page it links to published, unpublished or restricted: `rich_text` links only pages
every reader may read), or a named condition's or linked page's expiry time passing. A
body found out of date is made again when read.

Other content's changes replace one version in the database (`BodiesVersion`), in the
change's own transaction, and a kept body counts only under the version it was made
under. A body made from rows read before a change carries the version from before it,
so it is never taken for current, in any process, with or without a shared cache.

Only live revisions are kept: an editor's preview renders its draft every time. Who may
read the article is decided per request, by `access`, before a body is asked for.
"""

import logging
import uuid

from django.db import DatabaseError, models
from django.db.models import Subquery
from django.utils import timezone

from .typed_body import serialize_body

logger = logging.getLogger(__name__)


def render_html(page):
    # As the article's template showed each block (`{% include_block %}`, nothing between).
    return "".join(block.render() for block in page.body)


def new_version():
    return uuid.uuid4().hex


class BodiesVersion(models.Model):
    """One row: the version kept bodies must carry to be current."""

    version = models.CharField(max_length=32)

    def __str__(self):
        return self.version

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(pk=1, defaults={"version": new_version()})[0].version

    @classmethod
    def replace(cls):
        """Retire every kept body: other content they show has changed."""
        cls.objects.update_or_create(pk=1, defaults={"version": new_version()})


def _version_now():
    return Subquery(BodiesVersion.objects.filter(pk=1).values("version"))


def with_kept_body(articles):
    """Articles loaded with their kept bodies, and the version a current one carries."""
    return articles.select_related("kept_body").annotate(bodies_version=_version_now())


class ArticleBodyQuerySet(models.QuerySet):
    def for_reading(self, page):
        """The body of the live article `page`: kept if still current, else made now."""
        if hasattr(page, "bodies_version"):  # loaded `with_kept_body()`
            kept = getattr(page, "kept_body", None)
            if kept is not None and kept.references_version != page.bodies_version:
                kept = None
        else:
            kept = self.filter(pk=page.pk, references_version=_version_now()).first()
        if kept is not None and kept.is_current(page):
            return kept
        return self.make(page)

    def make(self, page):
        """Make the body of the live article `page` and keep it (a failed write is logged:
        the reader still gets the body)."""
        # Read before the rows the body is made from: a change meanwhile retires it.
        version = BodiesVersion.current()
        typed, good_until = serialize_body(page)
        body = self.model(
            page=page,
            revision=page.live_revision_id,
            references_version=version,
            good_until=good_until,
            html=render_html(page),
            typed=typed,
        )
        if page.live_revision_id is not None:
            fields = ["revision", "references_version", "good_until", "html", "typed"]
            try:
                self.bulk_create(
                    [body], update_conflicts=True, unique_fields=["page"], update_fields=fields
                )
            except DatabaseError:
                logger.warning("Could not keep the body of page %s", page.pk)
        return body


class ArticleBody(models.Model):
    page = models.OneToOneField(
        "education.EducationPage",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="kept_body",
    )
    revision = models.PositiveIntegerField(help_text="The live revision it was made from.")
    references_version = models.CharField(max_length=32)
    good_until = models.DateTimeField(
        null=True, help_text="When a condition it shows expires, if one does."
    )
    html = models.TextField()
    typed = models.JSONField(help_text="The API's body: typed blocks.")

    objects = ArticleBodyQuerySet.as_manager()

    # Made from the article: it names nothing the article does not.
    wagtail_reference_index_ignore = True

    def __str__(self):
        return f"body of page {self.page_id}"

    def is_current(self, page):
        """Of the page's live revision, and nothing it shows or links to has expired since."""
        return self.revision == page.live_revision_id and (
            self.good_until is None or self.good_until > timezone.now()
        )
