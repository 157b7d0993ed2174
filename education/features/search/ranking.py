"""Conditions in order: those whose name or other name matches first, then the rest by
how much of their text is about the words.

A name matches (best first): exactly, every word of it and nothing else ("SLE",
"lupis" for lupus); wholly, inside a longer query ("fibromyalgia pain treatmnt"); or
partly, every word of the query in it ("sjogren" for Sjögren's syndrome, "fibro"). On
PostgreSQL a name may also be *similar* to the whole query by pg_trgm's trigram
similarity ("rheumatoidarthritis", "systemic lupis erythematosis"): such conditions come
after those matched by words, still before the rest.

Conditions are few and the same for every reader, so their words are counted once per
content version (`condition_words`): matching and ranking them is the same on every
database, and a search reads only the conditions it shows. A condition has a query's words if each
typed word, or what it stands for, is in it (when none has them all, any); it ranks by
how often, each word counting less the more it is repeated ("joint pain": rheumatoid
arthritis, where joints are the subject, before lupus, which mentions joint pain).
"""

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection

from ...models import Condition, ConditionSynonym
from .condition_words import condition_names, condition_words
from .words import fold, words_of

EXACT, WHOLE, PART, SIMILAR, TEXT_ONLY = range(5)
# pg_trgm's similarity (the share of trigrams the query and a whole name have in common)
# from which a name is similar to a query. Word similarity (a query's trigrams found in
# part of a name) would make "sicca syndrome" similar to every other "… syndrome".
SIMILAR_ENOUGH = 0.5
# How quickly repeating a word stops adding to a condition's rank (tf / (tf + this)).
SATURATION = 3
MAX_CONDITIONS = 500


def name_match(reading, names):
    """How well the best of a condition's names matches the reading, or None."""
    best = None
    for name in names:
        words = {word.folded for word in words_of(name)}
        if not words:
            continue
        every_term = all(any(term.matches(word) for word in words) for term in reading.terms)
        every_word = all(any(term.matches(word) for term in reading.terms) for word in words)
        match = EXACT if every_term and every_word else WHOLE if every_word else None
        if match is None and every_term:
            match = PART
        if match is not None and (best is None or match < best):
            best = match
    return best


def similar_names(query):
    """On PostgreSQL, the published conditions with a name similar to the query (pg_trgm),
    in one query; elsewhere none."""
    if connection.vendor != "postgresql" or len(fold(query).strip()) < 4:
        return set()
    published = Condition.objects.published()
    names = published.annotate(similarity=TrigramSimilarity("name", query))
    others = ConditionSynonym.objects.filter(condition__in=published).annotate(
        similarity=TrigramSimilarity("name", query)
    )
    similar = names.filter(similarity__gte=SIMILAR_ENOUGH).order_by().values_list("pk")
    similar_others = (
        others.filter(similarity__gte=SIMILAR_ENOUGH).order_by().values_list("condition")
    )
    return {pk for (pk,) in similar.union(similar_others)}


def name_matches(reading, query):
    """Published conditions' ids whose names match, with how well."""
    matched = {}
    for pk, names in condition_names():
        match = name_match(reading, names)
        if match is not None:
            matched[pk] = match
    for pk in similar_names(query):
        matched.setdefault(pk, SIMILAR)
    return matched


def times_written(term, counts):
    """How often a condition's text has a term's word, or what it stands for."""
    return sum(count for word, count in counts.items() if word == term.typed or term.matches(word))


def ranked_conditions(reading, matched, limit=MAX_CONDITIONS, every_word=True):
    """Published conditions for a reading, in order (see the module): those whose text
    has every word (or any, `every_word=False`), and those `matched` by name (a name
    matched wholly inside a longer query, "lupus and sleep", only if its text has the
    other words too)."""
    if not reading:
        return []
    ranks = {}
    for pk, counts in condition_words().counts.items():
        written = [times_written(term, counts) for term in reading.terms]
        has_words = all(written) if every_word else any(written)
        if has_words or matched.get(pk, WHOLE) != WHOLE:
            rank = sum(times / (times + SATURATION) for times in written)
            ranks[pk] = (matched.get(pk, TEXT_ONLY), -rank)
    ordered = sorted(ranks, key=ranks.get)[:limit]
    conditions = Condition.objects.published().in_bulk(ordered)
    # Published when counted, perhaps not now: only those still published are shown.
    return [conditions[pk] for pk in ordered if pk in conditions]
