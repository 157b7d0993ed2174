"""Clinical review dates: the status they give, how the portal shows them, who may set them."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from education.models import Condition, EducationPage
from education.models.conditions import OVERVIEW_FEATURES
from education.models.review import ReviewStatus, add_months, review_status, review_status_since
from tests.clock import TODAY


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2025, 3, 10), 12, datetime.date(2026, 3, 10)),
        (datetime.date(2025, 1, 31), 1, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2024, 2, 29), 12, datetime.date(2025, 2, 28)),
        (datetime.date(2025, 11, 15), 3, datetime.date(2026, 2, 15)),
        (datetime.date(2025, 12, 1), 24, datetime.date(2027, 12, 1)),
    ],
)
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    ("due", "status"),
    [
        (None, ReviewStatus.NOT_REVIEWED),
        (TODAY - datetime.timedelta(days=1), ReviewStatus.OVERDUE),
        (TODAY, ReviewStatus.DUE_SOON),
        (TODAY + datetime.timedelta(days=30), ReviewStatus.DUE_SOON),
        (TODAY + datetime.timedelta(days=31), ReviewStatus.CURRENT),
    ],
)
def test_review_status(due, status):
    assert review_status(due, today=TODAY) == status


@pytest.mark.parametrize(
    ("due", "since"),
    [
        (None, None),
        (TODAY + datetime.timedelta(days=31), None),
        (TODAY + datetime.timedelta(days=30), TODAY),
        (TODAY + datetime.timedelta(days=5), TODAY - datetime.timedelta(days=25)),
        (TODAY - datetime.timedelta(days=1), TODAY),
        (TODAY - datetime.timedelta(days=100), TODAY - datetime.timedelta(days=99)),
    ],
)
def test_the_day_the_status_began(due, since):
    assert review_status_since(due, today=TODAY) == since


@time_machine.travel(datetime.datetime(2025, 3, 10, 12, tzinfo=datetime.UTC), tick=False)
def test_the_status_uses_todays_date(make_condition):
    condition = make_condition("lupus", next_review_due=datetime.date(2025, 3, 9))
    assert condition.review_status == ReviewStatus.OVERDUE


def test_the_interval_defaults_to_the_setting(settings):
    settings.REVIEW_INTERVAL_MONTHS = 6
    assert Condition(name="Lupus").review_interval_months == 6
    assert EducationPage(title="Lupus").review_interval_months == 6


# What patients see


def review_line(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".review-dates")


@time_machine.travel(datetime.datetime(2025, 3, 10, 12, tzinfo=datetime.UTC), tick=False)
@pytest.mark.parametrize(
    ("last", "due", "status", "text"),
    [
        (None, None, "not-reviewed", "Not yet reviewed by a clinician."),
        (
            datetime.date(2024, 6, 1),
            datetime.date(2025, 6, 1),
            "current",
            "Last reviewed 1 June 2024 · Next review due 1 June 2025",
        ),
        (
            datetime.date(2024, 2, 1),
            datetime.date(2025, 2, 1),
            "overdue",
            "Last reviewed 1 February 2024 · Review overdue since 1 February 2025: "
            "some of this may be out of date.",
        ),
    ],
)
def test_articles_and_conditions_show_their_review_dates_honestly(
    patient_client, make_article, make_condition, last, due, status, text
):
    article = make_article(last_reviewed=last, next_review_due=due)
    make_condition("lupus", last_reviewed=last, next_review_due=due)

    for response in [patient_client.get(article.url), patient_client.get("/conditions/lupus/")]:
        line = review_line(response)
        assert line["data-review-status"] == status
        assert line.get_text(strip=True) == text


@time_machine.travel(datetime.datetime(2025, 3, 10, 12, tzinfo=datetime.UTC), tick=False)
def test_overdue_content_stays_published(patient_client, make_article):
    article = make_article(next_review_due=datetime.date(2024, 1, 1))

    assert patient_client.get(article.url).status_code == 200
    assert EducationPage.objects.get(pk=article.pk).live


# Only the workflow records a review


def test_editors_cannot_type_in_a_review(admin_client, make_condition):
    condition = make_condition("lupus", "Lupus")
    someone = User.objects.create_user("someone")
    data = nested_form_data(
        {
            "name": "Lupus",
            "slug": "lupus",
            "category": condition.category,
            "summary": condition.summary,
            "overview": rich_text(condition.overview, features=OVERVIEW_FEATURES),
            "last_reviewed": "2025-01-01",
            "reviewed_by": str(someone.pk),
            "next_review_due": "2030-01-01",
            "review_interval_months": "6",
            "synonyms": inline_formset([]),
            "codes": inline_formset([]),
            "related_links": inline_formset([]),
            "resources": inline_formset([]),
            "action-publish": "action-publish",
        }
    )

    response = admin_client.post(f"/admin/snippets/education/condition/edit/{condition.pk}/", data)

    assert response.status_code == 302
    stored = Condition.objects.get(pk=condition.pk)
    assert (stored.last_reviewed, stored.reviewed_by, stored.next_review_due) == (None, None, None)
    assert stored.review_interval_months == 6


def test_the_editor_shows_the_review_without_inputs_for_it(admin_client, make_condition):
    reviewer = User.objects.create_user("dr-jones", first_name="Ada", last_name="Jones")
    condition = make_condition(
        "lupus",
        last_reviewed=datetime.date(2025, 1, 2),
        reviewed_by=reviewer,
        next_review_due=datetime.date(2026, 1, 2),
    )

    response = admin_client.get(f"/admin/snippets/education/condition/edit/{condition.pk}/")

    page = BeautifulSoup(response.content, "html.parser")
    for name in ["last_reviewed", "reviewed_by", "next_review_due"]:
        assert page.find(attrs={"name": name}) is None
    assert page.find("input", attrs={"name": "review_interval_months"})["value"] == "12"
    text = page.get_text(" ", strip=True)
    assert "Last reviewed Jan. 2, 2025 Reviewed by dr-jones Next review due Jan. 2, 2026" in text
