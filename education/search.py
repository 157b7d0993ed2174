"""Search across the articles and conditions a patient may read."""

from django import forms

from .pages import EducationPage
from .selectors import published_conditions, readable_pages

MAX_QUERY_LENGTH = 200


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search for a condition, symptom or treatment",
        max_length=MAX_QUERY_LENGTH,
        strip=True,
    )

    def results(self, request):
        query = self.cleaned_data["q"]
        return {
            "conditions": list(published_conditions().search(query)[:10]),
            "articles": list(
                readable_pages(request, EducationPage).defer_streamfields().search(query)[:20]
            ),
        }
