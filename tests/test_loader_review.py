"""The seed content reaches patients only through clinical review.

Without demo accounts the loader submits everything it creates to the "Clinical review"
workflow and patients see nothing until a reviewer approves it in the admin. With demo
accounts the demo reviewer approves it at once, and the audit log says it was demo data.
"""

from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowState

from education.models import Condition, EducationPage, PortalHomePage
from education.seed import content as seed_content
from education.seed.review import DEMO_APPROVAL, DEMO_COMMENT

from .admin_helpers import workflow_action_url
from .loader_helpers import ALL_SLUGS, load
from .two_factor_helpers import verified_client

NOT_REVIEWED = "Not yet reviewed by a clinician"
ARTICLE_SLUG = seed_content.ARTICLE["slug"]


def portal_addresses():
    article = EducationPage.objects.get(slug=ARTICLE_SLUG)
    return ["/", article.url, *[f"/conditions/{slug}/" for slug in ALL_SLUGS]]


def log_entries():
    return [*PageLogEntry.objects.all(), *ModelLogEntry.objects.all()]


def test_without_demo_accounts_patients_see_nothing_until_a_reviewer_approves(
    patient_client, reviewer, mailoutbox
):
    output = load()

    pending = WorkflowState.objects.active()
    assert pending.count() == len(ALL_SLUGS) + 3  # the conditions, home, hub and article
    assert {state.workflow.name for state in pending} == {"Clinical review"}
    assert "Submitted 8 items to clinical review" in output
    assert not Condition.objects.filter(live=True).exists()
    for address in portal_addresses():
        assert patient_client.get(address).status_code == 404, address
    search = patient_client.get("/search/", {"q": "lupus"})
    assert b"/conditions/lupus/" not in search.content
    # The reviewers are told, as when an editor submits.
    assert [reviewer.email] in [message.to for message in mailoutbox]

    lupus = Condition.objects.get(slug="lupus")
    response = verified_client(reviewer).post(
        workflow_action_url(lupus, "approve", lupus.current_workflow_task_state),
        {"comment": "Checked against NIAMS."},
    )

    assert response.status_code == 302
    page = patient_client.get("/conditions/lupus/")
    assert page.status_code == 200
    assert NOT_REVIEWED not in page.content.decode()
    lupus.refresh_from_db()
    assert lupus.reviewed_by == reviewer
    # Approving one item publishes that item only.
    assert patient_client.get("/conditions/fibromyalgia/").status_code == 404


def test_with_demo_accounts_the_demo_reviewer_approves_and_the_log_says_demo_data(db, client):
    output = load("--demo-accounts")

    reviewer = get_user_model().objects.get(username="reviewer")
    assert not WorkflowState.objects.active().exists()
    assert "Approved 8 items as the demo reviewer (demo data)" in output
    demo = [entry for entry in log_entries() if entry.action == DEMO_APPROVAL]
    approvals = [entry for entry in log_entries() if entry.action == "wagtail.workflow.approve"]
    assert len(demo) == len(approvals) == 8
    assert {entry.user_id for entry in demo + approvals} == {reviewer.pk}
    assert all(entry.data == {"demo": True} for entry in demo)
    assert all(entry.data["comment"] == DEMO_COMMENT for entry in approvals)

    assert client.login(username="patient", password="patient-demo-pass")
    for address in portal_addresses():
        page = client.get(address)
        assert page.status_code == 200, address
        assert NOT_REVIEWED not in page.content.decode(), address
    lupus = client.get("/conditions/lupus/").content.decode()
    assert "Last reviewed" in lupus
    assert Condition.objects.get(slug="lupus").reviewed_by == reviewer


def test_demo_accounts_later_approve_nothing_already_waiting_for_review(db):
    load()
    home = PortalHomePage.objects.get()

    again = load("--demo-accounts")

    assert WorkflowState.objects.active().count() == len(ALL_SLUGS) + 3
    assert not home.get_latest_revision_as_object().live
    assert "Approved" not in again
    assert not any(entry.action == DEMO_APPROVAL for entry in log_entries())


def test_an_editors_draft_of_seed_content_is_left_alone(editor, patient_client):
    load("--demo-accounts")
    lupus = Condition.objects.get(slug="lupus")
    lupus.summary = "Our editors' own words about lupus."
    lupus.save_revision(user=editor)

    load("--demo-accounts")

    lupus = Condition.objects.get(slug="lupus")
    assert lupus.get_latest_revision_as_object().summary == "Our editors' own words about lupus."
    assert b"Our editors" not in patient_client.get("/conditions/lupus/").content
