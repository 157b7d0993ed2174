"""The words search knows, and what a patient probably meant by the ones it does not.

The *vocabulary* is every word an audience may find: the published conditions' names,
other names and indexed text, and the titles and summaries of the articles the audience
may read. It is made once per content version and audience and kept in the cache, so a
request reads no article text; articles' bodies are not in it (they are searched, not
spelled). Nothing a reader may not see is ever in it, so a correction or a "Did you
mean" never names hidden content.

A typed word is read as:

- itself, if known; words of one or two letters ("RA") only ever as themselves;
- with the known words it begins, from four letters ("fibro" → "fibromyalgia"), and its
  plural or singular ("eye", "eyes");
- otherwise, corrected to the nearest known word within one letter (four or five
  letters) or two (six or more): a letter missing, extra, wrong, or two swapped
  ("lupis" → "lupus", "treatmnt" → "treatment"). A little further away (one more
  letter; one letter for words of three) it is only suggested: "Did you mean …?".
"""

import bisect
import hashlib
from dataclasses import dataclass, field

from django.core.cache import cache

from ...access import readable_pages
from ...caching.keys import keep
from ...models import EducationPage
from ...publishing import content_version
from .condition_words import condition_words
from .words import replace_words, words_of

# Of the words a prefix begins, the most frequent are searched for.
MAX_PREFIX_WORDS = 8


def distance(a, b, limit):
    """Letters to add, drop, change or swap (two side by side, as one) to make `a` into
    `b` (the optimal string alignment distance); `limit + 1` as soon as it must be more
    than `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    before, previous = None, list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (letter != other))
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                cost = min(cost, before[j - 2] + 1)
            current[j] = cost
        if min(current) > limit:
            return limit + 1
        before, previous = previous, current
    return min(previous[-1], limit + 1)


def tolerances(word):
    """How many letters away a word may be corrected, and suggested."""
    length = len(word)
    if length <= 2:
        return 0, 0
    if length == 3:
        return 0, 1
    if length <= 5:
        return 1, 2
    if length <= 8:
        return 2, 2
    return 2, 3


@dataclass
class Vocabulary:
    counts: dict = field(default_factory=dict)  # folded word: how often it is written
    forms: dict = field(default_factory=dict)  # folded word: the ways it is written
    ordered: list = field(default_factory=list)  # folded words, in order: for prefixes
    by_length: dict = field(default_factory=dict)  # length: folded words

    def add(self, text):
        for word in words_of(text):
            self.counts[word.folded] = self.counts.get(word.folded, 0) + 1
            forms = self.forms.setdefault(word.folded, [])
            if word.written not in forms:
                forms.append(word.written)

    def finish(self):
        self.ordered = sorted(self.counts)
        for word in self.ordered:
            self.by_length.setdefault(len(word), []).append(word)
        return self

    def __contains__(self, word):
        return word in self.counts

    def begun_by(self, prefix):
        """The known words `prefix` begins (itself included), most frequent first."""
        start = bisect.bisect_left(self.ordered, prefix)
        found = []
        for word in self.ordered[start:]:
            if not word.startswith(prefix):
                break
            found.append(word)
        found.sort(key=lambda word: (-self.counts[word], word))
        return found[:MAX_PREFIX_WORDS]

    def nearest(self, word, limit):
        """The known word fewest letters away (at most `limit`), the most frequent of
        those, and how far; or (None, None)."""
        best, best_distance = None, limit + 1
        for length in range(len(word) - limit, len(word) + limit + 1):
            for candidate in self.by_length.get(length, ()):
                away = distance(word, candidate, min(limit, best_distance))
                if away < best_distance or (
                    away == best_distance
                    and best is not None
                    and (-self.counts[candidate], candidate) < (-self.counts[best], best)
                ):
                    best, best_distance = candidate, away
        if best is None or best_distance > limit:
            return None, None
        return best, best_distance


def build_vocabulary(audience):
    vocabulary = Vocabulary()
    conditions = condition_words()  # the same for every audience, kept on its own
    for counts in conditions.counts.values():
        for word, count in counts.items():
            vocabulary.counts[word] = vocabulary.counts.get(word, 0) + count
    vocabulary.forms.update((word, list(forms)) for word, forms in conditions.forms.items())
    articles = readable_pages(audience, EducationPage).values_list("title", "summary")
    for title, summary in articles:
        vocabulary.add(title)
        vocabulary.add(summary)
    return vocabulary.finish()


def vocabulary_for(audience):
    """The audience's vocabulary, made at most once per content version."""
    version = content_version()
    key = f"education:search:vocabulary:{version}:{audience.key}"
    vocabulary = cache.get(key)
    if vocabulary is None:
        vocabulary = build_vocabulary(audience)
        keep(key, vocabulary, version)
    return vocabulary


