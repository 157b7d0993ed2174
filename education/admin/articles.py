"""Articles in the admin, under "Patient education": every article in one flat list."""

from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import EducationPage
from .listing import PATIENT_EDUCATION_MENU_HOOK, READING_LEVEL_COLUMNS, READING_LEVEL_EXPORT


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
