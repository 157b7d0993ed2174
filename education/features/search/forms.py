"""The search form: what patients type, checked before anything is searched for."""

from django import forms

from .results import Results
from .words import MAX_QUERY_LENGTH, search_words


class SearchForm(forms.Form):
    # Too long, or holding a NUL byte (Django's CharField refuses those), is a form
    # error, never a query.
    q = forms.CharField(
        label="Search for a condition, symptom or treatment",
        max_length=MAX_QUERY_LENGTH,
        strip=True,
    )

    def results(self, audience):
        """Lazy: nothing is asked of the database until a template shows the results, and
        then only if it has not kept them (templates/education/search.html)."""
        return Results(audience, search_words(self.cleaned_data["q"]))
