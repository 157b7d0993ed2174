"""The admin's "Patient education" menu: conditions and articles, each listed with its
reading level and next review date, filterable and exportable."""

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, UpdatedAtColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.fields import RichTextField
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup
from wagtail.templatetags.wagtailcore_tags import richtext

from ..models import Condition, EducationPage, ExplainedTerm
from ..models.conditions import HELP_FIELDS, SECTION_FIELDS

PATIENT_EDUCATION_MENU_HOOK = "register_patient_education_menu_item"
READING_LEVEL_COLUMNS = [
    Column("reading_grade", label="Grade (FK)", sort_key="reading_grade", width="8%"),
    Column("smog_grade", label="Grade (SMOG)", sort_key="smog_grade", width="8%"),
    Column("reading_time_minutes", label="Minutes", sort_key="reading_time_minutes", width="6%"),
]
READING_LEVEL_EXPORT = ["reading_grade", "smog_grade", "reading_time_minutes"]


class ConditionInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        # Wagtail shows a rich text field as its stored HTML source; show it formatted.
        if isinstance(field, RichTextField):
            return richtext(getattr(self.object, field_name))
        return super().get_field_display_value(field_name, field)

    def get_other_names_display_value(self):
        return ", ".join(self.object.other_names)


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
    search_fields = ["name", "synonyms__name", "summary"]
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
        "not_strictly_autoimmune",
        "summary",
        "overview",
        "nature",
        "relation_to_mps",
        *SECTION_FIELDS,
        *HELP_FIELDS,
        "last_reviewed",
        "reviewed_by",
        "next_review_due",
        "review_interval_months",
    ]

    def get_queryset(self, request):
        # A search matching two of a condition's other names would list it twice.
        return Condition.objects.distinct()


class ExplainedTermViewSet(SnippetViewSet):
    """The medical terms the reading grade ignores: kept by clinical reviewers."""

    model = ExplainedTerm
    icon = "help"
    menu_label = "Explained terms"
    menu_order = 10
    list_display = ["term", "explanation"]
    search_fields = ["term", "explanation"]
    search_backend_name = None
    ordering = ["term"]


class PatientEducationGroup(SnippetViewSetGroup):
    menu_label = "Patient education"
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (ConditionViewSet, ExplainedTermViewSet)
    submenu_hook = PATIENT_EDUCATION_MENU_HOOK


class PagesMenuItem(MenuItem):
    """Shown, like Wagtail's own "Pages", only to users with a permission on some page."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


class EducationArticleListingViewSet(PageListingViewSet):
    """Every article in one flat list, with its reading level and review date."""

    model = EducationPage
    name = "education_articles"
    icon = "doc-full"
    menu_label = "Articles"
    menu_order = 2
    menu_hook = PATIENT_EDUCATION_MENU_HOOK
    menu_item_class = PagesMenuItem
    list_display = [
        *PageListingViewSet.columns,
        *READING_LEVEL_COLUMNS,
        DateColumn("next_review_due", label="Next review due", sort_key="next_review_due"),
    ]
    list_export = [
        "title",
        "url_path",
        *READING_LEVEL_EXPORT,
        "last_reviewed",
        "next_review_due",
        "live",
    ]
    export_filename = "education-articles"
