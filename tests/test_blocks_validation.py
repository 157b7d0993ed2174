"""Each block's validation: what an editor cannot publish.

Heading levels and text, figure alt text, callout kinds, comparison table rows (allowed
uneven in a draft only), empty condition lists and key points, treatment categories,
javascript: resource links, and over-long text.
"""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from education.blocks import (
    CalloutBlock,
    ComparisonTableBlock,
    ConditionListBlock,
    FigureBlock,
    HeadingBlock,
    KeyPointsBlock,
    ResourceLinksBlock,
    TreatmentBlock,
)
from tests.block_helpers import table, treatment

# Heading


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


# Figure


def test_figure_needs_alt_text_unless_decorative(image):
    block = FigureBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": {"image": image.pk, "alt_text": ""}}))
    assert set(error.value.block_errors) == {"image"}
    assert set(error.value.block_errors["image"].block_errors) == {"alt_text"}


# Callout


def test_callout_refuses_an_unknown_kind():
    block = CalloutBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"kind": "danger", "text": "<p>Hm.</p>"}))
    assert set(error.value.block_errors) == {"kind"}


# Comparison table


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


def test_condition_list_needs_an_item():
    block = ConditionListBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"heading": "Empty", "items": []}))
    assert set(error.value.block_errors) == {"items"}


# Key points


def test_key_points_need_a_point():
    block = KeyPointsBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"heading": "Why", "points": []}))
    assert set(error.value.block_errors) == {"points"}


# Treatment


def test_treatment_refuses_an_unknown_category(conditions_by_state):
    block = TreatmentBlock()
    value = block.to_python(treatment([conditions_by_state["live"].pk], category="surgery"))
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"category"}


def test_a_medicine_needs_a_safety_note(conditions_by_state):
    block = TreatmentBlock()
    live = [conditions_by_state["live"].pk]
    medicine = treatment(live, name="Corticosteroids", category="medicine", safety=" ")
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(medicine))
    assert set(error.value.block_errors) == {"safety"}

    safe = medicine | {"safety": "Take them only as prescribed. Do not stop them suddenly."}
    assert block.clean(block.to_python(safe))["safety"].startswith("Take them")
    # Other treatments need none.
    block.clean(block.to_python(treatment(live)))


# Resource links


def test_resource_links_refuse_a_javascript_address():
    block = ResourceLinksBlock()
    value = block.to_python(
        {"links": [{"title": "Click", "url": "javascript:alert(1)", "publisher": "Nobody"}]}
    )
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    link_errors = error.value.block_errors["links"].block_errors[0]
    assert set(link_errors.block_errors) == {"url"}


# Length


def test_long_text_is_refused():
    block = HeadingBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "x" * 121, "level": "h2"}))
