"""Search that forgives: one search over the conditions and articles an audience may
read, for the portal (`/search/?q=`) and the API (`?q=`).

- `words`: what was typed, as folded words;
- `condition_words`: the published conditions' names and words, kept per version;
- `spelling`: the words each audience may find, and what a misspelt word meant;
- `fulltext`: Wagtail's search backend (SQLite FTS5, or PostgreSQL's full text);
- `ranking`: conditions whose name or other name matches first (pg_trgm on PostgreSQL);
- `results`: what a search finds; `forms` and `views`: the portal's page.
"""

from .condition_words import suggestions
from .forms import SearchForm
from .results import Results, article_ids, condition_ids
from .views import search
from .words import MAX_QUERY_LENGTH, search_words

__all__ = [
    "MAX_QUERY_LENGTH",
    "Results",
    "SearchForm",
    "article_ids",
    "condition_ids",
    "search",
    "search_words",
    "suggestions",
]
