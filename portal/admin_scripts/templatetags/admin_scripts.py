"""{% inline_script %}: the templates' way to `widgets.initialiser_element`."""

import json

from django import template

from portal.admin_scripts.widgets import initialiser_element

register = template.Library()


@register.simple_tag
def inline_script(call, id_=None, options_json=None):
    """An initialiser element; Wagtail's templates hold their options as a JSON string."""
    return initialiser_element(
        call, id_, json.loads(options_json) if options_json is not None else None
    )
