"""Least privilege: what each group may do in the admin, and that nothing else gets through.

The groups come from the migrations. Every refusal is checked by what happened to the
content, not only by the response, and through direct POSTs as well as the admin's pages.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
)

from education.models import ClinicalReviewTask, Condition, EducationIndexPage, EducationPage

from .admin_helpers import (
    CONDITIONS_URL,
    PUBLISH,
    SUBMIT,
    add_article_url,
    article_form,
    condition_form,
    edit_article_url,
    edit_condition_url,
    refused,
    workflow_action_url,
)


def granted(name):
    group = Group.objects.get(name=name)
    return {
        "model": sorted(group.permissions.values_list("codename", flat=True)),
        "page": sorted(
            (perm.page.depth, perm.permission.codename)
            for perm in GroupPagePermission.objects.filter(group=group)
        ),
        "collection": sorted(
            (perm.collection.depth, perm.permission.codename)
            for perm in GroupCollectionPermission.objects.filter(group=group)
        ),
    }


# What the migrations grant


def test_editors_may_write_and_submit_but_not_publish(db):
    assert granted("Editors") == {
        "model": [
            "access_admin",
            "add_condition",
            "change_condition",
            "lock_condition",
            "view_explainedterm",
        ],
        "page": [(1, "add_page"), (1, "change_page"), (1, "lock_page")],
        "collection": [
            (1, "add_document"),
            (1, "add_image"),
            (1, "choose_document"),
            (1, "choose_image"),
        ],
    }


def test_clinical_reviewers_get_their_rights_from_the_review_task(db):
    assert granted("Clinical reviewers") == {
        # They keep the list of explained terms, which changes every reading grade.
        "model": [
            "access_admin",
            "add_explainedterm",
            "change_explainedterm",
            "delete_explainedterm",
            "view_condition",
            "view_explainedterm",
        ],
        "page": [],
        "collection": [(1, "choose_document"), (1, "choose_image")],
    }
    task = ClinicalReviewTask.objects.get()
    assert [group.name for group in task.groups.all()] == ["Clinical reviewers"]


def test_patients_have_no_admin_rights(db):
    assert granted("Patients") == {"model": [], "page": [], "collection": []}


def test_clinical_review_is_the_only_workflow(db):
    workflow = Workflow.objects.get(active=True)
    assert workflow.name == "Clinical review"
    assert [task.specific for task in workflow.tasks] == [ClinicalReviewTask.objects.get()]
    assert WorkflowPage.objects.get().page.depth == 1  # the whole tree
    assert WorkflowContentType.objects.get().content_type.model_class() is Condition
    # Wagtail's default group could publish without review.
    assert not Group.objects.filter(name="Moderators").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


# Through the admin


@pytest.fixture
def article(make_article):
    return make_article(body=[{"type": "paragraph", "value": "<p>Live words.</p>"}])


@pytest.fixture
def other_hub(home_page):
    return home_page.add_child(instance=EducationIndexPage(title="Other topic", slug="other"))


@pytest.fixture
def condition(make_condition):
    return make_condition("fibromyalgia", "Fibromyalgia", summary="Live summary.")


def unchanged(article, condition):
    live_article = EducationPage.objects.filter(pk=article.pk).first()
    live_condition = Condition.objects.filter(pk=condition.pk).first()
    return (
        live_article is not None
        and live_condition is not None
        and live_article.live
        and live_article.url_path == article.url_path
        and "Live words." in str(live_article.body)
        and live_condition.live
        and live_condition.summary == "Live summary."
        and not PageViewRestriction.objects.exists()
    )


def copy_form(parent, how):
    return {
        "new_title": "Copied",
        "new_slug": "copied",
        "new_parent_page": str(parent.pk),
        "publish_copies": "on" if how == "copy" else "",
        "alias": "on" if how == "alias" else "",
    }


def attempts(article, condition, hub, other_hub):
    """Every way to change what patients see without a reviewer's approval."""
    return {
        "publish an article": (edit_article_url(article), article_form("New.") | PUBLISH),
        "publish a condition": (
            edit_condition_url(condition),
            condition_form("New.", slug="fibromyalgia") | PUBLISH,
        ),
        "publish a new article": (add_article_url(hub), article_form(slug="new") | PUBLISH),
        "unpublish an article": (f"/admin/pages/{article.pk}/unpublish/", {}),
        "unpublish a condition": (f"{CONDITIONS_URL}unpublish/{condition.pk}/", {}),
        "delete an article": (f"/admin/pages/{article.pk}/delete/", {}),
        "delete a condition": (f"{CONDITIONS_URL}delete/{condition.pk}/", {}),
        "make an article private": (
            f"/admin/pages/{article.pk}/privacy/",
            {"restriction_type": "login"},
        ),
        "move an article": (f"/admin/pages/{article.pk}/move/{other_hub.pk}/confirm/", {}),
        "publish a copy": (f"/admin/pages/{article.pk}/copy/", copy_form(other_hub, "copy")),
        "make an alias": (f"/admin/pages/{article.pk}/copy/", copy_form(other_hub, "alias")),
    }


