"""Articles by full-text search through Wagtail's search backend, with the words a
reading stands for.

On SQLite that is Wagtail's FTS5 backend (no stemming, accents ignored, BM25); on
PostgreSQL its PostgreSQL backend (English stemming, weighted ranks). Each typed word is
asked for in every way of writing what it stands for; an item must have every word, or
(`every_word=False`, when nothing has them all) any of them.
"""

from wagtail.search.query import And, Or, PlainText

from ...access import readable_pages
from ...models import EducationPage

# A query of 200 characters could stand for hundreds of words; these are plenty.
MAX_TERMS = 16
MAX_FORMS = 12
# Articles with every word, of which the best are shown.
MAX_HAVING = 500


def query_for(reading, every_word, forms="searched"):
    """The backend's query for a reading, or None if it has no words to search for: each
    term in any of its `forms` ("searched", or "ranked" for the one it most likely
    means), every term or any."""
    parts = [
        PlainText(" ".join(getattr(term, forms)[:MAX_FORMS]), operator="or")
        for term in reading.terms[:MAX_TERMS]
        if getattr(term, forms)
    ]
    if len(parts) <= 1:
        return parts[0] if parts else None
    return And(parts) if every_word else Or(parts)


def articles_found(audience, reading, limit, every_word=True):
    """Articles the audience may read with the words, most relevant first."""
    articles = readable_pages(audience, EducationPage).defer_streamfields()
    query = query_for(reading, every_word)
    if query is None:
        return []
    if not isinstance(query, And):
        return list(articles.search(query)[:limit])
    # Which articles have every word (their ids only); then in the order of how well
    # they match the words most likely meant, each word weighing the same however many
    # forms it has. (SQLite's backend ranks an And by multiplying BM25 scores, which are
    # negative: its best matches would come last.)
    having = articles.only("id").search(query, order_by_relevance=False)[:MAX_HAVING]
    ids = [article.pk for article in having]
    if not ids:
        return []
    ranking = query_for(reading, every_word=False, forms="ranked")
    ranked = list(articles.filter(id__in=ids).search(ranking)[:limit])
    if len(ranked) < limit:  # those with every word but not one most likely meant
        shown = {article.pk for article in ranked}
        rest = [pk for pk in ids if pk not in shown][: limit - len(ranked)]
        ranked += list(articles.filter(id__in=rest).order_by("title")) if rest else []
    return ranked
