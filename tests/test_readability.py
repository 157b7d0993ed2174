"""Reading time and reading grade, for a text and for the articles that store them."""

import importlib.metadata
import importlib.util
import socket
from decimal import Decimal

import pytest
import textstat
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from education.blocks import PARAGRAPH_FEATURES
from education.models import EducationPage
from education.models.reading_level import (
    flesch_kincaid_grade,
    hardest_sentences,
    reading_time_minutes,
    sentences,
    smog_grade,
)
from education.text import join_as_sentences, rich_text_lines

SIMPLE = "Rest helps. Heat helps too. Walk a bit each day. Sleep well at night."
HARD = (
    "Electromyographic characterisation of myofascial trigger points demonstrates "
    "spontaneous electrical activity attributable to dysfunctional neuromuscular "
    "endplates, necessitating individualised multidisciplinary therapeutic interventions."
)


# 14 words, 21 syllables, 3 sentences; "medicine", "exercise" and "important" have 3 syllables.
KNOWN = "Take your medicine each day. Gentle exercise is good. Sleep is important for you."


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def test_a_simple_text_has_a_low_grade():
    assert flesch_kincaid_grade(SIMPLE) < 3


def test_a_hard_text_has_a_high_grade():
    assert flesch_kincaid_grade(HARD) > 16


def test_the_grade_has_one_decimal_place():
    grade = flesch_kincaid_grade(SIMPLE + " " + HARD)
    assert isinstance(grade, Decimal)
    assert grade == grade.quantize(Decimal("0.1"))


def test_flesch_kincaid_on_a_known_text():
    # 0.39 × 14/3 + 11.8 × 21/14 − 15.59 = 3.93
    assert flesch_kincaid_grade(KNOWN) == Decimal("3.9")


def test_smog_on_a_known_text():
    # 1.043 × √(30 × 3/3) + 3.1291 = 8.84
    assert smog_grade(KNOWN) == Decimal("8.8")


def test_smog_counts_long_words_where_flesch_kincaid_counts_sentence_length():
    long_sentence = "We walk and we rest and we eat well and we sleep well and we feel good."
    assert smog_grade(SIMPLE) < 4
    assert flesch_kincaid_grade(long_sentence) > flesch_kincaid_grade(SIMPLE) + 3
    assert smog_grade(long_sentence) == smog_grade(SIMPLE)
    assert smog_grade(HARD) > 16


@pytest.mark.parametrize("text", ["", "   ", "\n", "... !?"])
def test_a_text_without_words_has_no_grade_and_no_reading_time(text):
    assert flesch_kincaid_grade(text) is None
    assert smog_grade(text) is None
    assert reading_time_minutes(text) == 0


@pytest.mark.parametrize(
    ("words", "minutes"), [(1, 1), (199, 1), (200, 1), (201, 2), (400, 2), (401, 3)]
)
def test_reading_time_rounds_up_at_200_words_a_minute(words, minutes):
    assert reading_time_minutes(" ".join(["muscle"] * words)) == minutes


def test_pieces_without_an_ending_become_sentences():
    text = join_as_sentences(
        ["What lupus is", "Lupus is an illness.", "Is it common?", "Signs:\nPain\n\n  Tiredness  "]
    )
    assert text == "What lupus is. Lupus is an illness. Is it common? Signs: Pain. Tiredness."


def test_a_heading_without_a_full_stop_counts_as_a_sentence():
    pieces = ["Why muscles hurt with lupus", "Swelling in the joints makes nearby muscles tense."]
    joined = join_as_sentences(pieces)

    assert textstat.sentence_count(joined) == 2
    # Run into the next sentence, the heading would make the text look harder than it is.
    assert flesch_kincaid_grade(joined) < flesch_kincaid_grade(" ".join(pieces))


def test_sentences_split_where_join_as_sentences_ends_them():
    text = join_as_sentences(["What helps", "Rest. Heat helps too!", "Is it common?"])

    assert sentences(text) == ["What helps.", "Rest.", "Heat helps too!", "Is it common?"]


