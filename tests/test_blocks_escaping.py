"""Text in blocks is text, never markup.

The paragraph editor's scripts and javascript: links are dropped; text typed into headings,
key points, tables, resource links, condition notes, alt text and captions is escaped.
"""

import pytest

from education.blocks import (
    ComparisonTableBlock,
    ConditionListBlock,
    FigureBlock,
    HeadingBlock,
    KeyPointsBlock,
    ResourceLinksBlock,
)
from tests.block_helpers import SCRIPT, paragraph_from_editor, render, soup, table

# Paragraph


def test_paragraph_drops_scripts_and_javascript_links_from_the_editor():
    html = paragraph_from_editor(
        f'<p>Pain {SCRIPT}<a href="javascript:alert(2)">click</a> here.</p>'
    )
    tree = soup(html)
    assert tree.find("script") is None
    assert "javascript:" not in html
    assert tree.find("a").get("href") is None
    assert "click" in tree.text


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
