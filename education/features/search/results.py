"""What a search finds for an audience: conditions first, then articles, and what the
query probably meant. Everything is worked out only when first asked for, so a page that
shows results kept in the cache asks the database nothing."""

from functools import cached_property

from .fulltext import articles_found
from .ranking import name_matches, ranked_conditions
from .spelling import read

SHOWN_CONDITIONS = 10
SHOWN_ARTICLES = 20
MAX_FOUND = 500


class Results:
    def __init__(self, audience, query, conditions=SHOWN_CONDITIONS, articles=SHOWN_ARTICLES):
        self.audience = audience
        self.query = query
        self.shown_conditions = conditions
        self.shown_articles = articles

    @cached_property
    def reading(self):
        return read(self.query, self.audience)

    @cached_property
    def _found(self):
        if not self.reading:
            return [], []
        matched = name_matches(self.reading, self.query)
        # Items with every word; if there are none of either kind, items with any.
        for every_word in (True, False):
            conditions = ranked_conditions(self.reading, matched, self.shown_conditions, every_word)
            articles = articles_found(self.audience, self.reading, self.shown_articles, every_word)
            if conditions or articles or len(self.reading.terms) < 2:
                break
        return conditions, articles

    @property
    def conditions(self):
        return self._found[0]

    @property
    def articles(self):
        return self._found[1]

    @property
    def did_you_mean(self):
        """The query with its misspelt words corrected, when a known word is close."""
        return self.reading.suggestion


def condition_ids(audience, query, limit=MAX_FOUND):
    """The published conditions' ids for `query`, in order: for the API, where conditions
    are a list of their own (those with any word if none has every word)."""
    reading = read(query, audience)
    if not reading:
        return []
    matched = name_matches(reading, query)
    found = ranked_conditions(reading, matched, limit)
    if not found and len(reading.terms) > 1:
        found = ranked_conditions(reading, matched, limit, every_word=False)
    return [condition.pk for condition in found]


def article_ids(audience, query, limit=MAX_FOUND):
    """The ids of the articles the audience may read for `query`, most relevant first
    (those with any word if none has every word)."""
    reading = read(query, audience)
    found = articles_found(audience, reading, limit)
    if not found and len(reading.terms) > 1:
        found = articles_found(audience, reading, limit, every_word=False)
    return [page.pk for page in found]
