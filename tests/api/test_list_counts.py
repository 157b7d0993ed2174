"""A list's length is counted once per content version, audience and filter: its other
pages, and answers not yet cached, do not count every row again (issue 11)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction


@pytest.fixture
def lupus(make_condition):
    return make_condition("lupus", "Lupus")


@pytest.fixture
def articles(lupus, make_article):
    return [make_article(f"Article {n}", conditions=[lupus] if n % 2 else []) for n in range(5)]


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content
    counts = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    return response.json()["count"], counts


@pytest.fixture
def client(make_api_user, api_client_for):
    return api_client_for(make_api_user("reader", "Patients"))


def test_other_pages_of_a_list_reuse_its_count(client, articles):
    assert get(client, "/api/v1/articles/?limit=2")[0] == 5
    count, counted = get(client, "/api/v1/articles/?limit=2&offset=2")
    assert count == 5 and counted == []


def test_each_filter_has_its_own_count(client, articles):
    assert get(client, "/api/v1/articles/?limit=2")[0] == 5
    count, counted = get(client, "/api/v1/articles/?condition=lupus&limit=2")
    assert count == 2 and len(counted) == 1
    assert get(client, "/api/v1/treatments/?condition=lupus")[0] == 0


def test_publishing_counts_again(client, articles, make_article):
    get(client, "/api/v1/articles/?limit=2")
    make_article("Article 5")
    assert get(client, "/api/v1/articles/?limit=2&offset=2")[0] == 6
    articles[0].unpublish()
    assert get(client, "/api/v1/articles/?limit=2&offset=4")[0] == 5


def test_audiences_have_their_own_counts(articles, make_api_user, api_client_for):
    restriction = PageViewRestriction.objects.create(
        page=articles[0], restriction_type=PageViewRestriction.GROUPS
    )
    member = api_client_for(make_api_user("member", "Patients", "Clinic"))
    restriction.groups.set([member.user.groups.get(name="Clinic")])
    other = api_client_for(make_api_user("other", "Patients"))
    assert get(member, "/api/v1/articles/?limit=2")[0] == 5
    assert get(other, "/api/v1/articles/?limit=2&offset=2")[0] == 4
