"""Conditions in the admin, under "Patient education": listing, filters, export, inspect."""

from wagtail.admin.ui.tables import BooleanColumn, UpdatedAtColumn
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup
from wagtail.templatetags.wagtailcore_tags import richtext

from ..models import Condition
from .listing import PATIENT_EDUCATION_MENU_HOOK, READING_LEVEL_COLUMNS, READING_LEVEL_EXPORT


class ConditionInspectView(InspectView):
    def get_overview_display_value(self):
        # Wagtail shows a rich text field as its stored HTML source; show it formatted.
        return richtext(self.object.overview)


class ConditionViewSet(SnippetViewSet):
    model = Condition
    icon = "clipboard-list"
    menu_label = "Conditions"
    list_display = [
        "name",
        "category",
        BooleanColumn("is_autoimmune", label="Autoimmune"),
        *READING_LEVEL_COLUMNS,
        "next_review_due",
        UpdatedAtColumn(),
    ]
    list_filter = ["category", "is_autoimmune", "live"]
    list_export = [
        "name",
        "slug",
        "category",
        "is_autoimmune",
        "other_names",
        "summary",
        *READING_LEVEL_EXPORT,
        "last_reviewed",
        "next_review_due",
        "live",
    ]
    export_filename = "conditions"
    search_fields = ["name", "other_names", "summary"]
    # Search these fields with the ORM: the SQLite search backend fails on a search limited
    # to fields ("no such column", wagtail/wagtail#10217), and the list of conditions is short.
    search_backend_name = None
    inspect_view_enabled = True
    inspect_view_class = ConditionInspectView
    inspect_view_fields = [
        "name",
        "slug",
        "other_names",
        "category",
        "is_autoimmune",
        "summary",
        "overview",
        "nature",
        "typical_causes",
        "relation_to_mps",
        "last_reviewed",
        "reviewed_by",
        "next_review_due",
        "review_interval_months",
    ]


class PatientEducationGroup(SnippetViewSetGroup):
    menu_label = "Patient education"
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (ConditionViewSet,)
    submenu_hook = PATIENT_EDUCATION_MENU_HOOK
