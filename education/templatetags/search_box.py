"""The search box's suggestions as one types: published conditions' names and other
names, for a `<datalist>` (no script; browsers offer them by keyboard too). Kept in the
cache per content version, so a page costs no query for them once made."""

from django import template

from ..features.search import suggestions

register = template.Library()


@register.simple_tag
def search_suggestions():
    return suggestions()
