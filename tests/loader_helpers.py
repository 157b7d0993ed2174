"""What the loader's tests share: the seed's condition slugs and ways to run and inspect it."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from education.models import (
    Condition,
    ConditionCode,
    ConditionRelation,
    ConditionResource,
)

MPS = "myofascial-pain-syndrome"
FIBROMYALGIA = "fibromyalgia"
AUTOIMMUNE = ["rheumatoid-arthritis", "lupus", "sjogrens-syndrome"]
ALL_SLUGS = [MPS, FIBROMYALGIA, *AUTOIMMUNE]


def load(*args):
    out = StringIO()
    call_command("load_education_content", *args, stdout=out)
    return out.getvalue()


def slugs(conditions):
    return [condition.slug for condition in conditions]


def snapshot():
    """What a run could change: row counts, and each item's revisions and publish times."""
    models = [Page, Condition, ConditionCode, ConditionRelation, ConditionResource, Revision, Site]
    return {
        "counts": {model.__name__: model.objects.count() for model in models},
        "users": get_user_model().objects.count(),
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "title", "latest_revision_id", "live_revision_id", "last_published_at"
            )
        ),
        "conditions": list(
            Condition.objects.order_by("pk").values_list(
                "pk", "summary", "latest_revision_id", "live_revision_id", "last_published_at"
            )
        ),
    }


def assert_published_once(obj):
    assert obj.live
    assert obj.first_published_at is not None
    assert obj.revisions.count() == 1
    assert obj.live_revision_id == obj.latest_revision_id
