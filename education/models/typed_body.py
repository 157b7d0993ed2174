"""An article body as typed JSON, from the stored raw data, in a fixed number of queries.

Every condition reference becomes {"slug", "name"}; a draft, expired or deleted one is
dropped. Rich text is HTML, linking only pages every reader may read (`rich_text`);
images are rendition URLs with their alt text. The walk follows the block definitions,
so a new block type is serialised without changes here.
"""

from wagtail import blocks
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import expand_db_html, extract_references_from_rich_text
from wagtail.snippets.blocks import SnippetChooserBlock

from ..access import published
from ..blocks import raw_list_items
from .conditions import Condition

IMAGE_RENDITION = "max-1200x1200"


def _walk(block, raw, visit):
    """Call visit(block, raw) on every leaf value, children first, and rebuild the value."""
    if isinstance(block, ImageBlock):
        return visit(block, raw)
    if isinstance(block, blocks.StreamBlock):
        children = []
        for child in raw or []:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                value = _walk(child_block, child.get("value"), visit)
                children.append({"type": child["type"], "id": child.get("id"), "value": value})
        return children
    if isinstance(block, blocks.ListBlock):
        values = [_walk(block.child_block, item, visit) for item in raw_list_items(raw)]
        # A reference that resolved to nothing (draft or deleted) leaves no gap.
        return [value for value in values if value is not None]
    if isinstance(block, blocks.StructBlock):
        raw = raw or {}
        value = {
            name: _walk(child, raw.get(name), visit) for name, child in block.child_blocks.items()
        }
        # A list item that exists to name a condition goes when its condition does.
        if any(
            isinstance(child, SnippetChooserBlock) and value[name] is None and raw.get(name)
            for name, child in block.child_blocks.items()
        ):
            return None
        return value
    return visit(block, raw)


def referenced_ids(stream_block, raw_body):
    """The ids of the conditions and images a body names, and of the pages it links to."""
    condition_ids, image_ids, page_ids = set(), set(), set()

    def visit(block, raw):
        if isinstance(block, SnippetChooserBlock) and isinstance(raw, int):
            condition_ids.add(raw)
        elif isinstance(block, ImageBlock) and isinstance(raw, dict):
            image_ids.add(raw.get("image"))
        elif isinstance(block, ImageChooserBlock) and isinstance(raw, int):
            image_ids.add(raw)
        elif isinstance(block, blocks.RichTextBlock) and raw:
            for model, pk, *_ in extract_references_from_rich_text(raw):
                if issubclass(model, Page) and str(pk).isdigit():
                    page_ids.add(int(pk))

    _walk(stream_block, raw_body, visit)
    return condition_ids, image_ids - {None}, page_ids


def _renditions(image_ids):
    """The API's rendition of each image, by image id: one query once they exist."""
    image_model = get_image_model()
    # "max-" resizing does not depend on the focal point, so its key is always blank.
    renditions = {
        rendition.image_id: rendition
        for rendition in image_model.get_rendition_model().objects.filter(
            image_id__in=image_ids, filter_spec=IMAGE_RENDITION, focal_point_key=""
        )
    }
    missing = set(image_ids) - set(renditions)
    if missing:
        for image in image_model.objects.filter(pk__in=missing):
            renditions[image.pk] = image.get_rendition(IMAGE_RENDITION)
    return renditions


def _link_expiries(page_ids):
    """When the published pages linked to expire: each link then shows only its text."""
    if not page_ids:
        return []
    linked = published(Page.objects.filter(pk__in=page_ids)).exclude(expire_at=None)
    return list(linked.values_list("expire_at", flat=True))


def serialize_body(page):
    """The body as typed JSON, and when the first condition it names or page it links to
    expires (or None)."""
    stream_block = page.body.stream_block
    raw_body = list(page.body.raw_data)
    condition_ids, image_ids, page_ids = referenced_ids(stream_block, raw_body)
    rows = list(
        Condition.objects.published()
        .filter(pk__in=condition_ids)
        .values_list("pk", "slug", "name", "expire_at")
    )
    conditions = {pk: {"slug": slug, "name": name} for pk, slug, name, _ in rows}
    expiries = [expiry for *_, expiry in rows if expiry] + _link_expiries(page_ids)
    good_until = min(expiries, default=None)
    renditions = _renditions(image_ids)

    def image_json(image_id, alt_text):
        rendition = renditions.get(image_id)
        if rendition is None:
            return None
        return {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt_text,
        }

    def visit(block, raw):
        if isinstance(block, SnippetChooserBlock):
            return conditions.get(raw)
        if isinstance(block, ImageBlock):
            raw = raw or {}
            alt = "" if raw.get("decorative") else raw.get("alt_text") or ""
            return image_json(raw.get("image"), alt)
        if isinstance(block, ImageChooserBlock):
            return image_json(raw, "")
        if isinstance(block, blocks.RichTextBlock):
            return expand_db_html(raw or "")
        return raw

    return _walk(stream_block, raw_body, visit), good_until
