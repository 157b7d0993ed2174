"""The StreamField blocks editors build education pages from.

One StructBlock per concept. Blocks that refer to conditions hand their templates only
the published ones (`access.only_published`), so a draft, expired or deleted condition is
skipped; the API's bodies (`models/typed_body.py`) and treatments
(`features/treatments.py`) read the stored ids and keep only
`Condition.objects.published()`: the same rule.
"""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .access import is_published, only_published
from .text import rich_text_lines

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def text_by_line(rich_text):
    """The plain text of a rich text value, one line per paragraph and list item."""
    return rich_text_lines(rich_text.source)


def raw_list_items(raw_list):
    """The items of a ListBlock's stored JSON, in either of Wagtail's storage formats."""
    for item in raw_list or []:
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item["value"]
        else:
            yield item


def condition_chooser(**kwargs):
    return SnippetChooserBlock("education.Condition", **kwargs)


class HeadingBlock(blocks.StructBlock):
    """A section heading. Levels start at 2: the page title is the only level 1."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section (level 2)"), ("h3", "Subsection (level 3)")],
        default="h2",
        search_index=False,
    )

    class Meta:
        icon = "title"
        template = "education/blocks/heading.html"
        description = "A heading that starts a new section."
        preview_value = {"text": "What is myofascial pain syndrome?", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    """Body text with a small set of formatting: bold, italic, links and lists."""

    def __init__(self, **kwargs):
        super().__init__(features=PARAGRAPH_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "education/blocks/paragraph.html"
        description = "A paragraph of plain text, with links and lists if needed."
        preview_value = "<p>Trigger points are small, tight spots in a muscle.</p>"

    def get_searchable_content(self, value):
        return [text_by_line(value)] if self.search_index else []


class FigureBlock(blocks.StructBlock):
    """An image with its alt text (or marked decorative) and an optional caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=255)

    class Meta:
        icon = "image"
        template = "education/blocks/figure.html"
        description = "A picture with alt text and an optional caption."


class CalloutBlock(blocks.StructBlock):
    """A boxed message that stands out from the text around it."""

    kind = blocks.ChoiceBlock(
        choices=[
            ("information", "Information"),
            ("see-a-clinician", "See a clinician"),
            ("warning", "Warning"),
        ],
        default="information",
        search_index=False,
    )
    text = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "warning"
        template = "education/blocks/callout.html"
        description = "A highlighted note, such as when to see a doctor."
        preview_value = {
            "kind": "see-a-clinician",
            "text": "<p>If your pain does not get better, talk to your care team.</p>",
        }

    LABELS = {
        "information": "Good to know",
        "see-a-clinician": "See a clinician",
        "warning": "Warning",
    }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["label"] = self.LABELS[value["kind"]]
        return context

    def get_searchable_content(self, value):
        # The text only, as StructBlock would give it (the kind is not indexed), by line.
        return [text_by_line(value["text"])] if self.search_index else []


class ComparisonRowBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    cells = blocks.ListBlock(blocks.CharBlock(max_length=255), min_num=1)


class ComparisonTableBlock(blocks.StructBlock):
    """A table comparing things side by side, read by screen readers row by row."""

    caption = blocks.CharBlock(max_length=255, help_text="Says what the table compares.")
    corner_heading = blocks.CharBlock(
        max_length=60, default="Feature", help_text="Heading over the row headings."
    )
    columns = blocks.ListBlock(blocks.CharBlock(max_length=120), min_num=1, label="Column headings")
    rows = blocks.ListBlock(ComparisonRowBlock(), min_num=1)

    class Meta:
        icon = "table"
        template = "education/blocks/comparison_table.html"
        description = "A table that compares conditions or options feature by feature."
        preview_value = {
            "caption": "Myofascial pain and autoimmune disease",
            "corner_heading": "Feature",
            "columns": ["Myofascial pain syndrome", "Autoimmune disease"],
            "rows": [{"heading": "Autoimmune?", "cells": ["No", "Yes"]}],
        }

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value
        width = len(value["columns"])
        bad_rows = [index for index, row in enumerate(value["rows"]) if len(row["cells"]) != width]
        if bad_rows:
            rows = ", ".join(str(index + 1) for index in bad_rows)
            raise StructBlockValidationError(
                block_errors={
                    "rows": ValidationError(
                        f"Every row needs {width} cells, one per column. Check row {rows}."
                    )
                }
            )
        return value


class ConditionItemBlock(blocks.StructBlock):
    condition = condition_chooser()
    note = blocks.TextBlock(required=False, help_text="Why this condition is listed here.")


