"""Content for the access matrix, shared by the portal's and the API's tests.

live, draft-only, live with a newer draft, group-restricted, under a restricted hub,
expired, future, draft condition and expired condition.
"""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import PageViewRestriction

from education.models import ConditionCode, EducationIndexPage, EducationPage

HIDDEN_FROM_EVERYONE = [
    "Draft only article",
    "Expired old advice",
    "Future scheduled article",
    "Unreviewed new title",
    "Secret draft condition",
    "Expired condition",
    # Treatments found only on hidden articles or in an unpublished revision.
    "Draft cure",
    "Old remedy",
    "Future pill",
    "Unreviewed tonic",
]
RESTRICTED = [
    "Members only biologics guide",
    "Clinic hub child article",
    "Members biologic",
    "Clinic infusion",
]
PUBLIC_TITLES = {"Lupus and muscle pain", "Published title"}
RESTRICTED_TITLES = {"Members only biologics guide", "Clinic hub child article"}
PUBLIC_TREATMENTS = {"Hydroxychloroquine", "Published tonic"}
RESTRICTED_TREATMENTS = {"Members biologic", "Clinic infusion"}


def treatment(name, *conditions):
    return {
        "type": "treatment",
        "value": {
            "name": name,
            "category": "medicine",
            "description": f"About {name}.",
            "conditions": [c.pk for c in conditions],
            "notes": "",
        },
    }


def condition_list(*conditions):
    return {
        "type": "condition_list",
        "value": {
            "heading": "Related conditions",
            "items": [{"condition": c.pk, "note": "Related."} for c in conditions],
        },
    }


def add_code(condition, code):
    ConditionCode.objects.create(
        condition=condition, system=ConditionCode.System.ICD10CM, code=code, display=code
    )


def build_access_content(home_page, hub, make_condition, make_article):
    """Every kind of content a patient must or must not see, under one hub."""
    lupus = make_condition("lupus", "Lupus")
    add_code(lupus, "M32.9")
    draft_condition = make_condition("secret", "Secret draft condition", publish=False)
    add_code(draft_condition, "M33.90")
    expired_condition = make_condition("expired-condition", "Expired condition")
    add_code(expired_condition, "M34.9")
    expired_condition.expire_at = timezone.now() - timedelta(minutes=1)
    expired_condition.save()
    assert expired_condition.live  # publish_scheduled has not run

    live = make_article(
        "Lupus and muscle pain",
        body=[
            treatment("Hydroxychloroquine", lupus, draft_condition, expired_condition),
            condition_list(lupus, draft_condition, expired_condition),
        ],
        conditions=[lupus, draft_condition, expired_condition],
    )
    draft = make_article(
        "Draft only article",
        body=[treatment("Draft cure", lupus)],
        conditions=[lupus],
        publish=False,
    )
    expired = make_article(
        "Expired old advice", body=[treatment("Old remedy", lupus)], conditions=[lupus]
    )
    expired.expire_at = timezone.now() - timedelta(minutes=1)
    expired.save()
    assert expired.live
    future = make_article(
        "Future scheduled article",
        body=[treatment("Future pill", lupus)],
        conditions=[lupus],
        publish=False,
    )
    future.go_live_at = timezone.now() + timedelta(days=1)
    future.save_revision(approved_go_live_at=future.go_live_at)

    newer = make_article(
        "Published title", body=[treatment("Published tonic", lupus)], conditions=[lupus]
    )
    newer.title = "Unreviewed new title"
    newer.body = [treatment("Unreviewed tonic", lupus)]
    newer.save_revision()

    members = Group.objects.create(name="Rheumatology clinic")
    restricted = make_article(
        "Members only biologics guide",
        body=[treatment("Members biologic", lupus)],
        conditions=[lupus],
    )
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)

    # Restricting a hub restricts everything under it.
    clinic_hub = home_page.add_child(
        instance=EducationIndexPage(title="Clinic hub", slug="clinic-hub")
    )
    child = EducationPage(
        title="Clinic hub child article",
        summary="What lupus treatment in the clinic involves.",
        body=[treatment("Clinic infusion", lupus)],
    )
    clinic_hub.add_child(instance=child)
    child.conditions.set([lupus])
    child.save_revision().publish()
    child.refresh_from_db()
    hub_restriction = PageViewRestriction.objects.create(
        page=clinic_hub, restriction_type=PageViewRestriction.GROUPS
    )
    hub_restriction.groups.add(members)

    return {
        "lupus": lupus,
        "draft_condition": draft_condition,
        "expired_condition": expired_condition,
        "live": live,
        "draft": draft,
        "expired": expired,
        "future": future,
        "newer": newer,
        "restricted": restricted,
        "child": child,
        "hub": hub,
        "members": members,
    }
