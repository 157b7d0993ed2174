"""{% condition_page_parts condition as parts %}: a condition page's parts for the reader."""

from django import template

from ..access import Audience
from ..features.condition_page import condition_page_parts as parts_for

register = template.Library()


@register.simple_tag(takes_context=True)
def condition_page_parts(context, condition):
    return parts_for(Audience.of_request(context["request"]), condition)
