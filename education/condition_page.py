"""What a condition's page shows: for patients in the portal, and for editors' previews."""

from .pages import EducationPage
from .selectors import only_published, readable_pages
from .treatments import treatments_for


def condition_page_context(request, condition):
    # select_related works on the saved rows and on a preview's unsaved ones alike.
    links = list(condition.related_links.select_related("related"))
    published = set(only_published(link.related for link in links))
    return {
        "condition": condition,
        "related_links": [link for link in links if link.related in published],
        "resources": condition.resources.all(),
        "articles": readable_pages(request, EducationPage)
        .filter(conditions=condition.pk)
        .defer_streamfields()
        .order_by("title"),
        "treatments": treatments_for(request, condition),
    }
