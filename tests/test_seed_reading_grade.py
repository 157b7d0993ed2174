"""Every page of the seed content reads at US grade 8 or below, by both formulas.

The text is read from the pages as patients get them, not from the stored figures, and
graded as the editors' reading-level panel grades it (`ReadingLevel.of`: one sentence
per block of text, explained medical terms not counted).
"""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from education.models import Condition, ExplainedTerm
from education.models.reading_level import ReadingLevel
from education.text import join_as_sentences

from .loader_helpers import ALL_SLUGS, load_reviewed

GRADE = 8
# Each of these holds a piece of text a reader meets on its own.
TEXT_BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "td", "th", "caption", "dt", "dd"]


def patient_text(html):
    """The words of a page's <main>, one line per block of text."""
    main = BeautifulSoup(html, "html.parser").main
    # A link that starts a list item is the item's title, such as a card's.
    for block in [*main.find_all(TEXT_BLOCKS), *main.select("li > a:first-child")]:
        block.append("\n")
    return join_as_sentences(main.get_text().splitlines())


@pytest.fixture
def seeded(db):
    load_reviewed()


def test_every_seed_page_reads_at_grade_8_or_below_by_both_formulas(seeded, patient_client):
    pages = Page.objects.live().filter(depth__gt=1)
    assert pages.count() == 3  # the home page, the topic hub and the article
    addresses = [*[page.url for page in pages], *[f"/conditions/{s}/" for s in ALL_SLUGS]]
    for address in addresses:
        response = patient_client.get(address)
        assert response.status_code == 200, address
        level = ReadingLevel.of(patient_text(response.content))
        assert level.flesch_kincaid <= GRADE, (address, level.flesch_kincaid)
        assert level.smog <= GRADE, (address, level.smog)


def test_the_grade_ignores_only_the_explained_terms(seeded, patient_client):
    text = patient_text(patient_client.get("/conditions/lupus/").content)
    with_terms = ReadingLevel.of(text)
    ExplainedTerm.objects.all().delete()
    without_list = ReadingLevel.of(text)

    assert without_list.smog > with_terms.smog
    assert "lupus" in [term.lower() for term in with_terms.ignored_terms()]
    assert without_list.ignored_terms() == []


def test_each_condition_is_written_in_its_own_right(seeded):
    texts = {}
    for condition in Condition.objects.filter(slug__in=ALL_SLUGS):
        for sentence in condition.patient_text().split(". "):
            if len(sentence.split()) >= 6:
                texts.setdefault(sentence, set()).add(condition.slug)
    shared = {sentence: slugs for sentence, slugs in texts.items() if len(slugs) > 1}
    assert shared == {}
