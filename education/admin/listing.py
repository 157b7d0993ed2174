"""What the admin's article and condition listings share: their menu and reading-level columns."""

from wagtail.admin.ui.tables import Column

PATIENT_EDUCATION_MENU_HOOK = "register_patient_education_menu_item"
READING_LEVEL_COLUMNS = [
    Column("reading_grade", label="Grade (FK)", sort_key="reading_grade", width="8%"),
    Column("smog_grade", label="Grade (SMOG)", sort_key="smog_grade", width="8%"),
    Column("reading_time_minutes", label="Minutes", sort_key="reading_time_minutes", width="6%"),
]
READING_LEVEL_EXPORT = ["reading_grade", "smog_grade", "reading_time_minutes"]
