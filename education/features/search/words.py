"""What patients type, as words search can compare.

A word is *folded* (lower case, accents removed: "Sjögren" and "sjogren" are one word)
and split where SQLite's full-text search splits it: at anything that is not a letter or
a digit, apostrophes and hyphens included ("Sjögren's" is "sjogren" and "s").
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200

# Said in a question, not what it is about: never required, corrected or suggested.
_STOP_WORDS = """a about after all also am an and any are as at be been but by can could did
do does for from get had has have how i if in into is it its me my no not of on or our so
than that the their them then there these they this to too us was we what when where
which who why will with you your"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_WORD = re.compile(r"[^\W_]+")


def search_words(query):
    """What patients typed, as Wagtail's search may take it. A double quote would start a
    phrase, and SQLite's full-text search fails outright on one left open: the words are
    searched for without them."""
    return query.replace('"', " ").strip()


def fold(text):
    """Lower case without accents: how words are compared."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@dataclass(frozen=True)
class Word:
    folded: str
    written: str  # in lower case, accents kept: what PostgreSQL's index holds

    @property
    def is_short(self):
        """One or two letters ("RA"): only ever the very same word."""
        return len(self.folded) <= 2


def words_of(text):
    """The words of `text` worth comparing: no stop words, nothing of one letter."""
    found = []
    for match in _WORD.finditer(text or ""):
        written = match.group().lower()
        folded = fold(written)
        if len(folded) > 1 and folded not in STOP_WORDS:
            found.append(Word(folded, written))
    return found


def replace_words(text, replacement, folded_words):
    """`text` with each word whose folded form is in `folded_words` replaced by
    `replacement(folded)`, and everything else as it was."""

    def replace(match):
        folded = fold(match.group())
        return replacement(folded) if folded in folded_words else match.group()

    return _WORD.sub(replace, text)
