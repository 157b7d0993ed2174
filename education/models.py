"""Django finds the app's models here; each concept lives in its own module."""

from .pages import EducationIndexPage, EducationPage, PortalHomePage
from .reading_list import ReadingRecord
from .snippets import Condition, ConditionCode, ConditionRelation, ConditionResource
from .workflow import ClinicalReviewTask

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
