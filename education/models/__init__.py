"""Every model of the app, where Django and Wagtail look for them; each concept has its own
module: pages, conditions, reading records, clinical review, reading level, and the
bodies and treatments of published articles."""

from .article_bodies import ArticleBody
from .condition_rows import ConditionCode, ConditionRelation, ConditionResource, ConditionSynonym
from .conditions import Condition
from .explained_terms import ExplainedTerm
from .pages import EducationIndexPage, EducationPage, PortalHomePage
from .reading import ReadingRecord
from .review_task import ClinicalReviewTask
from .treatments import PublishedTreatment

__all__ = [
    "ArticleBody",
    "ClinicalReviewTask",
    "Condition",
    "ConditionCode",
    "ConditionRelation",
    "ConditionResource",
    "ConditionSynonym",
    "EducationIndexPage",
    "EducationPage",
    "ExplainedTerm",
    "PortalHomePage",
    "PublishedTreatment",
    "ReadingRecord",
]
