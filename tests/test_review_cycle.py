"""The review cycle: the list of content due for review, the report, the panel, the command.

Dates are fixed with time-machine: "today" is 10 March 2025 in every test here.
"""

import csv
import datetime
import io

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command

from education.features.review_cycle import due_for_review
from education.models.review import ReviewStatus
from tests.clock import TODAY

from .admin_helpers import refused

REPORT_URL = "/admin/reports/review-due/"

pytestmark = pytest.mark.usefixtures("frozen_today")


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def content(make_article, make_condition, hub):
    """One item at each point of the cycle, named for it."""
    return {
        "overdue": make_article(title="Overdue article", slug="overdue", next_review_due=days(-1)),
        "due today": make_condition("due-today", "Due today condition", next_review_due=TODAY),
        "due in 30": make_article(
            title="Due in 30 article", slug="due-30", next_review_due=days(30)
        ),
        "due in 31": make_condition("due-31", "Due in 31 condition", next_review_due=days(31)),
        "never": make_condition("never", "Never reviewed condition"),
        "draft": make_condition("draft", "Draft condition", publish=False),
        "draft article": make_article(title="Draft article", slug="draft", publish=False),
    }


def titles(items):
    return [item.title for item in items]


def test_the_list_holds_live_content_due_within_30_days_most_urgent_first(content):
    items = due_for_review()

    assert titles(items) == [
        "Never reviewed condition",
        "Overdue article",
        "Due today condition",
        "Due in 30 article",
    ]
    assert [item.status for item in items] == [
        ReviewStatus.NOT_REVIEWED,
        ReviewStatus.OVERDUE,
        ReviewStatus.DUE_SOON,
        ReviewStatus.DUE_SOON,
    ]
    assert [item.needs_review for item in items] == [True, True, False, False]


def test_the_list_narrows_by_kind_and_status(content):
    assert titles(due_for_review(kind="article")) == ["Overdue article", "Due in 30 article"]
    assert titles(due_for_review(kind="condition", status=ReviewStatus.DUE_SOON)) == [
        "Due today condition"
    ]


def test_tomorrow_due_today_is_overdue(content):
    with time_machine.travel(datetime.datetime(2025, 3, 11, 9, tzinfo=datetime.UTC), tick=False):
        statuses = {item.title: item.status for item in due_for_review()}
    assert statuses["Due today condition"] == ReviewStatus.OVERDUE


# The report


def report_rows(response):
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in page.select("table.listing tbody tr")
    ]


def test_the_report_lists_what_is_due(admin_client, content):
    rows = report_rows(admin_client.get(REPORT_URL))

    assert [row[0] for row in rows] == [
        "Never reviewed condition",
        "Overdue article",
        "Due today condition",
        "Due in 30 article",
    ]
    assert rows[1][1:3] == ["Article", "Overdue"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"kind": "condition"}, ["Never reviewed condition", "Due today condition"]),
        ({"status": "overdue"}, ["Overdue article"]),
        ({"status": "not-reviewed"}, ["Never reviewed condition"]),
        ({"kind": "article", "status": "due-soon"}, ["Due in 30 article"]),
    ],
)
def test_the_report_filters(admin_client, content, query, expected):
    assert [row[0] for row in report_rows(admin_client.get(REPORT_URL, query))] == expected


def test_the_report_exports(admin_client, content):
    response = admin_client.get(REPORT_URL, {"export": "csv", "kind": "article"})

    assert 'filename="review-due-2025-03-10.csv"' in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [(row["Title"], row["Status"], row["Next review due"]) for row in rows] == [
        ("Overdue article", "Overdue", "2025-03-09"),
        ("Due in 30 article", "Due within 30 days", "2025-04-09"),
    ]
    assert rows[0]["Edit in the admin"] == f"/admin/pages/{content['overdue'].pk}/edit/"


def links(response):
    page = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True): a["href"] for a in page.select("table.listing td.title a")}


def test_editors_get_links_to_edit(editor_client, content):
    found = links(editor_client.get(REPORT_URL))

    assert found["Overdue article"] == f"/admin/pages/{content['overdue'].pk}/edit/"
    assert found["Due today condition"] == (
        f"/admin/snippets/education/condition/edit/{content['due today'].pk}/"
    )


def test_reviewers_get_links_to_the_live_content(reviewer_client, content):
    found = links(reviewer_client.get(REPORT_URL))

    assert found["Overdue article"] == content["overdue"].url
    assert found["Due today condition"] == "/conditions/due-today/"


def test_patients_cannot_see_the_report(patient_client, content):
    assert refused(patient_client.get(REPORT_URL))


def test_the_report_is_in_the_reports_menu(editor_client):
    assert REPORT_URL in editor_client.get("/admin/").content.decode()


# The dashboard panel


def panel(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one("#review-due-section")


def test_the_dashboard_shows_what_is_due(editor_client, content):
    found = panel(editor_client.get("/admin/"))

    assert found.select_one("[data-review-counts]").get_text(" ", strip=True) == (
        "1 overdue · 1 never reviewed · 2 due within 30 days"
    )
    rows = [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in found.select("[data-review-item]")
    ]
    assert rows == [
        ["Never reviewed condition", "Condition", "Never reviewed", "—"],
        ["Overdue article", "Article", "Overdue", "9 Mar 2025"],
        ["Due today condition", "Condition", "Due within 30 days", "10 Mar 2025"],
        ["Due in 30 article", "Article", "Due within 30 days", "9 Apr 2025"],
    ]
    assert found.select_one(f'a[href="{REPORT_URL}"]')


def test_the_dashboard_says_when_nothing_is_due(reviewer_client, make_condition):
    make_condition("lupus", next_review_due=days(100))

    assert "Nothing is overdue" in panel(reviewer_client.get("/admin/")).get_text()


# The command


def run_review_due():
    out = io.StringIO()
    try:
        call_command("review_due", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_the_command_prints_the_list_and_fails_when_anything_is_overdue(content):
    out, error = run_review_due()

    lines = out.splitlines()
    assert [line.split("  ")[0].strip() for line in lines] == [
        "Never reviewed",
        "Overdue",
        "Due within 30 days",
        "Due within 30 days",
    ]
    assert "Overdue article" in lines[1]
    assert "2025-03-09" in lines[1]
    assert f"http://127.0.0.1:8000/admin/pages/{content['overdue'].pk}/edit/" in lines[1]
    assert error == "2 published item(s) overdue for clinical review or never reviewed."


def test_the_command_succeeds_when_nothing_is_overdue(make_condition):
    make_condition("lupus", "Lupus", next_review_due=days(5))

    out, error = run_review_due()

    assert error is None
    assert "Lupus" in out


def test_the_command_says_when_nothing_is_due(db):
    assert run_review_due() == (
        "Nothing is overdue or due for clinical review in the next 30 days.\n",
        None,
    )
