"""Each block's HTML, as a patient's browser receives it.

Headings at their level, paragraph formatting from the editor, figures with alt text and
caption, callout labels, comparison tables marked up for screen readers, condition lists,
key points, treatments, treatment plans and resource links.
"""

import pytest
from pytest_django.asserts import assertHTMLEqual, assertInHTML

from education.blocks import (
    CalloutBlock,
    ComparisonTableBlock,
    ConditionListBlock,
    FigureBlock,
    HeadingBlock,
    KeyPointsBlock,
    ResourceLinksBlock,
    TreatmentBlock,
    TreatmentPlanBlock,
)
from tests.block_helpers import (
    condition_list,
    paragraph_from_editor,
    render,
    soup,
    table,
    treatment,
    treatment_plan,
)

# Heading


@pytest.mark.parametrize("level", ["h2", "h3"])
def test_heading_renders_at_its_level(level):
    html = render(HeadingBlock(), {"text": "What lupus is", "level": level})
    assertHTMLEqual(html, f"<{level}>What lupus is</{level}>")


# Paragraph


def test_paragraph_renders_its_formatting_and_links():
    html = paragraph_from_editor(
        '<p><b>Rest</b> and <i>gentle</i> <a href="https://www.nhs.uk/">exercise</a>.</p>'
        "<ul><li>Warmth</li></ul>"
    )
    tree = soup(html)
    assert tree.find("b").text == "Rest"
    assert tree.find("i").text == "gentle"
    assert tree.find("a")["href"] == "https://www.nhs.uk/"
    assert tree.find("li").text == "Warmth"


def test_paragraph_turns_formatting_outside_its_features_into_plain_paragraphs():
    html = paragraph_from_editor("<h2>Not a heading</h2><p>Text.</p>")
    tree = soup(html)
    assert tree.find("h2") is None
    assert [p.text for p in tree.find_all("p")] == ["Not a heading", "Text."]


# Figure


def test_figure_renders_the_image_with_its_alt_text_and_caption(image):
    html = render(
        FigureBlock(),
        {
            "image": {"image": image.pk, "alt_text": "Tight knots in the shoulder muscle"},
            "caption": "Trigger points often sit in the upper back.",
        },
    )
    img = soup(html).find("figure").find("img")
    assert img["alt"] == "Tight knots in the shoulder muscle"
    assert img["src"].startswith("/media/images/")
    assert int(img["width"]) <= 800
    assertInHTML("<figcaption>Trigger points often sit in the upper back.</figcaption>", html)


def test_decorative_figure_has_empty_alt_text(image):
    html = render(
        FigureBlock(),
        {"image": {"image": image.pk, "decorative": True, "alt_text": "Ignored"}, "caption": ""},
    )
    tree = soup(html)
    assert tree.find("img")["alt"] == ""
    assert tree.find("figcaption") is None


# Callout


@pytest.mark.parametrize(
    ("kind", "label"),
    [
        ("information", "Good to know"),
        ("see-a-clinician", "See a clinician"),
        ("warning", "Warning"),
    ],
)
def test_callout_shows_the_label_of_its_kind(kind, label):
    html = render(CalloutBlock(), {"kind": kind, "text": "<p>Talk to your care team.</p>"})
    aside = soup(html).find("aside")
    assert aside["aria-label"] == label
    assert f"callout--{kind}" in aside["class"]
    assert aside.find("strong").text == label
    assert aside.find_all("p")[-1].text == "Talk to your care team."


# Comparison table


def test_comparison_table_marks_up_headings_for_screen_readers():
    html = render(
        ComparisonTableBlock(),
        table(
            [
                {"heading": "Autoimmune?", "cells": ["No", "Yes"]},
                {"heading": "Where it hurts", "cells": ["One muscle", "Many joints"]},
            ]
        ),
    )
    tree = soup(html)
    assert tree.find("caption").text == "Myofascial pain syndrome and lupus"
    assert [th.text for th in tree.select('thead th[scope="col"]')] == [
        "Feature",
        "Myofascial pain syndrome",
        "Lupus",
    ]
    rows = tree.select("tbody tr")
    assert [row.find("th", scope="row").text for row in rows] == ["Autoimmune?", "Where it hurts"]
    assert [[td.text for td in row.find_all("td")] for row in rows] == [
        ["No", "Yes"],
        ["One muscle", "Many joints"],
    ]


# Condition list


def test_condition_list_links_each_condition_with_its_note(conditions_by_state):
    lupus = conditions_by_state["live"]
    html = render(ConditionListBlock(), condition_list(lupus))
    assertInHTML('<a href="/conditions/lupus/">Lupus</a>', html)
    assert "Lupus</a>: Note on Lupus." in html
    assertInHTML("<h2>Conditions that overlap</h2>", html)


# Key points


def test_key_points_render_their_titles_and_text():
    html = render(
        KeyPointsBlock(),
        {
            "heading": "Why they happen together",
            "intro": "Three reasons.",
            "points": [
                {"title": "Inflammation", "text": "Swelling can make pain stronger."},
                {"title": "Guarding", "text": "Sore joints make muscles tense."},
            ],
        },
    )
    assertInHTML("<h2>Why they happen together</h2>", html)
    assertInHTML("<p>Three reasons.</p>", html)
    assertInHTML("<li><strong>Inflammation.</strong> Swelling can make pain stronger.</li>", html)
    assert len(soup(html).find_all("li")) == 2


# Treatment


def test_treatment_shows_its_category_label_and_condition_links(conditions_by_state):
    lupus = conditions_by_state["live"]
    html = render(TreatmentBlock(), treatment([lupus.pk], notes="Stop if it hurts more."))
    assertInHTML('<h3 class="treatment__name">Trigger point massage</h3>', html)
    assertInHTML('<p class="treatment__category">Physical therapy and manual techniques</p>', html)
    assertInHTML('<a href="/conditions/lupus/">Lupus</a>', html)
    assertInHTML('<p class="treatment__notes">Stop if it hurts more.</p>', html)


# Treatment plan


def test_treatment_plan_nests_treatments_under_their_groups(conditions_by_state):
    lupus = conditions_by_state["live"]
    html = render(TreatmentPlanBlock(), treatment_plan([lupus.pk]))
    group = soup(html).select_one("section.treatment-plan__group")
    assert group.find("h3").text == "Calm the muscles"
    assert group.find("p").text.split() == ["For:", "Lupus"]
    # Inside a group, each treatment's name is one level below the group title.
    assertInHTML('<h4 class="treatment__name">Trigger point massage</h4>', str(group))
    assert group.find("h3", class_="treatment__name") is None
    assertInHTML(
        '<p class="treatment__category">Physical therapy and manual techniques</p>', str(group)
    )


# Resource links


def test_resource_links_name_their_publisher():
    html = render(
        ResourceLinksBlock(),
        {
            "heading": "Where to learn more",
            "links": [
                {
                    "title": "Lupus",
                    "url": "https://www.nhs.uk/conditions/lupus/",
                    "publisher": "NHS",
                    "description": "Symptoms and treatment.",
                }
            ],
        },
    )
    link = soup(html).find("a")
    assert link["href"] == "https://www.nhs.uk/conditions/lupus/"
    assert link["rel"] == ["noopener"]
    assert link.parent.text.split() == ["Lupus", "(NHS):", "Symptoms", "and", "treatment."]
