"""Reading level: the figures pages and conditions store, the editors' panel and listings."""

import csv
import io
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from education.models import Condition, EducationPage
from education.models.conditions import OVERVIEW_FEATURES
from education.models.reading_level import ReadingLevel, flesch_kincaid_grade, smog_grade
from education.text import join_as_sentences

SIMPLE = "Rest helps. Heat helps too. Walk a bit each day. Sleep well at night."
HARD_SENTENCES = [
    "Electromyographic characterisation demonstrates spontaneous activity.",
    "Multidisciplinary interventions necessitate individualised coordination.",
    "Dysfunctional neuromuscular endplates perpetuate contraction.",
    "Physiotherapeutic rehabilitation ameliorates symptomatology.",
]
HARD = " ".join(HARD_SENTENCES)
CONDITIONS_URL = "/admin/snippets/education/condition/"


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def panel(response):
    return soup(response).select_one("[data-reading-level]")


def figures(response):
    return {dd["data-figure"]: dd.get_text(strip=True) for dd in panel(response).select("dd")}


# What is measured and stored


def test_the_grade_is_the_harder_of_the_two_formulas(db):
    level = ReadingLevel.of(SIMPLE)
    assert level.smog > level.flesch_kincaid
    assert (level.grade, level.grade_formula) == (level.smog, "SMOG")
    # One long sentence of short words: Flesch-Kincaid is the harder.
    long_sentence = ReadingLevel.of(" ".join(["we walk and we rest"] * 12) + ".")
    assert (long_sentence.grade, long_sentence.grade_formula) == (
        long_sentence.flesch_kincaid,
        "Flesch–Kincaid",
    )
    assert ReadingLevel.of("").grade is None


def test_a_condition_stores_the_figures_of_the_text_patients_read(make_condition):
    condition = make_condition(
        "lupus",
        summary="Lupus is an illness.",
        overview="<p>It can hurt</p><ul><li>your joints</li><li>your skin</li></ul>",
        nature="The immune system attacks the body.",
        relation_to_mps="It can make muscles sore.",
        causes="<p>Nobody knows the cause.</p>",
    )

    text = join_as_sentences(
        [
            "Lupus is an illness.",
            "It can hurt\nyour joints\nyour skin",
            "The immune system attacks the body.",
            "It can make muscles sore.",
            "Nobody knows the cause.",
        ]
    )
    stored = Condition.objects.get(pk=condition.pk)
    assert stored.reading_grade == flesch_kincaid_grade(text)
    assert stored.smog_grade == smog_grade(text)
    assert stored.reading_time_minutes == 1


def test_an_article_stores_its_smog_grade(make_article):
    article = make_article(summary="How to ease sore muscles.", body=[paragraph(HARD)])

    stored = EducationPage.objects.get(pk=article.pk)
    assert stored.smog_grade == smog_grade(join_as_sentences([article.summary, HARD]))
    assert stored.smog_grade > 12


def condition_form(condition, **fields):
    return nested_form_data(
        {
            "name": condition.name,
            "slug": condition.slug,
            "category": condition.category,
            "summary": condition.summary,
            "overview": rich_text(condition.overview, features=OVERVIEW_FEATURES),
            "nature": "",
            "relation_to_mps": "",
            "review_interval_months": "12",
            "synonyms": inline_formset([]),
            "codes": inline_formset([]),
            "related_links": inline_formset([]),
            "resources": inline_formset([]),
            **fields,
        }
    )


def test_a_condition_draft_has_its_own_figures_and_leaves_the_live_ones(
    admin_client, make_condition
):
    condition = make_condition("lupus", summary=SIMPLE)
    live_grade = condition.reading_grade

    response = admin_client.post(
        f"{CONDITIONS_URL}edit/{condition.pk}/", condition_form(condition, nature=HARD)
    )

    assert response.status_code == 302
    stored = Condition.objects.get(pk=condition.pk)
    assert stored.reading_grade == live_grade
    assert stored.get_latest_revision_as_object().reading_grade > live_grade + 10


# The editors' panel


def test_the_article_editor_shows_the_reading_figures(admin_client, make_article):
    article = make_article(summary="How to ease sore muscles.", body=[paragraph(SIMPLE)])

    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    assert figures(response) == {
        "flesch-kincaid": str(article.reading_grade),
        "smog": str(article.smog_grade),
        "minutes": "1 min",
    }
    assert not panel(response).select("[data-warning]")


