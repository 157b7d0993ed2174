"""The audit trail: Wagtail's log covers conditions and pages end to end, and staff sign-ins."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from wagtail import log_actions
from wagtail.models import ModelLogEntry, PageLogEntry

from accounts.sign_in_audit import SIGN_IN, SIGN_IN_FAILED
from education.models import Condition
from education.models.review_task import READING_LEVEL_OVERRIDE

from .admin_helpers import (
    CONDITIONS_URL,
    PUBLISH,
    SUBMIT,
    condition_form,
    edit_condition_url,
    workflow_action_url,
)

SITE_HISTORY = "/admin/reports/site-history/"


def actions_for(obj):
    return list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
        )
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def history_rows(client, **query):
    response = client.get(SITE_HISTORY, query)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [row.get_text(" ", strip=True) for row in page.select("table.listing tbody tr")]


def test_every_step_of_a_conditions_life_is_logged_and_reported(
    admin_client, editor_client, reviewer_client
):
    editor_client.post(f"{CONDITIONS_URL}add/", condition_form())
    condition = Condition.objects.get(slug="fibromyalgia")
    editor_client.post(edit_condition_url(condition), condition_form("Edited."))
    editor_client.post(edit_condition_url(condition), condition_form("Edited.") | SUBMIT)
    reviewer_client.post(
        workflow_action_url(condition, "reject", condition.current_workflow_task_state),
        {"comment": "No."},
    )
    editor_client.post(edit_condition_url(condition), condition_form("Better.") | SUBMIT)
    condition.refresh_from_db()
    reviewer_client.post(
        workflow_action_url(condition, "approve", condition.current_workflow_task_state),
        {"comment": ""},
    )
    admin_client.post(f"{CONDITIONS_URL}unpublish/{condition.pk}/")
    admin_client.post(edit_condition_url(condition), condition_form("Better.") | PUBLISH)

    assert actions_for(condition) == [
        "wagtail.create",
        "wagtail.edit",
        "wagtail.edit",
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.edit",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
        "wagtail.unpublish",
        "wagtail.edit",
        "wagtail.publish",
    ]

    condition_type = ContentType.objects.get_for_model(Condition)
    rows = history_rows(admin_client, object_type=condition_type.pk)
    assert len(rows) == 12
    assert all("Fibromyalgia" in row for row in rows)
    # Editors see the conditions' history too: they have rights on conditions.
    assert len(history_rows(editor_client, object_type=condition_type.pk)) == 12


def test_page_privacy_changes_are_logged(admin_client, make_article):
    article = make_article()
    url = f"/admin/pages/{article.pk}/privacy/"

    admin_client.post(url, {"restriction_type": "login"})
    clinic = Group.objects.create(name="Rheumatology clinic")
    admin_client.post(url, {"restriction_type": "groups", "groups": [clinic.pk]})
    admin_client.post(url, {"restriction_type": "none"})
    admin_client.post(f"/admin/pages/{article.pk}/unpublish/")

    actions = list(
        PageLogEntry.objects.filter(page=article)
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions[-4:] == [
        "wagtail.view_restriction.create",
        "wagtail.view_restriction.edit",
        "wagtail.view_restriction.delete",
        "wagtail.unpublish",
    ]


# Sign-ins


def sign_in(path, username, password):
    return Client().post(path, {"username": username, "password": password})


def sign_ins(user):
    return list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user.pk)
        )
        .order_by("timestamp", "pk")
        .values_list("action", "data")
    )


def test_an_admin_sign_in_is_logged(editor):
    assert sign_in("/admin/login/", "editor", "editor-password-1").status_code == 302

    [(action, data)] = sign_ins(editor)
    assert action == SIGN_IN
    assert data == {"door": "admin", "path": "/admin/login/", "ip_address": "127.0.0.1"}
    assert ModelLogEntry.objects.get(action=SIGN_IN).user == editor


def test_a_failed_admin_sign_in_is_logged_against_the_account(reviewer):
    assert sign_in("/admin/login/", "reviewer", "wrong-password").status_code == 200

    [(action, data)] = sign_ins(reviewer)
    assert action == SIGN_IN_FAILED
    assert data["door"] == "admin"
    assert ModelLogEntry.objects.get(action=SIGN_IN_FAILED).user is None


def test_staff_signing_in_through_the_portal_are_logged_too(editor):
    sign_in("/accounts/login/", "editor", "editor-password-1")
    sign_in("/accounts/login/", "editor", "wrong-password")

    assert [(action, data["door"]) for action, data in sign_ins(editor)] == [
        (SIGN_IN, "portal"),
        (SIGN_IN_FAILED, "portal"),
    ]


def test_a_deactivated_staff_account_still_logs_failed_sign_ins(editor):
    editor.is_active = False
    editor.save()

    sign_in("/admin/login/", "editor", "editor-password-1")

    assert [action for action, _ in sign_ins(editor)] == [SIGN_IN_FAILED]


def test_patients_and_unknown_accounts_leave_no_entry(patient):
    sign_in("/accounts/login/", "patient", "patient-password-1")
    sign_in("/accounts/login/", "patient", "wrong-password")
    sign_in("/admin/login/", "patient", "patient-password-1")
    sign_in("/admin/login/", "nobody", "whatever")

    assert not ModelLogEntry.objects.filter(action__in=[SIGN_IN, SIGN_IN_FAILED]).exists()


def test_sign_ins_show_in_the_site_history_for_admins_only(admin_client, editor_client, editor):
    sign_in("/admin/login/", "editor", "wrong-password")

    assert any("Failed sign-in" in row for row in history_rows(admin_client))
    assert not any("Failed sign-in" in row for row in history_rows(editor_client))


@pytest.mark.parametrize("action", [SIGN_IN, SIGN_IN_FAILED, READING_LEVEL_OVERRIDE])
def test_the_apps_actions_are_registered(action):
    assert log_actions.registry.action_exists(action)


def test_an_override_reads_plainly_in_the_site_history(admin_client, make_condition):
    condition = make_condition("lupus", "Lupus")
    log_actions.log(
        condition,
        READING_LEVEL_OVERRIDE,
        data={"reading_grade": "12.5", "hard_limit": "10", "comment": "Terms are needed."},
    )

    [row] = history_rows(admin_client, action=READING_LEVEL_OVERRIDE)
    assert "Approved at reading grade 12.5, above the hard limit of 10" in row
    assert "Lupus" in row
