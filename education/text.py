"""The plain text of what patients read, split the way a reader meets it.

Used for the reading figures (each heading, list item and table cell is a sentence of
its own) and for the search index (rich text by line).
"""

import re

from wagtail.rich_text import get_text_for_indexing

_ENDS_A_SENTENCE = re.compile(r"[.!?:]\s*$")
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
