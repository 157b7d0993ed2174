"""Every stored reading grade depends on the list of explained terms: when the list
changes, the figures of live content are worked out again, in the background.

Drafts keep the figures they were saved with until they are next saved; the live rows
are what listings, the API and patients' pages show.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django_tasks import task

from ..models import Condition, EducationPage, ExplainedTerm
from ..models.explained_terms import ExplainedTerms
from ..publishing import published_content_changed

FIGURES = ["reading_time_minutes", "reading_grade", "smog_grade"]
BATCH = 200


@task(backend="background")
def regrade_live_content():
    terms = ExplainedTerms.current()
    for model in (Condition, EducationPage):
        items = model.objects.filter(live=True).order_by("pk")
        for start in range(0, items.count(), BATCH):
            batch = list(items[start : start + BATCH])
            for item in batch:
                item.update_reading_level(terms)
            model.objects.bulk_update(batch, FIGURES)
    # The API's cached answers carry the figures.
    published_content_changed()


def terms_changed(**kwargs):
    transaction.on_commit(regrade_live_content.enqueue)


def connect():
    for signal in (post_save, post_delete):
        signal.connect(terms_changed, sender=ExplainedTerm, dispatch_uid="education.regrade")