def test_the_hardest_sentences_come_hardest_first():
    text = join_as_sentences(
        [
            "Rest helps.",
            "Electromyographic characterisation demonstrates activity.",
            "Walk a bit each day.",
            "Multidisciplinary interventions help.",
            "Sleep well.",
        ]
    )

    hardest = hardest_sentences(text)

    assert [sentence.text for sentence in hardest] == [
        "Electromyographic characterisation demonstrates activity.",
        "Multidisciplinary interventions help.",
        "Walk a bit each day.",
    ]
    assert [sentence.grade for sentence in hardest] == [
        flesch_kincaid_grade(sentence.text) for sentence in hardest
    ]
    assert hardest_sentences(text, count=1) == hardest[:1]
    assert hardest_sentences("") == []


def test_rich_text_gives_a_line_per_paragraph_and_list_item():
    html = "<p>Pain <b>and</b> tiredness</p><ul><li>Rest</li><li>Heat &amp; ice</li></ul>"

    lines = [line.strip() for line in rich_text_lines(html).splitlines()]
    assert lines == ["Pain and tiredness", "Rest", "Heat & ice"]


def test_the_grade_needs_no_network(monkeypatch):
    """textstat 0.7.10 and later fetch NLTK's cmudict at run time; the hospital has no internet."""

    def refuse(*args, **kwargs):
        raise OSError("no network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)

    assert importlib.metadata.version("textstat") == "0.7.8"
    assert importlib.util.find_spec("nltk") is None
    assert flesch_kincaid_grade("Fibromyalgia causes widespread musculoskeletal tenderness.") > 12


# The figures an article stores


def test_an_article_stores_its_figures_when_saved(make_article):
    article = make_article(
        summary="How to ease sore muscles.",
        body=[
            {"type": "heading", "value": {"text": "What helps", "level": "h2"}},
            paragraph(SIMPLE),
        ],
    )

    stored = EducationPage.objects.get(pk=article.pk)
    assert stored.reading_time_minutes == 1
    expected = flesch_kincaid_grade(
        join_as_sentences(["How to ease sore muscles.", "What helps", SIMPLE])
    )
    assert stored.reading_grade == expected
    assert stored.reading_grade < 3


def test_a_long_article_takes_minutes_to_read(make_article):
    article = make_article(body=[paragraph("Gentle stretching eases tight muscles. " * 90)])

    # 5 words in the summary, 450 in the body.
    assert EducationPage.objects.get(pk=article.pk).reading_time_minutes == 3


def test_the_figures_follow_a_changed_body(make_article):
    article = make_article(body=[paragraph(SIMPLE)])
    simple_grade = article.reading_grade

    article.body = [paragraph(HARD)]
    article.save_revision().publish()

    stored = EducationPage.objects.get(pk=article.pk)
    assert stored.reading_grade > simple_grade + 10
    assert stored.reading_grade == flesch_kincaid_grade(join_as_sentences([article.summary, HARD]))


def test_list_items_count_as_sentences(make_article):
    items = [
        "Gentle stretching of the tight muscles",
        "A warm bath before going to bed",
        "Short walks on most days of the week",
    ]
    listed = "".join(f"<li>{item}</li>" for item in items)
    callout = {"kind": "information", "text": f"<p>{items[0]}</p><p>{items[1]}</p>"}
    article = make_article(
        summary="Things that help.",
        body=[
            {"type": "paragraph", "value": f"<ul>{listed}</ul>"},
            {"type": "callout", "value": callout},
        ],
    )

    assert article.reading_grade == flesch_kincaid_grade(
        join_as_sentences(["Things that help.", *items, *items[:2]])
    )


def test_a_draft_has_its_own_figures_and_leaves_the_live_ones(admin_client, make_article):
    article = make_article(summary="How to ease sore muscles.", body=[paragraph(SIMPLE)])
    live_grade, live_minutes = article.reading_grade, article.reading_time_minutes
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "summary": article.summary,
            "review_interval_months": "12",
            "body": streamfield(
                [("paragraph", rich_text(f"<p>{HARD * 60}</p>", features=PARAGRAPH_FEATURES))]
            ),
        }
    )

    assert admin_client.post(f"/admin/pages/{article.pk}/edit/", data).status_code == 302

    stored = EducationPage.objects.get(pk=article.pk)
    assert (stored.reading_grade, stored.reading_time_minutes) == (live_grade, live_minutes)
    draft = stored.get_latest_revision_as_object()
    assert draft.reading_grade > live_grade + 10
    assert draft.reading_time_minutes == 6
