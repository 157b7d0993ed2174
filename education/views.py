"""Portal views that are not Wagtail pages: condition pages and search."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .pages import EducationPage
from .search import SearchForm
from .selectors import published_conditions, readable_pages
from .treatments import treatments_for


@require_GET
def condition_detail(request, slug):
    condition = get_object_or_404(published_conditions(), slug=slug)
    context = {
        "condition": condition,
        "related_links": condition.related_links.filter(
            related__in=published_conditions()
        ).select_related("related"),
        "resources": condition.resources.all(),
        "articles": readable_pages(request, EducationPage)
        .filter(conditions=condition)
        .defer_streamfields()
        .order_by("title"),
        "treatments": treatments_for(request, condition),
    }
    return render(request, "education/condition_page.html", context)


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = form.results(request) if form.is_valid() else None
    return render(request, "education/search.html", {"form": form, "results": results})