def test_the_condition_editor_shows_the_reading_figures(admin_client, make_condition):
    condition = make_condition("lupus", summary=SIMPLE)

    response = admin_client.get(f"{CONDITIONS_URL}edit/{condition.pk}/")

    assert figures(response)["flesch-kincaid"] == str(condition.reading_grade)
    assert figures(response)["smog"] == str(condition.smog_grade)


def test_a_new_item_has_no_figures_yet(admin_client, hub):
    response = admin_client.get(f"/admin/pages/add/education/educationpage/{hub.pk}/")

    assert "appear once there is text" in panel(response).get_text()


def test_above_grade_8_the_editor_is_warned_with_the_hardest_sentences(admin_client, make_article):
    article = make_article(body=[paragraph(f"{SIMPLE} {HARD}")])

    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    warning = panel(response).select_one("[data-warning=grade]").get_text(" ", strip=True)
    level = article.reading_level()
    assert f"Grade {level.grade} ({level.grade_formula}) is above grade 8" in warning
    items = panel(response).select("[data-warning=sentences] li")
    listed = [li.contents[0].strip() for li in items]
    assert len(listed) == 3
    assert set(listed) <= set(HARD_SENTENCES)
    assert "Rest helps." not in listed


def test_the_warning_follows_the_setting(admin_client, make_article, settings):
    article = make_article(body=[paragraph(f"{SIMPLE} {HARD}")])
    settings.READING_GRADE_WARNING = 99

    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")

    assert not panel(response).select("[data-warning]")


def test_a_refused_save_describes_the_text_just_submitted(admin_client, make_condition):
    condition = make_condition("lupus", summary=SIMPLE)

    # An unknown category: refused, and the form comes back with the editor's text.
    response = admin_client.post(
        f"{CONDITIONS_URL}edit/{condition.pk}/",
        condition_form(condition, nature=HARD, category="no-such-category"),
    )

    assert Decimal(figures(response)["flesch-kincaid"]) > condition.reading_grade + 10
    assert panel(response).select("[data-warning=grade]")


@pytest.mark.parametrize(("limit", "shown"), [(None, False), (12, True), (40, False)])
def test_the_hard_limit_is_shown_when_set_and_exceeded(
    admin_client, make_condition, settings, limit, shown
):
    settings.READING_GRADE_HARD_LIMIT = limit
    condition = make_condition("lupus", summary=HARD)

    response = admin_client.get(f"{CONDITIONS_URL}edit/{condition.pk}/")

    assert bool(panel(response).select("[data-warning=hard-limit]")) is shown


# Listings


def test_the_article_listing_shows_reading_figures_and_review_dates(admin_client, make_article):
    make_article(title="Easy article", body=[paragraph(SIMPLE)])
    make_article(title="Hard article", slug="hard", body=[paragraph(HARD)])

    page = soup(admin_client.get("/admin/education_articles/"))

    headings = [th.get_text(strip=True) for th in page.select("table.listing thead th")]
    for heading in ["Grade (FK)", "Grade (SMOG)", "Minutes", "Next review due"]:
        assert heading in headings
    titles = [a.get_text(strip=True) for a in page.select("table.listing td.title a")]
    assert {"Easy article", "Hard article"} <= set(titles)


def test_the_article_listing_exports_reading_figures(admin_client, make_article):
    article = make_article(body=[paragraph(SIMPLE)])

    response = admin_client.get("/admin/education_articles/", {"export": "csv"})

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["Title"] == article.title
    assert Decimal(rows[0]["Reading grade (Flesch-Kincaid)"]) == article.reading_grade
    assert Decimal(rows[0]["Reading grade (SMOG)"]) == article.smog_grade


def test_the_condition_listing_shows_reading_figures(admin_client, make_condition):
    condition = make_condition("lupus", "Lupus", summary=SIMPLE)

    row = soup(admin_client.get(CONDITIONS_URL)).select_one("table.listing tbody tr")

    cells = [td.get_text(strip=True) for td in row.select("td")]
    assert str(condition.reading_grade) in cells
    assert str(condition.smog_grade) in cells