class ConditionListBlock(blocks.StructBlock):
    """A list of conditions, each with a note, linking to each condition's page."""

    heading = blocks.CharBlock(max_length=120)
    items = blocks.ListBlock(ConditionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "education/blocks/condition_list.html"
        description = "A list of conditions, each with a short note."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = [item for item in value["items"] if is_published(item["condition"])]
        return context


class KeyPointsBlock(blocks.StructBlock):
    """A short list of named points, such as reasons or steps."""

    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(required=False)
    points = blocks.ListBlock(
        blocks.StructBlock(
            [
                ("title", blocks.CharBlock(max_length=120)),
                ("text", blocks.TextBlock()),
            ]
        ),
        min_num=1,
    )

    class Meta:
        icon = "list-ol"
        template = "education/blocks/key_points.html"
        description = "A few named points, each with a sentence or two."
        preview_value = {
            "heading": "Why they happen together",
            "points": [{"title": "Inflammation", "text": "Swelling can make pain stronger."}],
        }


class TreatmentBlock(blocks.StructBlock):
    """One treatment or therapy, and the conditions it helps with."""

    class Category:
        CHOICES = [
            ("physical-therapy", "Physical therapy and manual techniques"),
            ("exercise", "Exercise"),
            ("complementary", "Complementary therapy"),
            ("medicine", "Medicine"),
            ("self-care", "Self-care and lifestyle"),
            ("mental-health", "Mental health"),
        ]
        LABELS = dict(CHOICES)

    name = blocks.CharBlock(max_length=120)
    category = blocks.ChoiceBlock(choices=Category.CHOICES)
    description = blocks.TextBlock()
    conditions = blocks.ListBlock(condition_chooser(), min_num=1, label="Helps with")
    notes = blocks.TextBlock(required=False, help_text="Cautions or practical tips.")
    safety = blocks.TextBlock(
        required=False,
        label="Medicine safety",
        help_text="Needed for a medicine: take it only as prescribed, the side effects to "
        "report, and whether it must not be stopped suddenly.",
    )

    class Meta:
        icon = "pick"
        template = "education/blocks/treatment.html"
        description = "A treatment, what it involves and the conditions it is for."
        preview_value = {
            "name": "Stretching",
            "category": "exercise",
            "description": "Gentle stretches help tight muscles relax.",
        }

    def clean(self, value):
        value = super().clean(value)
        if (
            not self.is_deferred_validation
            and value["category"] == "medicine"
            and not (value["safety"] or "").strip()
        ):
            raise StructBlockValidationError(
                block_errors={
                    "safety": ValidationError(
                        "A medicine needs a safety note for patients: take it only as "
                        "prescribed, which side effects to report, and whether it must "
                        "not be stopped suddenly."
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["category_label"] = self.Category.LABELS[value["category"]]
        context["conditions"] = only_published(value["conditions"])
        return context


class TreatmentGroupBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    conditions = blocks.ListBlock(condition_chooser(), required=False, label="For")
    treatments = blocks.ListBlock(TreatmentBlock(), min_num=1)


class TreatmentPlanBlock(blocks.StructBlock):
    """Treatments grouped by what they target, such as an integrated treatment plan."""

    heading = blocks.CharBlock(max_length=120)
    intro = blocks.TextBlock(required=False)
    groups = blocks.ListBlock(TreatmentGroupBlock(), min_num=1)

    class Meta:
        icon = "clipboard-list"
        template = "education/blocks/treatment_plan.html"
        description = "Groups of treatments that work together, with the conditions each is for."

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["groups"] = [
            {"value": group, "conditions": only_published(group["conditions"])}
            for group in value["groups"]
        ]
        return context


class ResourceLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=255)
    url = blocks.URLBlock(label="Web address")
    publisher = blocks.CharBlock(max_length=255)
    description = blocks.CharBlock(required=False, max_length=255)


class ResourceLinksBlock(blocks.StructBlock):
    """Trusted websites where patients can read more."""

    heading = blocks.CharBlock(max_length=120, default="Where to learn more")
    links = blocks.ListBlock(ResourceLinkBlock(), min_num=1)

    class Meta:
        icon = "link-external"
        template = "education/blocks/resource_links.html"
        description = "Links to trusted websites, with who publishes them."


class EducationStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    figure = FigureBlock()
    callout = CalloutBlock()
    comparison_table = ComparisonTableBlock()
    condition_list = ConditionListBlock()
    key_points = KeyPointsBlock()
    treatment = TreatmentBlock()
    treatment_plan = TreatmentPlanBlock()
    resource_links = ResourceLinksBlock()
