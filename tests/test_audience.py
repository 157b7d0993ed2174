"""An audience (user, groups, language) decides what may be read, without a request.

`Audience.accepts` must agree with Wagtail's own `accept_request` wherever a patient can
meet a restriction, so the portal, the API, commands and background tasks all follow
Wagtail's rules; a shared-password restriction is never passed.
"""

from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser, Group, User
from wagtail.models import PageViewRestriction

from education.access import Audience, can_read_page, readable_pages
from education.features.sync import changes_since
from education.features.treatments import treatments_for
from education.models import EducationPage
from tests.access_content import treatment

pytestmark = pytest.mark.django_db


@pytest.fixture
def clinic():
    return Group.objects.create(name="Rheumatology clinic")


@pytest.fixture
def users(clinic):
    member = User.objects.create_user("member")
    member.groups.add(clinic)
    return {
        "anonymous": AnonymousUser(),
        "patient": User.objects.create_user("patient"),
        "member": member,
        "superuser": User.objects.create_superuser("root"),
    }


@pytest.fixture
def restrictions(make_article, clinic):
    made = {}
    for kind in (PageViewRestriction.LOGIN, PageViewRestriction.GROUPS):
        restriction = PageViewRestriction.objects.create(
            page=make_article(f"Behind a {kind} restriction"), restriction_type=kind
        )
        if kind == PageViewRestriction.GROUPS:
            restriction.groups.add(clinic)
        made[kind] = restriction
    return made


@pytest.mark.parametrize("who", ["anonymous", "patient", "member", "superuser"])
@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.GROUPS])
def test_an_audience_passes_exactly_what_wagtail_would_let_its_user_pass(
    users, restrictions, who, kind
):
    user, restriction = users[who], restrictions[kind]
    request = SimpleNamespace(user=user, session={})
    assert Audience(user).accepts(restriction) == restriction.accept_request(request)


def test_a_shared_password_is_never_passed(users, make_article):
    page = make_article("Behind a shared password")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="letmein"
    )
    for user in users.values():
        assert not Audience(user).accepts(restriction)
        assert not can_read_page(Audience(user), page)


def test_audiences_that_may_read_the_same_share_one_key(users, restrictions):
    patient, other = Audience(users["patient"]), Audience(User.objects.create_user("other"))
    member = Audience(users["member"])
    assert patient.key == other.key
    assert member.key != patient.key
    assert Audience(users["superuser"]).key != patient.key


def test_domain_functions_answer_for_an_audience_with_no_request(
    users, restrictions, make_article, make_condition
):
    lupus = make_condition("lupus", "Lupus")
    article = make_article(
        "Lupus and muscle pain", body=[treatment("Rest", lupus)], conditions=[lupus]
    )
    patient, member = Audience(users["patient"]), Audience(users["member"])

    titles = set(readable_pages(patient, EducationPage).values_list("title", flat=True))
    assert titles == {"Lupus and muscle pain", "Behind a login restriction"}
    assert "Behind a groups restriction" in set(
        readable_pages(member, EducationPage).values_list("title", flat=True)
    )
    assert [t.name for t in treatments_for(patient, lupus)] == ["Rest"]
    updated = changes_since(patient, since=lupus.first_published_at)["articles"]["updated"]
    assert [item["id"] for item in updated] == [article.pk]
