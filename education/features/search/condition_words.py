"""The published conditions' names and words, made once per content version and kept in
the cache: conditions are few, and the same for every reader.

Their names and other names give the search box its suggestions and search its name
matches; their words (names and other names counted three times, as the search index
boosts them) rank them, and are part of every audience's vocabulary.
"""

from dataclasses import dataclass, field

from django.core.cache import cache

from ...caching.keys import keep
from ...models import Condition
from ...models.conditions import SECTION_FIELDS
from ...publishing import content_version
from ...text import rich_text_lines
from .words import fold, words_of

# The fields the search index holds, as plain text and as rich text.
CONDITION_TEXT = ["summary", "nature", "relation_to_mps"]
CONDITION_RICH_TEXT = ["overview", *SECTION_FIELDS]
NAME_WEIGHT = 3


def _kept(name, make):
    version = content_version()
    key = f"education:search:{name}:{version}"
    value = cache.get(key)
    if value is None:
        value = make()
        keep(key, value, version)
    return value


def condition_names():
    """Each published condition's id with its name and other names (name first), by
    name: one query once per content version, shared by search and its suggestions."""

    def make():
        rows = (
            Condition.objects.published()
            .order_by("name", "synonyms__sort_order", "synonyms__pk")
            .values_list("pk", "name", "synonyms__name")
        )
        by_condition = {}
        for pk, name, synonym in rows:
            by_condition.setdefault(pk, [name])
            if synonym:
                by_condition[pk].append(synonym)
        return tuple((pk, tuple(names)) for pk, names in by_condition.items())

    return _kept("condition-names", make)


@dataclass
class ConditionWords:
    counts: dict = field(default_factory=dict)  # condition id: {folded word: how often}
    forms: dict = field(default_factory=dict)  # folded word: the ways it is written

    def add(self, pk, text, weight=1):
        counts = self.counts.setdefault(pk, {})
        for word in words_of(text):
            counts[word.folded] = counts.get(word.folded, 0) + weight
            forms = self.forms.setdefault(word.folded, [])
            if word.written not in forms:
                forms.append(word.written)


def condition_words():
    """Each published condition's folded words and how often each is written, and how
    each word is written."""

    def make():
        words = ConditionWords()
        for pk, names in condition_names():
            words.add(pk, " ".join(names), NAME_WEIGHT)
        fields = ["pk", *CONDITION_TEXT, *CONDITION_RICH_TEXT]
        for pk, *texts in Condition.objects.published().values_list(*fields):
            plain, rich = texts[: len(CONDITION_TEXT)], texts[len(CONDITION_TEXT) :]
            for text in [*plain, *map(rich_text_lines, rich)]:
                words.add(pk, text)
        return words

    return _kept("condition-words", make)


def suggestions():
    """The published conditions' names and other names, for suggestions as one types."""
    return sorted({name for _, names in condition_names() for name in names}, key=fold)
