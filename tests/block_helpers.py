"""Helpers shared by the block tests (tests/test_blocks_*.py): raw block data and rendering."""

from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import rich_text

from education.blocks import PARAGRAPH_FEATURES, ParagraphBlock

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


def paragraph_from_editor(html):
    """What the Draftail editor submits for `html`, read back by the block as in the admin."""
    block = ParagraphBlock()
    value = block.value_from_datadict(
        {"body": rich_text(html, features=PARAGRAPH_FEATURES)}, {}, "body"
    )
    return block.render(block.clean(value))


def condition_list(*conditions):
    return {
        "heading": "Conditions that overlap",
        "items": [{"condition": c.pk, "note": f"Note on {c.name}."} for c in conditions],
    }
