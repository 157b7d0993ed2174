"""A condition's page shows the first articles and treatments, whatever the amount of
content, with the rest on pages of their own; treatments are those of published articles.
What it and search show is kept per audience until something is published."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from education.features.condition_page import PER_PAGE, SHOWN
from education.models import PublishedTreatment
from tests.test_snippets import LISTING_URL, condition_form


def treatment(name, *conditions):
    return {
        "type": "treatment",
        "value": {
            "name": name,
            "category": "exercise",
            "description": f"How {name.lower()} helps.",
            "conditions": [c.pk for c in conditions],
            "notes": "",
        },
    }


@pytest.fixture
def lupus(make_condition):
    return make_condition("lupus", "Lupus")


@pytest.fixture
def many(lupus, make_article):
    """More articles about lupus than its page shows, each with one treatment for it."""
    return [
        make_article(
            f"Lupus article {n:02}",
            body=[treatment(f"Treatment {n:02}", lupus)],
            conditions=[lupus],
        )
        for n in range(SHOWN + 2)
    ]


def names(response, tag):
    return [node.get_text(strip=True) for node in response.soup.select(tag)]


@pytest.fixture
def get(patient_client):
    def get(path):
        response = patient_client.get(path)
        assert response.status_code == 200, path
        response.soup = BeautifulSoup(response.content, "html.parser")
        return response

    return get


def test_the_page_shows_the_first_articles_and_treatments_and_links_to_the_rest(get, many):
    page = get("/conditions/lupus/")
    assert names(page, ".cards .card > a") == [f"Lupus article {n:02}" for n in range(SHOWN)]
    assert names(page, ".treatments h3") == [f"Treatment {n:02}" for n in range(SHOWN)]
    links = {a["href"] for a in page.soup.select("section p > a")}
    assert {"/conditions/lupus/articles/", "/conditions/lupus/treatments/"} <= links


def test_no_see_all_link_when_everything_is_shown(get, lupus, make_article):
    make_article("One article", body=[treatment("Rest", lupus)], conditions=[lupus])
    page = get("/conditions/lupus/")
    assert names(page, ".treatments h3") == ["Rest"]
    assert "See all" not in page.content.decode()


@pytest.mark.parametrize("kind", ["articles", "treatments"])
def test_see_all_pages_list_everything_in_pages(get, many, make_article, lupus, kind):
    for n in range(SHOWN + 2, PER_PAGE + 3):
        make_article(
            f"Lupus article {n:02}",
            body=[treatment(f"Treatment {n:02}", lupus)],
            conditions=[lupus],
        )
    selector = ".cards .card > a" if kind == "articles" else ".treatments h3"
    label = "Lupus article" if kind == "articles" else "Treatment"
    first = get(f"/conditions/lupus/{kind}/")
    second = get(f"/conditions/lupus/{kind}/?page=2")
    assert names(first, selector) == [f"{label} {n:02}" for n in range(PER_PAGE)]
    assert names(second, selector) == [f"{label} {n:02}" for n in range(PER_PAGE, PER_PAGE + 3)]
    assert first.soup.select_one("a[rel=next]")["href"] == "?page=2"
    # A page number that is not one is the nearest real page, never an error.
    assert names(get(f"/conditions/lupus/{kind}/?page=x"), selector) == names(first, selector)
    assert names(get(f"/conditions/lupus/{kind}/?page=99"), selector) == names(second, selector)


@pytest.mark.parametrize("kind", ["", "articles/", "treatments/"])
def test_unknown_or_draft_condition_is_404(patient_client, make_condition, kind):
    make_condition("draft-one", publish=False)
    assert patient_client.get(f"/conditions/draft-one/{kind}").status_code == 404
    assert patient_client.get(f"/conditions/nothing/{kind}").status_code == 404


def test_treatments_follow_the_published_revision_only(get, lupus, make_article):
    article = make_article("Lupus article", body=[treatment("Rest", lupus)], conditions=[lupus])
    draft = article.get_latest_revision_as_object()
    draft.body = [treatment("Rest", lupus), treatment("Swimming", lupus)]
    revision = draft.save_revision()
    assert names(get("/conditions/lupus/treatments/"), ".treatments h3") == ["Rest"]

    revision.publish()
    assert names(get("/conditions/lupus/treatments/"), ".treatments h3") == ["Rest", "Swimming"]

    article.refresh_from_db()
    article.unpublish()
    assert names(get("/conditions/lupus/treatments/"), ".treatments h3") == []
    assert not PublishedTreatment.objects.filter(article=article).exists()


def test_restricted_articles_treatments_stay_hidden(get, lupus, make_article):
    make_article("Open", body=[treatment("Rest", lupus)], conditions=[lupus])
    closed = make_article("Closed", body=[treatment("Secret", lupus)], conditions=[lupus])
    restriction = PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Cardiology")])
    assert names(get("/conditions/lupus/"), ".treatments h3") == ["Rest"]
    assert names(get("/conditions/lupus/treatments/"), ".treatments h3") == ["Rest"]
    assert names(get("/conditions/lupus/articles/"), ".cards .card > a") == ["Open"]


def test_deleting_an_article_removes_its_treatments(lupus, make_article):
    article = make_article("Lupus article", body=[treatment("Rest", lupus)], conditions=[lupus])
    assert PublishedTreatment.objects.filter(article=article).count() == 1
    article.delete()
    assert not PublishedTreatment.objects.exists()


def test_the_kept_page_never_shows_a_preview_and_a_preview_is_never_kept(get, lupus, admin_client):
    draft_resource = {"title": "Draft resource", "url": "https://example.org/d", "publisher": "X"}
    preview_url = f"{LISTING_URL}preview/{lupus.pk}/"
    data = condition_form(
        name="Lupus", slug="lupus", category=lupus.category, resources=[draft_resource]
    )
    assert "Draft resource" not in get("/conditions/lupus/").content.decode()  # kept now

    assert admin_client.post(preview_url, data).json()["is_valid"]
    assert "Draft resource" in admin_client.get(preview_url).content.decode()
    assert "Draft resource" not in get("/conditions/lupus/").content.decode()


def test_search_results_are_kept_until_something_is_published(get, lupus, make_article):
    make_article("Lupus and sleep", conditions=[lupus])
    first = get("/search/?q=sleep")
    assert names(first, ".cards .card > a") == ["Lupus and sleep"]
    with CaptureQueriesContext(connection) as queries:
        again = get("/search/?q=sleep")
    assert names(again, ".cards .card > a") == ["Lupus and sleep"]
    assert not [q for q in queries if "wagtailsearch" in q["sql"]]

    make_article("Sleep and pain", conditions=[lupus])
    found = names(get("/search/?q=sleep"), ".cards .card > a")
    assert sorted(found) == ["Lupus and sleep", "Sleep and pain"]


@pytest.mark.parametrize("typed", ['"sleep', 'lupus "and sleep', '"'])
def test_quotes_in_a_search_are_no_error(get, lupus, make_article, typed):
    make_article("Lupus and sleep", conditions=[lupus])
    found = names(get(f"/search/?q={typed}"), ".cards .card > a")
    assert found == ([] if typed == '"' else ["Lupus and sleep"])
