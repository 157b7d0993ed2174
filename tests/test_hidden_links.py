"""A live article's link to a page a patient may not read shows only its text (issue 12).

Draft, scheduled, expired and restricted pages are linked as their link text, with no
address, in the portal's page and the API's body alike. Bodies are kept for every
reader (`models.article_bodies`), so a kept body is retired when a linked page is
published, unpublished, restricted or expires, and the link follows at once.
"""

import json
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from rest_framework.test import APIClient
from wagtail.models import PageViewRestriction

from education.models import ArticleBody

pytestmark = pytest.mark.django_db

HIDDEN = ["draft", "future", "expired", "restricted"]


def link(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


@pytest.fixture
def targets(make_article):
    """One page in each state, by state name; the text of each one's link is its state."""
    pages = {
        "live": make_article("Sleep and lupus"),
        "signed-in": make_article("Clinic opening hours"),
        "draft": make_article("Draft advice", publish=False),
        "future": make_article("Flu clinic times", publish=False),
        "expired": make_article("Old advice"),
        "restricted": make_article("Members only biologics guide"),
    }
    future = pages["future"]
    future.go_live_at = timezone.now() + timedelta(minutes=5)
    future.save_revision().publish()  # with a go-live time: scheduled, not live yet
    pages["expired"].expire_at = timezone.now() - timedelta(minutes=1)
    pages["expired"].save()  # `publish_scheduled` has not run yet
    restriction = PageViewRestriction.objects.create(
        page=pages["restricted"], restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Rheumatology clinic"))
    # Every reader is signed in: a sign-in restriction hides nothing from them.
    PageViewRestriction.objects.create(
        page=pages["signed-in"], restriction_type=PageViewRestriction.LOGIN
    )
    for page in pages.values():
        page.refresh_from_db()
    return pages


@pytest.fixture
def article(make_article, targets):
    paragraphs = "".join(f"<p>See {link(page, state)}.</p>" for state, page in targets.items())
    return make_article("Lupus and muscle pain", body=[{"type": "paragraph", "value": paragraphs}])


@pytest.fixture
def api_reader(patient):
    client = APIClient()
    login = {"username": patient.username, "password": "patient-password-1"}
    token = client.post("/api/v1/auth/login/", login, format="json").json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


@pytest.fixture
def bodies(patient_client, api_reader, article):
    """The article's body as the portal's page and the API's detail show it now."""

    def read():
        page = patient_client.get(article.url)
        detail = api_reader.get(f"/api/v1/articles/{article.pk}/")
        assert (page.status_code, detail.status_code) == (200, 200)
        return {"portal": page.content.decode(), "api": json.dumps(detail.json()["body"])}

    return read


def linked(body, page):
    return f'href="{page.url}"' in body or f'href=\\"{page.url}\\"' in body


@pytest.mark.parametrize("state", HIDDEN)
def test_a_link_to_a_page_a_patient_may_not_read_shows_only_its_text(bodies, targets, state):
    target = targets[state]
    for way_out, body in bodies().items():
        assert f"<a>{state}</a>" in body, way_out
        assert target.url not in body, way_out
        assert not linked(body, target), way_out


@pytest.mark.parametrize("state", ["live", "signed-in"])
def test_a_link_to_a_page_every_reader_may_read_is_a_link(bodies, targets, state):
    for way_out, body in bodies().items():
        assert linked(body, targets[state]), way_out


def test_the_link_comes_when_its_page_is_published_and_goes_when_unpublished(
    bodies, article, targets
):
    draft = targets["draft"]
    assert not any(linked(body, draft) for body in bodies().values())
    assert ArticleBody.objects.filter(page=article).exists()  # kept, and shown

    draft.save_revision().publish()
    assert all(linked(body, draft) for body in bodies().values())

    draft.refresh_from_db()
    draft.unpublish()
    assert not any(linked(body, draft) for body in bodies().values())


def test_the_link_goes_while_its_page_is_restricted(bodies, targets):
    live = targets["live"]
    restriction = PageViewRestriction.objects.create(
        page=live, restriction_type=PageViewRestriction.GROUPS
    )
    assert not any(linked(body, live) for body in bodies().values())
    restriction.delete()
    assert all(linked(body, live) for body in bodies().values())


def test_the_link_goes_when_its_page_expires(bodies, targets):
    live = targets["live"]
    live.expire_at = timezone.now() + timedelta(minutes=5)
    live.save_revision().publish()
    assert all(linked(body, live) for body in bodies().values())
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        # Before `publish_scheduled` unpublishes it: the kept body is good until then.
        assert not any(linked(body, live) for body in bodies().values())


def test_the_link_comes_when_its_page_goes_live_on_schedule(bodies, targets):
    future = targets["future"]
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        call_command("publish_scheduled")
        future.refresh_from_db()
        assert all(linked(body, future) for body in bodies().values())
