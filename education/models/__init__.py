"""Every model of the app, where Django and Wagtail look for them; each concept has its own
module: pages, conditions, reading records, clinical review, reading level, and the
bodies and treatments of published articles."""

from .article_bodies import ArticleBody
from .conditions import Condition, ConditionCode, ConditionRelation, ConditionResource
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
    "EducationIndexPage",
    "EducationPage",
    "PortalHomePage",
    "PublishedTreatment",
    "ReadingRecord",
]
