"""Wagtail hooks: the admin for patient education, and page serving rules.

The "Patient education" menu (conditions, articles), the review-cycle report and
dashboard panel, and the app's audit log actions.
"""

from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn, UpdatedAtColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import BaseViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup
from wagtail.templatetags.wagtailcore_tags import richtext

from . import audit, rich_text
from .pages import EducationPage
from .review_cycle_admin import ReviewDuePanel, ReviewDueReportView
from .selectors import can_read_page
from .snippets import Condition

PATIENT_EDUCATION_MENU_HOOK = "register_patient_education_menu_item"
READING_LEVEL_COLUMNS = [
    Column("reading_grade", label="Grade (FK)", sort_key="reading_grade", width="8%"),
    Column("smog_grade", label="Grade (SMOG)", sort_key="smog_grade", width="8%"),
    Column("reading_time_minutes", label="Minutes", sort_key="reading_time_minutes", width="6%"),
]
READING_LEVEL_EXPORT = ["reading_grade", "smog_grade", "reading_time_minutes"]


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


class PatientEducationGroup(SnippetViewSetGroup):
    menu_label = "Patient education"
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (ConditionViewSet,)
    submenu_hook = PATIENT_EDUCATION_MENU_HOOK


register_snippet(PatientEducationGroup)


@hooks.register("register_admin_viewset")
def register_article_listing():
    return EducationArticleListingViewSet()


@hooks.register("before_serve_page", order=-1)
def hide_unreadable_pages(page, request, serve_args, serve_kwargs):
    """A signed-in user who may not read a page gets the same 404 as for a missing page.

    Wagtail would send them to the sign-in page instead, which for a patient who is
    already signed in is a loop, and which tells them the page exists. An expired page
    is hidden even before `publish_scheduled` has run.
    """
    if not can_read_page(request, page):
        raise Http404


@hooks.register("before_serve_document", order=-1)
def hide_refused_documents(document, request):
    """A signed-in user outside a private collection's groups gets a 404, as for pages.

    Wagtail would send them to the sign-in page, which sends a signed-in user straight
    back to the document: a loop.
    """
    if request.user.is_authenticated and any(
        restriction.restriction_type == BaseViewRestriction.GROUPS
        and not restriction.accept_request(request)
        for restriction in document.collection.get_view_restrictions()
    ):
        raise Http404


hooks.register("register_log_actions", audit.register_log_actions)
# After Wagtail's own registration of the page link type, which it replaces.
hooks.register("register_rich_text_features", rich_text.register, order=100)


@hooks.register("register_admin_urls")
def register_review_due_report():
    return [
        path("reports/review-due/", ReviewDueReportView.as_view(), name="education_review_due"),
        path(
            "reports/review-due/results/",
            ReviewDueReportView.as_view(results_only=True),
            name="education_review_due_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_review_due_menu_item():
    return MenuItem(
        "Clinical review due", reverse("education_review_due"), icon_name="time", order=50
    )


@hooks.register("construct_homepage_panels")
def add_review_due_panel(request, panels):
    panels.append(ReviewDuePanel(request))
