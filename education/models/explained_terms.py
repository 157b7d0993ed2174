"""Medical terms the content explains in plain words, which the reading grade ignores.

A page about lupus has to say "lupus", and one about its medicines "corticosteroids";
explained once ("corticosteroids, medicines that calm inflammation"), such a word is no
harder for a patient than a short one. The formulas count its syllables all the same, so
the grade would blame the writing for the subject. Clinical reviewers keep this list;
editors see it, and the reading-level panel names the terms it ignored in their text.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from wagtail.admin.panels import FieldPanel

# Counted as this one short word, so a sentence keeps its length.
STAND_IN = "term"
_ENDINGS = r"(?:'s|’s|es|s)?"


class ExplainedTerm(models.Model):
    term = models.CharField(
        max_length=80,
        help_text="As it is written in the content, such as “corticosteroids”. Plurals and "
        "possessives (“-s”, “-es”, “’s”) and capitals are matched too.",
    )
    explanation = models.CharField(
        max_length=255,
        help_text="The plain words the content uses to explain it, such as “medicines that "
        "calm inflammation”. Add a term only when the content explains it.",
    )

    panels = [FieldPanel("term"), FieldPanel("explanation")]

    class Meta:
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(Lower("term"), name="unique_explained_term"),
        ]

    def __str__(self):
        return self.term

    def clean(self):
        self.term = " ".join(self.term.split())
        if not re.search(r"\w", self.term):
            raise ValidationError({"term": "A term needs at least one letter."})
        taken = ExplainedTerm.objects.filter(term__iexact=self.term).exclude(pk=self.pk)
        if taken.exists():
            raise ValidationError({"term": f"“{self.term}” is already on the list."})


class ExplainedTerms:
    """The list as one pattern: which terms a text has, and the text without them."""

    def __init__(self, terms):
        terms = sorted({term.lower() for term in terms if term}, key=len, reverse=True)
        self._pattern = (
            re.compile(
                rf"(?<!\w)(?:{'|'.join(re.escape(term) for term in terms)}){_ENDINGS}(?!\w)",
                re.IGNORECASE,
            )
            if terms
            else None
        )

    @classmethod
    def current(cls):
        return cls(ExplainedTerm.objects.values_list("term", flat=True))

    def masked(self, text):
        """The text with each explained term counted as one short word."""
        return self._pattern.sub(STAND_IN, text) if self._pattern else text

    def found_in(self, text):
        """The terms the text uses, as it writes them, each once, in order of use."""
        if not self._pattern:
            return []
        return list(dict.fromkeys(match.group(0) for match in self._pattern.finditer(text)))
