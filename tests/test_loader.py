"""The loader's behaviour: the site tree it builds, running it again, and demo accounts.

`load_education_content` creates only what is missing, in one transaction, and reports each
item it creates or skips. What the seed says (every condition's facts and every part of the
article) is checked in test_loader_content.py; both use tests/loader_helpers.py.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError
from wagtail.models import Page, Site

from education.models import (
    Condition,
    EducationIndexPage,
    EducationPage,
    PortalHomePage,
)
from education.seed import content as seed_content

from .admin_helpers import SUBMIT, condition_form, workflow_action_url
from .loader_helpers import (
    ALL_SLUGS,
    FIBROMYALGIA,
    MPS,
    assert_in_review,
    load,
    load_reviewed,
    slugs,
    snapshot,
)
from .two_factor_helpers import pass_second_factor


@pytest.fixture
def output(db):
    return load_reviewed()


@pytest.fixture
def article(output):
    return EducationPage.objects.get(slug=seed_content.ARTICLE["slug"])


# The site tree


def test_builds_the_site_tree_and_replaces_wagtails_welcome_page(db):
    welcome = Site.objects.get(is_default_site=True).root_page
    assert welcome.specific_class is Page

    load()

    home = PortalHomePage.objects.get()
    hub = EducationIndexPage.objects.get()
    article = EducationPage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert hub.get_parent().pk == home.pk
    assert hub.title == "Autoimmune conditions and muscle pain"
    assert article.get_parent().pk == hub.pk
    for page in (home, hub, article):
        assert_in_review(page)


def test_keeps_the_welcome_page_when_something_hangs_from_it(db):
    welcome = Site.objects.get(is_default_site=True).root_page
    welcome.add_child(instance=Page(title="Old news", slug="old-news"))

    output = load()

    home = PortalHomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert Page.objects.filter(pk=welcome.pk).exists()
    assert "Deleted" not in output


def test_uses_an_existing_home_page_whatever_its_slug(home_page):
    output = load()

    assert PortalHomePage.objects.get().pk == home_page.pk
    assert EducationIndexPage.objects.get().get_parent().pk == home_page.pk
    assert Site.objects.get(is_default_site=True).root_page_id == home_page.pk
    assert f"Skipped portal home page {home_page.slug} (already exists)" in output


# Running again


def test_second_run_changes_nothing(output):
    before = snapshot()

    again = load()

    assert snapshot() == before
    assert "Created" not in again
    for slug in ALL_SLUGS:
        assert f"Skipped condition {slug} (already exists)" in again
    assert f"Skipped education article {seed_content.ARTICLE['slug']} (already exists)" in again


def test_leaves_editors_changes_alone_and_recreates_what_was_deleted(output, article):
    lupus = Condition.objects.get(slug="lupus")
    lupus.summary = "Lupus, as our editors put it."
    lupus.save_revision().publish()
    article.title = "Autoimmune disease and muscle pain"
    article.save_revision().publish()
    Condition.objects.get(slug=FIBROMYALGIA).delete()
    lupus.refresh_from_db()
    article.refresh_from_db()

    again = load()

    lupus_after = Condition.objects.get(slug="lupus")
    assert lupus_after.summary == "Lupus, as our editors put it."
    assert lupus_after.latest_revision_id == lupus.latest_revision_id
    article_after = EducationPage.objects.get(pk=article.pk)
    assert article_after.title == "Autoimmune disease and muscle pain"
    assert article_after.latest_revision_id == article.latest_revision_id
    fibromyalgia = Condition.objects.get(slug=FIBROMYALGIA)
    assert_in_review(fibromyalgia)
    assert [row.code for row in fibromyalgia.codes.all()] == ["M79.7"]
    assert slugs(link.related for link in fibromyalgia.related_links.all()) == [MPS]
    assert "Created condition fibromyalgia" in again
    assert "Skipped condition lupus (already exists)" in again


def test_refuses_a_condition_it_cannot_create_and_saves_nothing(make_condition):
    make_condition("sle", "Lupus")

    with pytest.raises(CommandError, match="Cannot create condition lupus"):
        load()

    assert slugs(Condition.objects.all()) == ["sle"]
    assert not PortalHomePage.objects.exists()


# Demo accounts


def test_no_demo_accounts_unless_asked(db):
    load()
    assert not get_user_model().objects.exists()


def test_refuses_demo_accounts_unless_the_settings_allow_them(db, settings):
    settings.ALLOW_DEMO_ACCOUNTS = False

    with pytest.raises(CommandError, match="ALLOW_DEMO_ACCOUNTS"):
        load("--demo-accounts")

    assert not get_user_model().objects.exists()
    assert not Condition.objects.exists()


def test_demo_accounts_are_off_in_the_base_settings():
    from portal.settings import base

    assert base.ALLOW_DEMO_ACCOUNTS is False


def test_creates_demo_accounts_in_their_groups_and_prints_the_logins(db, client):
    output = load("--demo-accounts")

    users = {user.username: user for user in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    groups = {
        name: list(user.groups.values_list("name", flat=True)) for name, user in users.items()
    }
    assert groups == {
        "admin": [],
        "editor": ["Editors"],
        "reviewer": ["Clinical reviewers"],
        "patient": ["Patients"],
    }
    for username in groups:
        password = f"{username}-demo-pass"
        assert users[username].check_password(password)
        assert f"{username} / {password}" in output
    assert "http://127.0.0.1:8000/admin/" in output
    assert "http://127.0.0.1:8000/\n" in output

    # The demo editor enrols an authenticator app at their first admin sign-in.
    assert client.login(username="editor", password="editor-demo-pass")
    assert client.get("/admin/").url == "/admin/two-factor/setup/?next=%2Fadmin%2F"
    pass_second_factor(client, users["editor"])
    assert client.get("/admin/").status_code == 200
    assert client.login(username="patient", password="patient-demo-pass")
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_demo_accounts_are_created_once_and_passwords_never_reset(db):
    load("--demo-accounts")
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("the-editors-own-password")
    editor.save()

    again = load("--demo-accounts")

    assert get_user_model().objects.count() == 4
    editor.refresh_from_db()
    assert editor.check_password("the-editors-own-password")
    assert "Skipped user editor (already exists)" in again
    assert "editor: already existed, password unchanged" in again


def test_the_demo_editor_and_reviewer_can_walk_the_review_workflow(db, client, mailoutbox):
    load("--demo-accounts")

    assert client.login(username="editor", password="editor-demo-pass")
    pass_second_factor(client, get_user_model().objects.get(username="editor"))
    response = client.post(
        "/admin/snippets/education/condition/add/",
        condition_form(name="Polymyalgia rheumatica", slug="polymyalgia") | SUBMIT,
    )
    assert response.status_code == 302
    condition = Condition.objects.get(slug="polymyalgia")
    assert ["reviewer@demo.invalid"] in [message.to for message in mailoutbox]

    assert client.login(username="reviewer", password="reviewer-demo-pass")
    pass_second_factor(client, get_user_model().objects.get(username="reviewer"))
    task_state = condition.current_workflow_task_state
    response = client.post(workflow_action_url(condition, "approve", task_state), {"comment": ""})
    assert response.status_code == 302

    condition.refresh_from_db()
    assert condition.live
    assert condition.reviewed_by.username == "reviewer"
