"""Each block's validation and HTML, as a patient's browser receives it."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from pytest_django.asserts import assertHTMLEqual, assertInHTML
from wagtail.blocks import StructBlockValidationError
from wagtail.test.utils.form_data import rich_text

from education.blocks import (
    PARAGRAPH_FEATURES,
    CalloutBlock,
    ComparisonTableBlock,
    ConditionListBlock,
    FigureBlock,
    HeadingBlock,
    KeyPointsBlock,
    ParagraphBlock,
    ResourceLinksBlock,
    TreatmentBlock,
    TreatmentPlanBlock,
)

SCRIPT = "<script>alert(1)</script>"
HIDDEN_STATES = ["draft", "expired", "deleted"]


def render(block, raw):
    """Render stored data the way a page does: from its JSON form, after validation."""
    return block.render(block.clean(block.to_python(raw)))


def soup(html):
    return BeautifulSoup(html, "html.parser")


def table(rows, columns=("Myofascial pain syndrome", "Lupus")):
    return {
        "caption": "Myofascial pain syndrome and lupus",
        "corner_heading": "Feature",
        "columns": list(columns),
        "rows": rows,
    }


def treatment(conditions, **fields):
    return {
        "name": "Trigger point massage",
        "category": "physical-therapy",
        "description": "Firm pressure on the tight spot until it eases.",
        "conditions": conditions,
        "notes": "",
        **fields,
    }


def treatment_plan(conditions):
    return {
        "heading": "An integrated treatment plan",
        "intro": "",
        "groups": [
            {
                "title": "Calm the muscles",
                "conditions": conditions,
                "treatments": [treatment(conditions)],
            }
        ],
    }


# Heading


@pytest.mark.parametrize("level", ["h2", "h3"])
def test_heading_renders_at_its_level(level):
    html = render(HeadingBlock(), {"text": "What lupus is", "level": level})
    assertHTMLEqual(html, f"<{level}>What lupus is</{level}>")


def test_heading_refuses_level_one_which_belongs_to_the_page_title():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "Lupus", "level": "h1"}))
    assert set(error.value.block_errors) == {"level"}


def test_heading_needs_text():
    block = HeadingBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"text": "", "level": "h2"}))
    assert set(error.value.block_errors) == {"text"}


# Paragraph


def paragraph_from_editor(html):
    """What the Draftail editor submits for `html`, read back by the block as in the admin."""
    block = ParagraphBlock()
    value = block.value_from_datadict(
        {"body": rich_text(html, features=PARAGRAPH_FEATURES)}, {}, "body"
    )
    return block.render(block.clean(value))


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


def test_paragraph_drops_scripts_and_javascript_links_from_the_editor():
    html = paragraph_from_editor(
        f'<p>Pain {SCRIPT}<a href="javascript:alert(2)">click</a> here.</p>'
    )
    tree = soup(html)
    assert tree.find("script") is None
    assert "javascript:" not in html
    assert tree.find("a").get("href") is None
    assert "click" in tree.text


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


def test_figure_needs_alt_text_unless_decorative(image):
    block = FigureBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": ""}}))
    assert set(error.value.block_errors) == {"image"}
    assert set(error.value.block_errors["image"].block_errors) == {"alt_text"}


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


def test_callout_refuses_an_unknown_kind():
    block = CalloutBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"kind": "danger", "text": "<p>Hm.</p>"}))
    assert set(error.value.block_errors) == {"kind"}


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


@pytest.mark.parametrize("cells", [["No"], ["No", "Yes", "Sometimes"]])
def test_comparison_table_row_must_have_a_cell_per_column(cells):
    block = ComparisonTableBlock()
    value = block.to_python(
        table(
            [{"heading": "Fine", "cells": ["a", "b"]}, {"heading": "Autoimmune?", "cells": cells}]
        )
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"rows"}
    assert error.value.block_errors["rows"].messages == [
        "Every row needs 2 cells, one per column. Check row 2."
    ]


def test_comparison_table_with_uneven_rows_can_be_saved_as_a_draft():
    block = ComparisonTableBlock()
    value = block.to_python(table([{"heading": "Autoimmune?", "cells": ["No"]}]))
    assert list(block.clean_deferred(value)["rows"][0]["cells"]) == ["No"]
    # The draft allowance ends with the draft: publishing checks the rows again.
    with pytest.raises(StructBlockValidationError):
        block.clean(value)


# Condition list


def condition_list(*conditions):
    return {
        "heading": "Conditions that overlap",
        "items": [{"condition": c.pk, "note": f"Note on {c.name}."} for c in conditions],
    }


def test_condition_list_links_each_condition_with_its_note(conditions_by_state):
    lupus = conditions_by_state["live"]
    html = render(ConditionListBlock(), condition_list(lupus))
    assertInHTML('<a href="/conditions/lupus/">Lupus</a>', html)
    assert "Lupus</a>: Note on Lupus." in html
    assertInHTML("<h2>Conditions that overlap</h2>", html)


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_condition_list_leaves_out_unpublished_conditions(conditions_by_state, state):
    live, hidden = conditions_by_state["live"], conditions_by_state[state]
    block = ConditionListBlock()
    html = block.render(block.to_python(condition_list(hidden, live)))
    assert hidden.name not in html
    assert [a.text for a in soup(html).find_all("a")] == ["Lupus"]


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_condition_list_with_nothing_published_renders_nothing(conditions_by_state, state):
    block = ConditionListBlock()
    assert block.render(block.to_python(condition_list(conditions_by_state[state]))).strip() == ""


def test_condition_list_needs_an_item():
    block = ConditionListBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"heading": "Empty", "items": []}))
    assert set(error.value.block_errors) == {"items"}


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


def test_key_points_need_a_point():
    block = KeyPointsBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"heading": "Why", "points": []}))
    assert set(error.value.block_errors) == {"points"}


# Treatment


def test_treatment_shows_its_category_label_and_condition_links(conditions_by_state):
    lupus = conditions_by_state["live"]
    html = render(TreatmentBlock(), treatment([lupus.pk], notes="Stop if it hurts more."))
    assertInHTML('<h3 class="treatment__name">Trigger point massage</h3>', html)
    assertInHTML('<p class="treatment__category">Physical therapy and manual techniques</p>', html)
    assertInHTML('<a href="/conditions/lupus/">Lupus</a>', html)
    assertInHTML('<p class="treatment__notes">Stop if it hurts more.</p>', html)


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_treatment_leaves_out_unpublished_conditions(conditions_by_state, state):
    live, hidden = conditions_by_state["live"], conditions_by_state[state]
    block = TreatmentBlock()
    html = block.render(block.to_python(treatment([hidden.pk, live.pk])))
    assert hidden.name not in html
    assert [a.text for a in soup(html).find_all("a")] == ["Lupus"]


def test_treatment_refuses_an_unknown_category(conditions_by_state):
    block = TreatmentBlock()
    value = block.to_python(treatment([conditions_by_state["live"].pk], category="surgery"))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"category"}


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


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_treatment_plan_leaves_out_unpublished_conditions(conditions_by_state, state):
    live, hidden = conditions_by_state["live"], conditions_by_state[state]
    block = TreatmentPlanBlock()
    html = block.render(block.to_python(treatment_plan([hidden.pk, live.pk])))
    assert hidden.name not in html
    # Once for the group's "For:" line and once in the treatment's "Can help with:".
    assert [a.text for a in soup(html).find_all("a")] == ["Lupus", "Lupus"]


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


def test_resource_links_refuse_a_javascript_address():
    block = ResourceLinksBlock()
    value = block.to_python(
        {"links": [{"title": "Click", "url": "javascript:alert(1)", "publisher": "Nobody"}]}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    link_errors = error.value.block_errors["links"].block_errors[0]
    assert set(link_errors.block_errors) == {"url"}


# Escaping: text typed by an editor is text, never markup.


@pytest.mark.parametrize(
    ("block", "raw"),
    [
        (HeadingBlock(), {"text": SCRIPT, "level": "h2"}),
        (
            KeyPointsBlock(),
            {"heading": "Why", "intro": SCRIPT, "points": [{"title": "A", "text": SCRIPT}]},
        ),
        (ComparisonTableBlock(), table([{"heading": SCRIPT, "cells": ["a", SCRIPT]}])),
        (
            ResourceLinksBlock(),
            {"links": [{"title": SCRIPT, "url": "https://example.org/", "publisher": "X"}]},
        ),
    ],
    ids=["heading", "key-points", "comparison-table", "resource-links"],
)
def test_typed_text_is_escaped(block, raw):
    html = render(block, raw)
    assert soup(html).find("script") is None
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_typed_text_is_escaped_next_to_conditions(conditions_by_state):
    lupus = conditions_by_state["live"]
    html = render(
        ConditionListBlock(),
        {"heading": SCRIPT, "items": [{"condition": lupus.pk, "note": SCRIPT}]},
    )
    assert soup(html).find("script") is None
    assert html.count("&lt;script&gt;") == 2


def test_caption_is_escaped(image):
    html = render(
        FigureBlock(), {"image": {"image": image.pk, "alt_text": SCRIPT}, "caption": SCRIPT}
    )
    tree = soup(html)
    assert tree.find("script") is None
    assert tree.find("img")["alt"] == SCRIPT
    assert "&lt;script&gt;" in str(tree.find("figcaption"))


def test_long_text_is_refused():
    block = HeadingBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "x" * 121, "level": "h2"}))
