"""The "Clinical review" workflow through the admin: submit, reject, resubmit, approve, live.

Everything goes through the admin's HTTP surface as an editor and a clinical reviewer
would use it; patients check what is live.
"""

import datetime

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry, PageLogEntry, TaskState, WorkflowState

from education.models import Condition, EducationPage
from education.models.review_task import APPROVE_ABOVE_LIMIT, READING_LEVEL_OVERRIDE
from tests.clock import TODAY

from .admin_helpers import (
    SUBMIT,
    add_article_url,
    article_form,
    condition_form,
    edit_article_url,
    edit_condition_url,
    refused,
    workflow_action_url,
)

HARD = (
    "Electromyographic characterisation demonstrates spontaneous electrical activity. "
    "Multidisciplinary interventions necessitate individualised coordination."
)

pytestmark = pytest.mark.usefixtures("frozen_today")


def task_state_of(obj):
    obj.refresh_from_db()
    return obj.current_workflow_task_state


def act(client, obj, action, **data):
    return client.post(workflow_action_url(obj, action, task_state_of(obj)), data)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


# Pages


def test_an_article_goes_through_review_to_patients(
    editor_client, reviewer_client, patient_client, hub, editor, reviewer
):
    # Submit
    response = editor_client.post(add_article_url(hub), article_form("First words.") | SUBMIT)
    assert response.status_code == 302
    article = EducationPage.objects.get(slug="lupus-and-muscle-pain")
    assert not article.live
    assert article.workflow_in_progress
    assert patient_client.get("/muscle-pain/lupus-and-muscle-pain/").status_code == 404
    assert "reviewer@hospital.example" in recipients()
    assert all(message.from_email == "patient-education@localhost" for message in mail.outbox)

    # The editor cannot change it while it waits for review
    editor_client.post(edit_article_url(article), article_form("Sneaked in.") | SUBMIT)
    assert "Sneaked in" not in str(article.get_latest_revision_as_object().body)

    # Reject with a comment
    mail.outbox.clear()
    response = act(reviewer_client, article, "reject", comment="Say what myalgia means.")
    assert response.status_code == 302
    state = WorkflowState.objects.get(pk=article.current_workflow_state.pk)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    rejected = TaskState.objects.filter(workflow_state=state, status="rejected").get()
    assert (rejected.comment, rejected.finished_by) == ("Say what myalgia means.", reviewer)
    assert recipients() == ["editor@hospital.example"]
    assert not EducationPage.objects.get(pk=article.pk).live

    # Resubmit
    response = editor_client.post(edit_article_url(article), article_form("Better words.") | SUBMIT)
    assert response.status_code == 302
    assert task_state_of(article).status == TaskState.STATUS_IN_PROGRESS
    assert not EducationPage.objects.get(pk=article.pk).live

    # Approve: live, with the resubmitted text
    response = act(reviewer_client, article, "approve", comment="")
    assert response.status_code == 302
    live = EducationPage.objects.get(pk=article.pk)
    assert live.live
    assert not live.workflow_in_progress
    assert "Better words." in str(live.body)
    served = patient_client.get(live.url)
    assert served.status_code == 200
    assert b"Better words." in served.content

    actions = list(
        PageLogEntry.objects.filter(page=article)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    for action in [
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]:
        assert action in actions


def test_approval_records_the_review_on_the_published_article(
    editor_client, reviewer_client, hub, reviewer
):
    editor_client.post(add_article_url(hub), article_form() | SUBMIT)
    article = EducationPage.objects.get(slug="lupus-and-muscle-pain")

    act(reviewer_client, article, "approve", comment="")

    live = EducationPage.objects.get(pk=article.pk)
    assert live.last_reviewed == TODAY
    assert live.reviewed_by == reviewer
    assert live.next_review_due == datetime.date(2026, 3, 10)
    # The published revision says the same, and the editor's next draft starts from it.
    assert live.live_revision.as_object().reviewed_by == reviewer
    assert live.get_latest_revision_as_object().next_review_due == datetime.date(2026, 3, 10)
    assert not live.has_unpublished_changes


def test_an_editors_later_draft_changes_nothing_until_approved(
    editor_client, reviewer_client, patient_client, hub
):
    editor_client.post(add_article_url(hub), article_form("Reviewed words.") | SUBMIT)
    article = EducationPage.objects.get(slug="lupus-and-muscle-pain")
    act(reviewer_client, article, "approve", comment="")

    def served():
        return patient_client.get(EducationPage.objects.get(pk=article.pk).url).content

    editor_client.post(edit_article_url(article), article_form("Unreviewed words."))
    assert b"Reviewed words." in served()
    assert b"Unreviewed words." not in served()

    editor_client.post(edit_article_url(article), article_form("Unreviewed words.") | SUBMIT)
    assert b"Unreviewed words." not in served()

    act(reviewer_client, article, "approve", comment="")
    assert b"Unreviewed words." in served()


def test_an_article_reviewed_more_often_is_due_sooner(editor_client, reviewer_client, hub):
    form = article_form(review_interval_months="3")
    editor_client.post(add_article_url(hub), form | SUBMIT)
    article = EducationPage.objects.get(slug="lupus-and-muscle-pain")

    act(reviewer_client, article, "approve", comment="")

    assert EducationPage.objects.get(pk=article.pk).next_review_due == datetime.date(2025, 6, 10)


def test_a_reviewer_may_edit_while_reviewing_and_approve_in_one_go(
    editor_client, reviewer_client, hub
):
    editor_client.post(add_article_url(hub), article_form("Typo here.") | SUBMIT)
    article = EducationPage.objects.get(slug="lupus-and-muscle-pain")

    response = reviewer_client.post(
        edit_article_url(article),
        article_form("Typo fixed.")
        | {"action-workflow-action": "true", "workflow-action-name": "approve"},
    )

    assert response.status_code == 302
    live = EducationPage.objects.get(pk=article.pk)
    assert live.live
    assert "Typo fixed." in str(live.body)


# Conditions


def test_a_condition_goes_through_review_to_patients(
    editor_client, reviewer_client, patient_client, editor, reviewer
):
    response = editor_client.post(
        "/admin/snippets/education/condition/add/", condition_form("First summary.") | SUBMIT
    )
    assert response.status_code == 302
    condition = Condition.objects.get(slug="fibromyalgia")
    assert not condition.live
    assert condition.workflow_in_progress
    assert patient_client.get("/conditions/fibromyalgia/").status_code == 404
    assert "reviewer@hospital.example" in recipients()

    mail.outbox.clear()
    response = act(reviewer_client, condition, "reject", comment="Too vague.")
    assert response.status_code == 302
    assert condition.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == ["editor@hospital.example"]

    response = editor_client.post(
        edit_condition_url(condition), condition_form("Pain all over the body.") | SUBMIT
    )
    assert response.status_code == 302
    assert task_state_of(condition).status == TaskState.STATUS_IN_PROGRESS
    assert patient_client.get("/conditions/fibromyalgia/").status_code == 404

    response = act(reviewer_client, condition, "approve", comment="Clear now.")
    assert response.status_code == 302
    live = Condition.objects.get(pk=condition.pk)
    assert live.live
    assert live.summary == "Pain all over the body."
    assert (live.last_reviewed, live.reviewed_by) == (TODAY, reviewer)
    assert live.next_review_due == datetime.date(2026, 3, 10)
    assert b"Pain all over the body." in patient_client.get("/conditions/fibromyalgia/").content

    actions = set(
        ModelLogEntry.objects.filter(object_id=str(condition.pk)).values_list("action", flat=True)
    )
    assert {
        "wagtail.create",
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions


def test_a_conditions_later_draft_changes_nothing_until_approved(
    editor_client, reviewer_client, patient_client
):
    editor_client.post(
        "/admin/snippets/education/condition/add/", condition_form("Reviewed summary.") | SUBMIT
    )
    condition = Condition.objects.get(slug="fibromyalgia")
    act(reviewer_client, condition, "approve", comment="")

    def served():
        return patient_client.get("/conditions/fibromyalgia/").content

    editor_client.post(edit_condition_url(condition), condition_form("Unreviewed summary."))
    assert b"Reviewed summary." in served()
    editor_client.post(
        edit_condition_url(condition), condition_form("Unreviewed summary.") | SUBMIT
    )
    assert b"Unreviewed summary." not in served()

    act(reviewer_client, condition, "approve", comment="")
    assert b"Unreviewed summary." in served()
    assert Condition.objects.get(pk=condition.pk).last_reviewed == TODAY


# The hard limit on reading grade


@pytest.fixture
def hard_condition(editor_client, settings):
    settings.READING_GRADE_HARD_LIMIT = 10
    editor_client.post("/admin/snippets/education/condition/add/", condition_form(HARD) | SUBMIT)
    condition = Condition.objects.get(slug="fibromyalgia")
    assert condition.get_latest_revision_as_object().reading_level_grade > 10
    return condition


def test_above_the_hard_limit_plain_approval_is_refused(reviewer_client, hard_condition):
    response = act(reviewer_client, hard_condition, "approve", comment="")

    assert refused(response)
    assert not Condition.objects.get(pk=hard_condition.pk).live


def test_the_override_needs_a_confirmation_and_a_reason(reviewer_client, hard_condition):
    for data in [{"comment": "Needed."}, {"confirm_override": "on"}, {}]:
        act(reviewer_client, hard_condition, APPROVE_ABOVE_LIMIT, **data)
        assert not Condition.objects.get(pk=hard_condition.pk).live

    # In the admin's modal, the form comes back with its errors.
    response = reviewer_client.post(
        workflow_action_url(hard_condition, APPROVE_ABOVE_LIMIT, task_state_of(hard_condition)),
        {"comment": "Needed."},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.json()["step"] == "action"
    assert "confirm_override" in response.json()["html"]


def test_an_override_approves_and_is_recorded(reviewer_client, reviewer, hard_condition):
    response = act(
        reviewer_client,
        hard_condition,
        APPROVE_ABOVE_LIMIT,
        comment="The clinical terms are the point of this page.",
        confirm_override="on",
    )

    assert response.status_code == 302
    live = Condition.objects.get(pk=hard_condition.pk)
    assert live.live
    assert live.reviewed_by == reviewer
    entry = ModelLogEntry.objects.get(action=READING_LEVEL_OVERRIDE)
    assert entry.object_id == str(hard_condition.pk)
    assert entry.user == reviewer
    assert entry.data["comment"] == "The clinical terms are the point of this page."
    assert entry.data["hard_limit"] == "10"
    assert float(entry.data["reading_grade"]) > 10


def test_the_override_cannot_be_forged_through_the_editor(reviewer_client, hard_condition):
    response = reviewer_client.post(
        edit_condition_url(hard_condition),
        condition_form(HARD)
        | {
            "action-workflow-action": "true",
            "workflow-action-name": APPROVE_ABOVE_LIMIT,
            "workflow-action-extra-data": "{}",
        },
    )

    assert refused(response)
    assert not Condition.objects.get(pk=hard_condition.pk).live
    assert not ModelLogEntry.objects.filter(action=READING_LEVEL_OVERRIDE).exists()


def test_the_reviewer_is_offered_the_override_instead_of_approval(reviewer_client, hard_condition):
    response = reviewer_client.get(edit_condition_url(hard_condition))

    content = response.content.decode()
    assert "Approve above reading limit" in content
    modal = reviewer_client.get(
        workflow_action_url(hard_condition, APPROVE_ABOVE_LIMIT, task_state_of(hard_condition))
    )
    assert 'name="confirm_override"' in modal.json()["html"]


def test_without_a_hard_limit_hard_text_is_approved_as_usual(
    editor_client, reviewer_client, settings
):
    settings.READING_GRADE_HARD_LIMIT = None
    editor_client.post("/admin/snippets/education/condition/add/", condition_form(HARD) | SUBMIT)
    condition = Condition.objects.get(slug="fibromyalgia")

    act(reviewer_client, condition, "approve", comment="")

    assert Condition.objects.get(pk=condition.pk).live
    assert not ModelLogEntry.objects.filter(action=READING_LEVEL_OVERRIDE).exists()
