"""Wagtail hooks: the conditions admin under "Patient education", and page serving rules."""

from django.http import Http404
from wagtail import hooks
from wagtail.admin.ui.tables import BooleanColumn, UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup
from wagtail.templatetags.wagtailcore_tags import richtext

from .selectors import can_read_page
from .snippets import Condition


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
    ]


class PatientEducationGroup(SnippetViewSetGroup):
    menu_label = "Patient education"
    menu_icon = "doc-full-inverse"
    menu_order = 200
    items = (ConditionViewSet,)


register_snippet(PatientEducationGroup)


@hooks.register("before_serve_page", order=-1)
def hide_unreadable_pages(page, request, serve_args, serve_kwargs):
    """A signed-in user who may not read a page gets the same 404 as for a missing page.

    Wagtail would send them to the sign-in page instead, which for a patient who is
    already signed in is a loop, and which tells them the page exists. An expired page
    is hidden even before `publish_scheduled` has run.
    """
    if not can_read_page(request, page):
        raise Http404
