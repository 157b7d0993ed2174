"""Wagtail hooks: the "Patient education" admin (education/admin/), the review-cycle
report and dashboard panel, and the rules for serving pages and documents."""

from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import BaseViewRestriction
from wagtail.snippets.models import register_snippet

from . import rich_text
from .access import Audience, can_read_page
from .admin.menu import EducationArticleListingViewSet, PatientEducationGroup
from .admin.review_due import ReviewDuePanel, ReviewDueReportView
from .models.review_task import READING_LEVEL_OVERRIDE, ReadingLevelOverrideAction
from .seed.review import DEMO_APPROVAL, DemoApprovalAction

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
    if not can_read_page(Audience.of_request(request), page):
        raise Http404


@hooks.register("before_serve_document", order=-1)
def hide_refused_documents(document, request):
    """A signed-in user outside a private collection's groups gets a 404, as for pages.

    Wagtail would send them to the sign-in page, which sends a signed-in user straight
    back to the document: a loop. A shared password (from before editors were no longer
    offered one) is refused to everyone, as for pages: its form is never found.
    """
    restrictions = document.collection.get_view_restrictions()
    if any(r.restriction_type == BaseViewRestriction.PASSWORD for r in restrictions):
        raise Http404
    if request.user.is_authenticated and any(
        restriction.restriction_type == BaseViewRestriction.GROUPS
        and not restriction.accept_request(request)
        for restriction in restrictions
    ):
        raise Http404


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(READING_LEVEL_OVERRIDE)(ReadingLevelOverrideAction)
    actions.register_action(DEMO_APPROVAL)(DemoApprovalAction)


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
