"""Search never shows what a reader may not read: not as a result, not as a "Did you
mean" word, not as a suggestion in the search box. What it keeps is retired by
publishing events and by expiry, never by drafts."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone
from wagtail.models import PageViewRestriction

from education.models import Condition, ConditionSynonym

from .test_search_matching import paragraph, publish_condition

HIDDEN = ["Secretitis", "Hushamatosis", "Expiritis", "Lapsomania", "Draftonym", "Moonwalking"]


@pytest.fixture
def content(home_page, make_article):
    lupus = publish_condition("lupus", "Lupus", ["SLE"], symptoms="<p>Joint pain.</p>")
    publish_condition(
        "secretitis",
        "Secretitis",
        ["Hushamatosis"],
        publish=False,
        symptoms="<p>Glimmering eyelids.</p>",
    )
    expired = publish_condition("expiritis", "Expiritis", ["Lapsomania"])
    Condition.objects.filter(pk=expired.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    # A draft of the live condition with another name: not published, not searched.
    lupus.synonyms = [*lupus.synonyms.all(), ConditionSynonym(name="Draftonym")]
    lupus.save_revision()
    make_article("Moonwalking therapy", summary="Dance it off.", publish=False)
    restricted = make_article(
        "Members only biologics guide",
        summary="Infusions at the clinic.",
        body=[paragraph("Biologics are given by drip.")],
        conditions=[lupus],
    )
    members = Group.objects.create(name="Rheumatology clinic")
    restriction = PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members)
    return {"lupus": lupus, "members": members}


@pytest.fixture
def member_client(client, content):
    user = User.objects.create_user("member", "m@example.org", "member-password-1")
    user.groups.add(Group.objects.get(name="Patients"), content["members"])
    client.force_login(user)
    return client


QUERIES = [
    "Secretitis",
    "secretitus",  # a misspelling: corrected to nothing hidden
    "Hushamatosis",
    "glimmering eyelids",
    "Expiritis",
    "Lapsomania",
    "lapsomana",
    "Draftonym",
    "draftonim",
    "Moonwalking",
    "moonwalkng",
    "biologics",
    "biologcs",
    "members",
    "infusions",
]


@pytest.mark.parametrize("query", QUERIES)
def test_hidden_content_is_never_found_suggested_or_offered(patient_client, content, query):
    response = patient_client.get("/search/", {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    for hidden in [*HIDDEN, "biologics", "Biologics", "Infusions", "infusions"]:
        if hidden.lower() != query.lower():
            assert hidden not in page, (query, hidden)
    assert "Did you mean" not in page
    assert "No results for" in page


def test_the_suggestions_are_published_names_and_other_names_only(patient_client, content):
    page = patient_client.get("/").content.decode()
    assert '<option value="Lupus">' in page
    assert '<option value="SLE">' in page
    for hidden in HIDDEN:
        assert hidden not in page


def test_a_member_finds_and_is_corrected_to_what_their_group_may_read(member_client):
    page = member_client.get("/search/", {"q": "biologcs"}).content.decode()
    assert "Members only biologics guide" in page
    assert "Did you mean" in page
    for hidden in HIDDEN:
        assert hidden not in page


def test_publishing_retires_what_search_kept_and_drafts_do_not(patient_client, content):
    def page(query, path="/search/"):
        return patient_client.get(path, {"q": query}).content.decode()

    assert "No results for" in page("vasculitis")
    publish_condition("vasculitis", "Vasculitis", ["inflamed blood vessels"])
    assert "/conditions/vasculitis/" in page("vasculitis")
    assert "/conditions/vasculitis/" in page("vasculitus")
    assert '<option value="inflamed blood vessels">' in page("", "/")

    lupus = content["lupus"]
    assert "/conditions/lupus/" in page("SLE")
    lupus.unpublish()
    assert "/conditions/lupus/" not in page("SLE")
    assert '<option value="SLE">' not in page("", "/")

    # A draft's new name changes nothing a patient sees: not even by a new search.
    vasculitis = Condition.objects.get(slug="vasculitis")
    vasculitis.synonyms = [ConditionSynonym(name="Angiitoid")]
    vasculitis.save_revision()
    assert "No results for" in page("angiitoid")
    assert "Angiitoid" not in page("", "/")


def test_what_search_kept_ends_when_a_condition_expires(patient_client, content):
    soon = publish_condition("polymyositis", "Polymyositis", ["PM"])
    soon.expire_at = timezone.now() + timedelta(minutes=30)
    Condition.objects.filter(pk=soon.pk).update(expire_at=soon.expire_at)

    def page(query):
        return patient_client.get("/search/", {"q": query}).content.decode()

    assert "/conditions/polymyositis/" in page("polymyositis")
    assert '<option value="Polymyositis">' in page("lupus")
    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        assert "/conditions/polymyositis/" not in page("polymyositis")
        assert "polymyositis" not in page("polymiositis").lower()  # nor suggested
        assert '<option value="Polymyositis">' not in page("lupus")
