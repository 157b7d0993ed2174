"""A condition's page: its own text with the treatments, articles and resources around it.

The same parts are shown in the portal and in editors' previews: the template asks for
them with `{% condition_page_parts condition as parts %}`, so the Condition model need
not know about articles and treatments.
"""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from ..access import is_published, readable_pages
from ..models import Condition, EducationPage
from .treatments import treatments_for


def condition_page_parts(audience, condition):
    # select_related works on the saved rows and on a preview's unsaved ones alike.
    links = list(condition.related_links.select_related("related"))
    return {
        "related_links": [link for link in links if is_published(link.related)],
        "resources": condition.resources.all(),
        "articles": readable_pages(audience, EducationPage)
        .filter(conditions=condition.pk)
        .defer_streamfields()
        .order_by("title"),
        "treatments": treatments_for(audience, condition),
    }


@require_GET
def condition_detail(request, slug):
    condition = get_object_or_404(Condition.objects.published(), slug=slug)
    return render(request, "education/condition_page.html", {"condition": condition})
