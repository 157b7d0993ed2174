"""Generated articles as database rows: one article's page, and a batch written in bulk.

`make_article(plan, n)` builds generated article number n as an unsaved `EducationPage`
(tree path under the hub, title, dates, summary, body, conditions), the same whichever
worker process makes it. `work` is one worker process: it makes its share of the articles
and writes them in batches, each batch one transaction of bulk inserts instead of
`add_child()` + `save_revision().publish()` per page (tens of queries each): the tree
rows, the `EducationPage` rows, their conditions and published treatments, a revision
that is the live and latest one, the search index entries and the reference index rows.
Page log entries (the admin's history tab) are not written.
"""

import random
import uuid
from dataclasses import dataclass
from datetime import timedelta

from bench.article_bodies import ANGLES, TOPICS, make_body, sentences


@dataclass
class Plan:
    """What every worker needs to make its share of the articles, fixed before forking."""

    hub_path: str
    hub_depth: int
    hub_url_path: str
    first_step: int  # the tree step of the first generated article under the hub
    conditions: dict  # pk -> Condition
    image_ids: list
    link_page_id: int
    now: object
    page_type: int
    base_type: int
    locale_id: int
    seed: int


def make_article(plan, n):
    """Generated article number n (from 0): the same whichever worker makes it."""
    from django.utils.text import slugify
    from wagtail.models import Page

    from education.models import EducationPage

    rng = random.Random(plan.seed * 1_000_003 + n)
    condition_ids = sorted(plan.conditions)
    topic, _ = rng.choice(TOPICS)
    title = f"{topic}: {rng.choice(ANGLES)} ({n + 1})"
    slug = slugify(title)
    first = plan.now - timedelta(days=rng.randint(30, 1000), minutes=rng.randint(0, 1440))
    last = first + timedelta(days=rng.randint(0, 29)) if rng.random() < 0.5 else first
    reviewed = (last - timedelta(days=rng.randint(0, 20))).date()
    page = EducationPage(
        title=title,
        draft_title=title,
        slug=slug,
        path=Page._get_path(plan.hub_path, plan.hub_depth + 1, plan.first_step + n),
        depth=plan.hub_depth + 1,
        numchild=0,
        url_path=f"{plan.hub_url_path}{slug}/",
        content_type_id=plan.page_type,
        locale_id=plan.locale_id,
        translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
        live=True,
        has_unpublished_changes=False,
        first_published_at=first,
        last_published_at=last,
        latest_revision_created_at=last,
        summary=f"{topic} with a long-lasting pain condition: {sentences(rng, 2, 2)}",
        body=make_body(rng, condition_ids, plan.image_ids, plan.link_page_id),
        last_reviewed=reviewed,
        next_review_due=reviewed + timedelta(days=365),
    )
    page.bench_condition_ids = rng.sample(condition_ids, rng.randint(1, 3))
    page.conditions = [plan.conditions[pk] for pk in page.bench_condition_ids]
    # A new page has no comments: say so, or its revision content would query for them.
    page.wagtail_admin_comments = []
    return page


def _compute_body_text_once():
    """Generation only: the body's search text once per article, not once per index field.

    The reading figures and the search index each ask for it several times; the answer is
    the same, and the walk over the blocks is most of the cost of making an article.
    """
    from wagtail.fields import StreamField

    original = StreamField.get_searchable_content

    def get_searchable_content(self, value):
        if getattr(value, "_bench_text", None) is None:
            value._bench_text = original(self, value)
        return list(value._bench_text)

    StreamField.get_searchable_content = get_searchable_content


def _insert_batch(plan, pages, backend):
    from django.db import transaction
    from wagtail.models import Page, ReferenceIndex, Revision

    from education.models import ArticleBody, EducationPage, PublishedTreatment

    for page in pages:
        # The product's own reading figures (what full_clean() would set).
        page.update_reading_level()
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    with transaction.atomic():
        rows = [
            Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages
        ]
        Page.objects.bulk_create(rows)
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        # Django cannot bulk-create a multi-table child: insert its own table's rows.
        EducationPage._base_manager._insert(
            pages, fields=EducationPage._meta.local_concrete_fields, using="default"
        )
        through = EducationPage.conditions.through
        through.objects.bulk_create(
            through(educationpage_id=page.pk, condition_id=condition_id)
            for page in pages
            for condition_id in page.bench_condition_ids
        )
        # What publishing them would store (education/features/treatments.py).
        PublishedTreatment.objects.store(pages)
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type_id=plan.page_type,
                base_content_type_id=plan.base_type,
                object_id=str(page.pk),
                created_at=page.last_published_at,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        )
        for page, row, revision in zip(pages, rows, revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
            row.latest_revision_id = row.live_revision_id = revision.pk
        Page.objects.bulk_update(rows, ["latest_revision", "live_revision"])
        # What publishing them would keep (education/features/article_bodies.py).
        for page in pages:
            ArticleBody.objects.make(page)
        backend.add_bulk(EducationPage, pages)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)


def work(plan, numbers, batch_size, progress):
    """One worker process: its share of the articles, in batches, each batch one transaction."""
    from django.db import connections
    from wagtail.search.backends import get_search_backend

    _compute_body_text_once()
    try:
        backend = get_search_backend()
        for at in range(0, len(numbers), batch_size):
            pages = [make_article(plan, n) for n in numbers[at : at + batch_size]]
            _insert_batch(plan, pages, backend)
            progress.put(len(pages))
    except BaseException as error:
        progress.put(error)
        raise
    finally:
        connections.close_all()
