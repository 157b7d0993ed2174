"""Each endpoint makes a fixed number of queries whatever the page size and row count.

Authentication included: at most 3 for an article detail (the token still valid, its body
as kept since it was published) and 7 for a list of 20, on a miss of the answer cache (a
hit makes only the token's check: test_answer_cache).
"""

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import PageViewRestriction

from education.models import ReadingRecord
from education.publishing import new_content_version

PASSWORD = "count-queries-pass-1"
BUDGET = {
    "article detail": 3,
    "articles, 20": 6,
    # The reader's groups: conditions are not restricted, but the answer cache's
    # audience key needs them.
    "conditions, 20": 7,
    "condition detail": 6,
    "treatments": 6,
    "saved, 20": 6,
    "sync": 9,
    "infobutton": 6,
    "me": 2,
}


def body_for(conditions):
    ids = [c.pk for c in conditions]
    return [
        {"type": "heading", "value": {"text": "About", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Plain words.</p>"},
        {
            "type": "condition_list",
            "value": {
                "heading": "Related",
                "items": [{"condition": pk, "note": "x"} for pk in ids],
            },
        },
        {
            "type": "treatment_plan",
            "value": {
                "heading": "Plan",
                "intro": "",
                "groups": [
                    {
                        "title": "Group",
                        "conditions": ids,
                        "treatments": [
                            {
                                "name": "Stretching",
                                "category": "exercise",
                                "description": "Gently.",
                                "conditions": ids,
                                "notes": "",
                            }
                        ],
                    }
                ],
            },
        },
        {
            "type": "treatment",
            "value": {
                "name": "Rest",
                "category": "self-care",
                "description": "Sleep.",
                "conditions": ids,
                "notes": "",
            },
        },
    ]


@pytest.fixture
def world(hub, make_condition, make_article):
    user = User.objects.create_user("counter", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Patients"))
    members = Group.objects.create(name="Clinic members")
    user.groups.add(members)
    restricted = make_article("Members only", conditions=[])
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    state = {"user": user, "n": 0}

    def grow(count):
        conditions = [make_condition(f"condition-{state['n']}-{i}") for i in range(3)]
        for _ in range(count):
            state["n"] += 1
            article = make_article(
                f"Article {state['n']:03}", body=body_for(conditions), conditions=conditions
            )
            ReadingRecord.objects.create(user=user, page=article, saved_at=timezone.now())
        state["article"] = article
        state["condition"] = conditions[0]

    state["grow"] = grow
    return state


def api_for(user):
    client = APIClient()
    token = client.post(
        "/api/v1/auth/login/", {"username": user.username, "password": PASSWORD}, format="json"
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def measure(client, path):
    client.get(path)  # warm the process-wide caches (content types, site root paths)
    # Count a miss of the answer cache, as after an editor's change, under a content
    # version some other answer has already been stored for.
    new_content_version()
    client.get("/api/v1/conditions/?limit=1")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.content[:300])
    return len(queries)


def paths(state):
    return {
        "article detail": f"/api/v1/articles/{state['article'].pk}/",
        "articles, 20": "/api/v1/articles/?limit=20",
        "conditions, 20": "/api/v1/conditions/?limit=20",
        "condition detail": f"/api/v1/conditions/{state['condition'].slug}/",
        "treatments": "/api/v1/treatments/?limit=20",
        "saved, 20": "/api/v1/me/saved/?limit=20",
        "sync": "/api/v1/sync/?since=2000-01-01T00:00:00Z",
        "infobutton": "/api/v1/infobutton/?mainSearchCriteria.v.c=M32.9"
        "&mainSearchCriteria.v.cs=2.16.840.1.113883.6.90",
        "me": "/api/v1/me/",
    }


def test_query_counts_are_fixed_and_within_budget(world):
    world["grow"](2)
    client = api_for(world["user"])
    small = {name: measure(client, path) for name, path in paths(world).items()}
    world["grow"](25)
    large = {name: measure(client, path) for name, path in paths(world).items()}
    assert small == large
    over = {name: count for name, count in large.items() if count > BUDGET[name]}
    assert not over, large
