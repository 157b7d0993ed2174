"""Every model of the app, where Django and Wagtail look for them; each concept has its own
module: pages, conditions, reading records, clinical review and reading level."""

from .conditions import Condition, ConditionCode, ConditionRelation, ConditionResource
from .pages import EducationIndexPage, EducationPage, PortalHomePage
from .reading import ReadingRecord
from .review_task import ClinicalReviewTask

__all__ = [
    "ClinicalReviewTask",
    "Condition",
    "ConditionCode",
    "ConditionRelation",
    "ConditionResource",
    "EducationIndexPage",
    "EducationPage",
    "PortalHomePage",
    "ReadingRecord",
]