@dataclass(frozen=True)
class Term:
    """A typed word and the known words it is searched as."""

    typed: str  # folded
    written: str
    known: tuple = ()  # folded known words it stands for
    correction: str = ""  # the known word it was corrected to, or suggests
    corrected: bool = False  # whether the correction is searched for, not only suggested
    searched: tuple = ()  # every way of writing them, for full-text search
    ranked: tuple = ()  # the ways of writing the one it most likely means, for ranking

    def matches(self, word):
        """Whether this term finds the folded word `word` (of a condition's name)."""
        if word == self.typed or word in self.known:
            return True
        return len(self.typed) >= 4 and word.startswith(self.typed)


@dataclass(frozen=True)
class Reading:
    """A query as search reads it."""

    terms: tuple
    suggestion: str = ""  # the query with its words corrected, if any was

    def __bool__(self):
        return bool(self.terms)


def related_words(folded, vocabulary):
    """The known words a word of three letters or more stands for: itself, those it
    begins (from four letters), its plural or singular."""
    known = [folded] if folded in vocabulary else []
    if len(folded) >= 4:
        known.extend(word for word in vocabulary.begun_by(folded) if word not in known)
    known.extend(variant for variant in variants(folded, vocabulary) if variant not in known)
    return known


def variants(folded, vocabulary):
    """A known word's known singular or plural forms, itself first if known."""
    singular = folded[:-1] if folded.endswith("s") else ""
    return [word for word in (folded, singular, f"{folded}s") if word and word in vocabulary]


def read_term(word, vocabulary):
    correction, corrected = "", False
    known = [word.folded] if word.folded in vocabulary else []
    if not word.is_short:
        known = related_words(word.folded, vocabulary)
        if not known:
            searched, suggested = tolerances(word.folded)
            correction, away = vocabulary.nearest(word.folded, suggested)
            corrected = correction is not None and away <= searched
            if corrected:
                known = related_words(correction, vocabulary)
    # Searched as typed too: articles' bodies hold words the vocabulary does not.
    written = [word.folded, word.written]
    for known_word in known:
        written.extend(vocabulary.forms[known_word])
    meant = [word.folded, word.written]
    if known:  # the word it most likely means, singular or plural, as written
        meant = []
        for variant in variants(known[0], vocabulary):
            meant.extend([variant, *vocabulary.forms[variant]])
    return Term(
        word.folded,
        word.written,
        tuple(known),
        correction=correction or "",
        corrected=corrected,
        searched=tuple(dict.fromkeys(written)),
        ranked=tuple(dict.fromkeys(meant)),
    )


def read(query, audience):
    """How search reads `query` for this audience (kept per query and content version)."""
    version = content_version()
    digest = hashlib.sha256(query.encode()).hexdigest()[:32]
    key = f"education:search:reading:{version}:{audience.key}:{digest}"
    reading = cache.get(key)
    if reading is None:
        reading = read_with(query, vocabulary_for(audience))
        keep(key, reading, version)
    return reading


def read_with(query, vocabulary):
    terms = tuple(read_term(word, vocabulary) for word in words_of(query))
    corrections = {term.typed: term.correction for term in terms if term.correction}
    suggestion = ""
    if corrections:
        # The query as typed, with only the words it corrects replaced.
        suggestion = replace_words(
            query, lambda folded: vocabulary.forms[corrections[folded]][0], corrections
        )
    return Reading(terms, suggestion)
