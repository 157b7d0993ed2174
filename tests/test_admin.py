"""The editors' admin for conditions: menu, listing, filters, search, inspect and export."""

import csv
import io
import json

import pytest
from bs4 import BeautifulSoup

from education.models import ConditionCode, ConditionSynonym

LISTING_URL = "/admin/snippets/education/condition/"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def listed_names(response):
    """The names of the conditions in the listing's rows."""
    assert response.status_code == 200
    cells = soup(response).select("table.listing td.title")
    return sorted(cell.find("a").get_text(strip=True) for cell in cells)


@pytest.fixture
def conditions(make_condition):
    return {
        "lupus": make_condition(
            "lupus",
            "Lupus",
            is_autoimmune=True,
            synonyms=[
                ConditionSynonym(name="SLE"),
                ConditionSynonym(name="Systemic lupus erythematosus"),
            ],
            summary="The immune system attacks the joints, skin and organs.",
        ),
        "fibromyalgia": make_condition(
            "fibromyalgia",
            "Fibromyalgia",
            category="widespread-pain",
            summary="Long-term pain all over the body.",
        ),
        "draft": make_condition(
            "myofascial-pain-syndrome",
            "Myofascial pain syndrome",
            category="musculoskeletal-pain",
            publish=False,
        ),
    }


def test_patient_education_group_is_in_the_admin_menu(admin_client):
    response = admin_client.get("/admin/")

    props = json.loads(soup(response).find("script", id="wagtail-sidebar-props").string)
    menu = next(m for m in props["modules"] if m["_type"] == "wagtail.sidebar.MainMenuModule")
    groups = {
        item["_args"][0]["label"]: item["_args"][1]
        for item in menu["_args"][0]
        if item["_type"] == "wagtail.sidebar.SubMenuItem"
    }
    assert [
        (item["_args"][0]["label"], item["_args"][0]["url"]) for item in groups["Patient education"]
    ] == [
        ("Conditions", LISTING_URL),
        ("Articles", "/admin/education_articles/"),
        ("Explained terms", "/admin/snippets/education/explainedterm/"),
    ]


def test_the_listing_shows_every_condition_with_its_columns(admin_client, conditions):
    response = admin_client.get(LISTING_URL)

    assert listed_names(response) == ["Fibromyalgia", "Lupus", "Myofascial pain syndrome"]
    headings = [th.get_text(strip=True) for th in soup(response).select("table.listing thead th")]
    for heading in [
        "Name",
        "Category",
        "Autoimmune",
        "Grade (FK)",
        "Grade (SMOG)",
        "Minutes",
        "Next review due",
        "Updated",
    ]:
        assert heading in headings


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("is_autoimmune=true", ["Lupus"]),
        ("is_autoimmune=false", ["Fibromyalgia", "Myofascial pain syndrome"]),
        ("category=widespread-pain", ["Fibromyalgia"]),
        ("live=false", ["Myofascial pain syndrome"]),
    ],
)
def test_the_listing_filters(admin_client, conditions, query, names):
    assert listed_names(admin_client.get(f"{LISTING_URL}?{query}")) == names


@pytest.mark.parametrize(
    ("search", "names"),
    [
        ("lupus", ["Lupus"]),
        ("SLE", ["Lupus"]),
        ("body", ["Fibromyalgia"]),
    ],
)
def test_the_listing_searches_names_other_names_and_summaries(
    admin_client, conditions, search, names
):
    # Searching by fields used to raise "no such column" on SQLite; see ConditionViewSet.
    assert listed_names(admin_client.get(LISTING_URL, {"q": search})) == names


def test_inspect_shows_a_conditions_details(admin_client, conditions):
    response = admin_client.get(f"{LISTING_URL}inspect/{conditions['lupus'].pk}/")

    assert response.status_code == 200
    details = {
        dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True)
        for dt in soup(response).select("dl dt")
    }
    assert details["Name"] == "Lupus"
    assert details["Other names"] == "SLE, Systemic lupus erythematosus"
    assert details["Category"] == "Autoimmune disease"
    assert details["Overview"] == "An overview."  # formatted, not its stored HTML
    assert "How it relates to myofascial pain syndrome" in details


def test_the_export_has_a_row_per_condition(admin_client, conditions):
    response = admin_client.get(LISTING_URL, {"export": "csv"})

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="conditions.csv"'
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert [row["Name"] for row in rows] == ["Fibromyalgia", "Lupus", "Myofascial pain syndrome"]
    lupus = rows[1]
    assert lupus["Slug"] == "lupus"
    assert lupus["Category"] == "autoimmune"
    assert lupus["Autoimmune disease"] == "True"
    assert lupus["Other names"] == "SLE, Systemic lupus erythematosus"
    assert lupus["Live"] == "True"
    assert rows[2]["Live"] == "False"


def test_the_export_follows_the_filters(admin_client, conditions):
    response = admin_client.get(LISTING_URL, {"export": "csv", "is_autoimmune": "true"})

    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
    assert [row["Name"] for row in rows] == ["Lupus"]


def test_the_edit_form_shows_a_conditions_rows(admin_client, conditions):
    lupus = conditions["lupus"]
    ConditionCode.objects.create(condition=lupus, system="ICD-10-CM", code="M32.9", display="SLE")

    response = admin_client.get(f"{LISTING_URL}edit/{lupus.pk}/")

    assert response.status_code == 200
    form = soup(response)
    assert form.find("input", attrs={"name": "codes-0-code"})["value"] == "M32.9"
    assert form.find("input", attrs={"name": "codes-TOTAL_FORMS"})["value"] == "1"


def test_editors_who_are_not_logged_in_are_sent_to_log_in(client, conditions):
    response = client.get(LISTING_URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
