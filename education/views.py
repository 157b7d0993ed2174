"""Portal views that are not Wagtail pages: condition pages and search."""

from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from .condition_page import condition_page_context
from .search import SearchForm
from .selectors import published_conditions


@require_GET
def condition_detail(request, slug):
    condition = get_object_or_404(published_conditions(), slug=slug)
    return render(
        request, "education/condition_page.html", condition_page_context(request, condition)
    )


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = form.results(request) if form.is_valid() else None
    return render(request, "education/search.html", {"form": form, "results": results})
