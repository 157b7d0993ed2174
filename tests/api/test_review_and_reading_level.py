"""The API shows each article's and condition's reading level and review status honestly."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.utils import timezone
from django.utils.http import http_date
from rest_framework.test import APIClient

from education.models import Condition, EducationPage
from tests.loader_helpers import load_reviewed

PASSWORD = "api-patient-pass-1"


def at(year, month, day):
    return time_machine.travel(datetime.datetime(year, month, day, 9, tzinfo=datetime.UTC))


def sign_in(client):
    response = client.post(
        "/api/v1/auth/login/", {"username": "app-user", "password": PASSWORD}, format="json"
    )
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {response.json()['token']}")
    return client


@pytest.fixture
def api(db):
    load_reviewed()
    user = User.objects.create_user("app-user", "app@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Patients"))
    return sign_in(APIClient())


def test_conditions_carry_their_reading_level_and_review(api):
    lupus = Condition.objects.get(slug="lupus")

    body = api.get("/api/v1/conditions/lupus/").json()

    assert Decimal(str(body["reading_grade"])) == lupus.reading_grade
    assert Decimal(str(body["smog_grade"])) == lupus.smog_grade
    assert body["reading_time_minutes"] == lupus.reading_time_minutes
    assert (body["last_reviewed"], body["next_review_due"]) == (
        lupus.last_reviewed.isoformat(),
        lupus.next_review_due.isoformat(),
    )
    assert body["review_status"] == "current"


def test_articles_carry_their_reading_level_and_review(api):
    article = EducationPage.objects.get()

    [listed] = api.get("/api/v1/articles/").json()["results"]
    detail = api.get(f"/api/v1/articles/{article.pk}/").json()

    for body in (listed, detail):
        assert Decimal(str(body["smog_grade"])) == article.smog_grade
        assert body["review_status"] == "current"


def test_overdue_content_stays_and_says_so(api):
    Condition.objects.filter(slug="lupus").update(
        last_reviewed=datetime.date(2024, 1, 10), next_review_due=datetime.date(2025, 1, 10)
    )

    with at(2025, 3, 10):
        listed = {c["slug"]: c for c in api.get("/api/v1/conditions/").json()["results"]}

    assert listed["lupus"]["review_status"] == "overdue"
    assert listed["lupus"]["last_reviewed"] == "2024-01-10"
    assert listed["lupus"]["next_review_due"] == "2025-01-10"


def test_a_cached_answer_is_stale_once_the_review_falls_due(api):
    # The seed content was published just now, so the dates are counted from today.
    today = timezone.localdate()
    due = today + datetime.timedelta(days=40)
    Condition.objects.filter(slug="lupus").update(next_review_due=due)
    url = "/api/v1/conditions/lupus/"

    first = api.get(url)
    assert first.json()["review_status"] == "current"
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    day_after = due + datetime.timedelta(days=1)
    with time_machine.travel(datetime.datetime.combine(day_after, datetime.time(9), datetime.UTC)):
        sign_in(api)  # the first token has expired by then
        later = api.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
        assert later.status_code == 200
        assert later.json()["review_status"] == "overdue"
        assert later["Last-Modified"] == http_date(
            datetime.datetime.combine(day_after, datetime.time.min, datetime.UTC).timestamp()
        )