@pytest.mark.parametrize("client_name", ["editor_client", "reviewer_client", "patient_client"])
def test_nobody_but_a_reviewers_approval_changes_what_patients_see(
    request, client_name, article, condition, hub, other_hub
):
    client = request.getfixturevalue(client_name)

    for name, (url, data) in attempts(article, condition, hub, other_hub).items():
        client.post(url, data)
        assert unchanged(article, condition), f"{client_name} could {name}"
        assert list(EducationPage.objects.live()) == [article], f"{client_name} could {name}"


def test_an_editors_publish_saves_a_draft_only(editor_client, article):
    editor_client.post(edit_article_url(article), article_form("Draft words.") | PUBLISH)

    stored = EducationPage.objects.get(pk=article.pk)
    assert "Live words." in str(stored.body)
    assert "Draft words." in str(stored.get_latest_revision_as_object().body)


def test_editors_write_and_submit(editor_client, hub, article, condition):
    for url in [
        add_article_url(hub),
        edit_article_url(article),
        f"{CONDITIONS_URL}add/",
        edit_condition_url(condition),
        CONDITIONS_URL,
        "/admin/education_articles/",
    ]:
        assert editor_client.get(url).status_code == 200, url

    assert editor_client.post(add_article_url(hub), article_form(slug="new") | SUBMIT)
    assert EducationPage.objects.get(slug="new").workflow_in_progress


def test_an_editor_cannot_approve_or_reject_a_submission(editor_client, hub):
    editor_client.post(add_article_url(hub), article_form() | SUBMIT)
    page = EducationPage.objects.get(slug="lupus-and-muscle-pain")
    task_state = page.current_workflow_task_state

    for action in ["approve", "reject", "approve-above-reading-limit"]:
        response = editor_client.post(workflow_action_url(page, action, task_state), {})
        assert refused(response), action
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state == task_state


def test_reviewers_cannot_write_outside_a_review(reviewer_client, hub, article, condition):
    for url in [
        add_article_url(hub),
        edit_article_url(article),
        f"{CONDITIONS_URL}add/",
        edit_condition_url(condition),
    ]:
        assert refused(reviewer_client.get(url)), url

    reviewer_client.post(add_article_url(hub), article_form(slug="new") | SUBMIT)
    reviewer_client.post(f"{CONDITIONS_URL}add/", condition_form(slug="new") | SUBMIT)
    reviewer_client.post(edit_article_url(article), article_form("New.") | SUBMIT)
    assert not EducationPage.objects.filter(slug="new").exists()
    assert not Condition.objects.filter(slug="new").exists()
    assert article.revisions.count() == EducationPage.objects.get(pk=article.pk).revisions.count()


def test_reviewers_may_look_at_conditions(reviewer_client, condition):
    assert reviewer_client.get(CONDITIONS_URL).status_code == 200
    assert reviewer_client.get(f"{CONDITIONS_URL}inspect/{condition.pk}/").status_code == 200


@pytest.mark.parametrize("client_name", ["editor_client", "reviewer_client"])
@pytest.mark.parametrize(
    "url", ["/admin/users/", "/admin/groups/", "/admin/workflows/list/", "/admin/sites/"]
)
def test_staff_cannot_manage_users_groups_or_workflows(request, client_name, url):
    assert refused(request.getfixturevalue(client_name).get(url))


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        CONDITIONS_URL,
        "/admin/education_articles/",
        "/admin/reports/site-history/",
        "/admin/pages/",
    ],
)
def test_patients_have_no_admin_access(patient_client, url):
    assert refused(patient_client.get(url))


def test_patients_cannot_create_through_direct_posts(patient_client, hub):
    patient_client.post(add_article_url(hub), article_form(slug="new") | PUBLISH)
    patient_client.post(f"{CONDITIONS_URL}add/", condition_form(slug="new") | PUBLISH)

    assert not EducationPage.objects.filter(slug="new").exists()
    assert not Condition.objects.filter(slug="new").exists()
