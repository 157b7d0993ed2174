from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.test import Client
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

from education.models import Condition, EducationIndexPage, EducationPage, PortalHomePage
from tests import condition_helpers
from tests.access_content import build_access_content
from tests.clock import MORNING
from tests.two_factor_helpers import verified_client


@pytest.fixture(autouse=True)
def fresh_cache():
    # The local-memory cache outlives each test's database rollback; Wagtail keeps the
    # site's root paths there, so a stale entry would give pages of this test no URL.
    cache.clear()


@pytest.fixture
def patient(db):
    user = User.objects.create_user("patient", "patient@example.org", "patient-password-1")
    user.groups.add(Group.objects.get(name="Patients"))
    return user


@pytest.fixture
def patient_client(patient):
    """A browser signed in as a patient: how patients see the portal."""
    client = Client()
    client.force_login(patient)
    return client


def staff_member(username, group):
    user = User.objects.create_user(
        username, f"{username}@hospital.example", f"{username}-password-1"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return staff_member("editor", "Editors")


@pytest.fixture
def reviewer(db):
    return staff_member("reviewer", "Clinical reviewers")


# Staff clients have passed the admin's second factor, as staff must before any admin page.
@pytest.fixture
def admin_client(admin_user):
    return verified_client(admin_user)


@pytest.fixture
def editor_client(editor):
    return verified_client(editor)


@pytest.fixture
def reviewer_client(reviewer):
    return verified_client(reviewer)


@pytest.fixture
def home_page(db):
    root = Page.get_first_root_node()
    home = root.add_child(instance=PortalHomePage(title="Patient education", slug="portal-home"))
    Site.objects.filter(is_default_site=True).update(root_page=home)
    return home


@pytest.fixture
def hub(home_page):
    return home_page.add_child(
        instance=EducationIndexPage(
            title="Autoimmune conditions and muscle pain", slug="muscle-pain"
        )
    )


@pytest.fixture
def make_condition(db):
    return condition_helpers.make_condition


@pytest.fixture
def make_article(hub):
    def make(title="Lupus and muscle pain", body=(), conditions=(), publish=True, **fields):
        fields.setdefault("summary", "What lupus is and how it can cause muscle pain.")
        page = EducationPage(title=title, body=list(body), **fields)
        hub.add_child(instance=page)
        page.conditions.set(conditions)
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.unpublish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def conditions_by_state(make_condition):
    """One condition in each publishing state, by state name, each with its own name.

    Only "live" may reach a patient; the names are unusual so a test can search the
    rendered HTML for them without matching other text.
    """
    conditions = {
        "live": make_condition("lupus", "Lupus"),
        "draft": make_condition("draftitis", "Draftitis", publish=False),
        "expired": make_condition("expiritis", "Expiritis"),
        "deleted": make_condition("deletitis", "Deletitis"),
    }
    # Expired but still live: `publish_scheduled` has not run yet to unpublish it.
    Condition.objects.filter(pk=conditions["expired"].pk).update(
        expire_at=timezone.now() - timedelta(hours=1)
    )
    # Pages keep the id of a deleted condition in their stored blocks.
    deleted_pk = conditions["deleted"].pk
    conditions["deleted"].delete()
    conditions["deleted"].pk = deleted_pk
    return conditions


@pytest.fixture
def image(db, settings, tmp_path):
    # Originals and renditions go to a folder that is removed after the test.
    settings.MEDIA_ROOT = tmp_path
    return Image.objects.create(
        title="Trigger points in the upper back", file=get_test_image_file()
    )


@pytest.fixture
def access_content(home_page, hub, make_condition, make_article):
    return build_access_content(home_page, hub, make_condition, make_article)


@pytest.fixture
def frozen_today():
    with time_machine.travel(MORNING, tick=False):
        yield
