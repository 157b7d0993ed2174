"""The search boxes (the header of every portal page, and the home page), with their
suggestions; what an unusable query gets; and what a search costs the database."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from education.features.search import SearchForm
from education.publishing import other_content_changed

from .test_search_matching import build_conditions, paragraph

LONG = "lupus " * 33 + "xyz"  # 201 characters


@pytest.fixture
def conditions(home_page):
    return build_conditions()


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def article(conditions, make_article):
    return make_article(
        "Lupus and sleep",
        body=[paragraph("Rest helps.")],
        conditions=[conditions["lupus"]],
    )


def test_every_portal_page_has_a_search_box_with_suggestions(patient_client, article):
    paths = ["/", article.get_parent().url, article.url, "/conditions/lupus/", "/search/"]
    paths += ["/search/?q=lupus", "/reading-list/", "/no-such-page/"]
    for path in paths:
        soup = soup_of(patient_client.get(path))
        box = soup.select_one("header form[role=search]")
        assert box is not None, path
        assert box["action"] == "/search/" and box["method"] == "get"
        field = box.select_one("input[type=search][name=q]")
        assert field["maxlength"] == "200"
        assert soup.select_one(f"label[for={field['id']}]") is not None, path
        assert field["list"] == "search-suggestions"
        options = [option["value"] for option in soup.select("datalist#search-suggestions option")]
        assert "Lupus" in options and "SLE" in options and "RA" in options, path
        assert "Sjögren’s disease" in options
        assert options == sorted(options, key=lambda name: name.casefold().replace("ö", "o"))
        # No inline script anywhere (the Content-Security-Policy forbids it).
        assert all(script.get("src") for script in soup.select("script")), path


def test_the_home_page_has_its_own_search_box(patient_client, article):
    soup = soup_of(patient_client.get("/"))
    box = soup.select_one("main form[role=search]")
    assert box["action"] == "/search/"
    field = box.select_one("input[name=q]")
    assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True)
    assert field["list"] == "search-suggestions"
    ids = [node["id"] for node in soup.select("[id]")]
    assert len(ids) == len(set(ids))


def test_signed_out_pages_have_no_search_box(client, conditions):
    soup = soup_of(client.get(reverse("login")))
    assert soup.select_one("datalist") is None
    assert soup.select_one("form[role=search]") is None


def test_a_query_over_200_characters_is_a_form_error(patient_client, conditions):
    assert len(LONG) == 201
    response = patient_client.get("/search/", {"q": LONG})
    assert response.status_code == 200
    soup = soup_of(response)
    error = soup.select_one("#q-error")
    assert "at most 200 characters" in error.get_text()
    assert soup.select_one("#id_q")["aria-invalid"] == "true"
    assert not soup.select(".cards")
    # 200 is fine.
    assert patient_client.get("/search/", {"q": LONG[:200]}).status_code == 200


def test_a_nul_byte_is_refused_never_a_server_error(patient_client, conditions):
    # The address is refused before any view (portal/http/request_limits.py) ...
    response = patient_client.get("/search/?q=lu%00pus")
    assert response.status_code == 400
    assert "must not contain NUL characters" in response.content.decode()
    # ... and the form would refuse it too.
    form = SearchForm({"q": "lu\x00pus"})
    assert not form.is_valid()
    assert "Null characters are not allowed." in form.errors["q"]


@pytest.mark.parametrize("typed", ["", "   ", '"', "?!*", "a"])
def test_queries_with_nothing_to_search_for_are_no_error(patient_client, conditions, typed):
    assert patient_client.get("/search/", {"q": typed}).status_code == 200


def count(client, path, data=None):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, data).status_code == 200
    return len(queries)


def test_suggestions_cost_no_query_once_kept(patient_client, article):
    patient_client.get("/reading-list/")
    with CaptureQueriesContext(connection) as queries:
        patient_client.get("/reading-list/")
    assert not [q for q in queries if "education_condition" in q["sql"]]


def test_a_search_costs_a_few_queries_whatever_the_content(
    patient_client, conditions, article, make_article
):
    lupus = conditions["lupus"]

    def costs():
        other_content_changed()  # as after publishing: nothing kept
        first = count(patient_client, "/search/", {"q": "lupis"})
        again = count(patient_client, "/search/", {"q": "lupis"})
        other = count(patient_client, "/search/", {"q": "joint pain"})
        return first, again, other

    patient_client.get("/")  # what lives for the process: content types, the site
    small = costs()
    for n in range(12):
        make_article(f"Lupus article {n}", summary=f"Lupus and flares {n}.", conditions=[lupus])
    large = costs()
    assert small == large
    first, again, other = large
    # Session and user; the content clock (2) and restrictions; the vocabulary: the
    # conditions' names and words, the articles' titles; the conditions shown; the
    # articles (and, on PostgreSQL, similar names); the site.
    assert first <= 12
    assert again <= 2  # kept: the session and the user only
    assert other <= 7  # a new query reads no vocabulary: two for articles with both words


def test_a_new_query_reads_no_article_text(patient_client, conditions, article):
    patient_client.get("/search/", {"q": "lupus"})
    with CaptureQueriesContext(connection) as queries:
        patient_client.get("/search/", {"q": "sleep"})
    # The vocabulary (values of titles and summaries) is kept: only the search itself.
    assert not [q for q in queries if ' AS "summary"' in q["sql"]]
