"""The portal's search page, `/search/?q=`."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ...access import Audience
from .forms import SearchForm


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = form.results(Audience.of_request(request)) if form.is_valid() else None
    return render(request, "education/search.html", {"form": form, "results": results})
