"""Search across the articles and conditions a patient may read."""

from django import forms
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..access import Audience, readable_pages
from ..models import Condition, EducationPage

MAX_QUERY_LENGTH = 200


def search_words(query):
    """What patients typed, as Wagtail's search may take it. A double quote would start a
    phrase, and SQLite's full-text search fails outright on one left open: the words are
    searched for without them."""
    return query.replace('"', " ").strip()


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for a condition, symptom or treatment",
        max_length=MAX_QUERY_LENGTH,
        strip=True,
    )

    def results(self, audience):
        """Lazy: nothing is asked of the database until a template shows the results, and
        then only if it has not kept them (templates/education/search.html)."""
        query = search_words(self.cleaned_data["q"])
        if not query:
            return {"conditions": [], "articles": []}
        return {
            "conditions": Condition.objects.published().search(query)[:10],
            "articles": readable_pages(audience, EducationPage)
            .defer_streamfields()
            .search(query)[:20],
        }


@require_GET
def search(request):
    form = SearchForm(request.GET or None)
    results = form.results(Audience.of_request(request)) if form.is_valid() else None
    return render(request, "education/search.html", {"form": form, "results": results})
