"""A condition's page: its own text with the treatments, articles and resources around it.

The same parts are shown in the portal and in editors' previews: the template asks for
them with `{% condition_page_parts condition as parts %}`, so the Condition model need
not know about articles and treatments. The page shows the first few articles and
treatments, whatever the amount of content; the rest are on their own pages, in pages.
"""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from ..access import Audience, is_published, readable_pages
from ..models import Condition, EducationPage, PublishedTreatment
from .treatments import treatments_for

SHOWN = 10
PER_PAGE = 20


def articles_about(audience, condition):
    if condition.pk is None:  # an editor's preview of a condition not yet saved
        return EducationPage.objects.none()
    return (
        readable_pages(audience, EducationPage)
        .filter(conditions=condition.pk)
        .defer_streamfields()
        .order_by("title")
    )


def treatments_about(audience, condition):
    if condition.pk is None:
        return PublishedTreatment.objects.none()
    return treatments_for(audience, condition)


def _first(items):
    """The first items, and whether there are more (one row more, never a count)."""
    items = list(items[: SHOWN + 1])
    return items[:SHOWN], len(items) > SHOWN


def condition_page_parts(audience, condition):
    # select_related works on the saved rows and on a preview's unsaved ones alike.
    links = list(condition.related_links.select_related("related"))
    articles, more_articles = _first(articles_about(audience, condition))
    treatments, more_treatments = _first(treatments_about(audience, condition))
    return {
        "related_links": [link for link in links if is_published(link.related)],
        "resources": condition.resources.all(),
        "articles": articles,
        "more_articles": more_articles,
        "treatments": treatments,
        "more_treatments": more_treatments,
    }


def _published_condition(slug):
    return get_object_or_404(Condition.objects.published(), slug=slug)


@require_GET
def condition_detail(request, slug):
    condition = _published_condition(slug)
    return render(request, "education/condition_page.html", {"condition": condition})


def _listing(request, slug, find, template):
    condition = _published_condition(slug)
    # get_page() turns a missing or impossible page number into the nearest real page.
    page = Paginator(find(Audience.of_request(request), condition), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, template, {"condition": condition, "page_obj": page})


@require_GET
def condition_articles(request, slug):
    return _listing(request, slug, articles_about, "education/condition_articles.html")


@require_GET
def condition_treatments(request, slug):
    return _listing(request, slug, treatments_about, "education/condition_treatments.html")
