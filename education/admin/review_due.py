"""The review cycle in the admin: a dashboard panel and a filterable, exportable report.

Both read `features.review_cycle.due_for_review()`; they only decide how to show it and where
each title links: the editor for users who may edit the item, otherwise the live page.
"""

import django_filters
from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from ..features.review_cycle import DUE_STATUSES, KINDS, due_for_review
from ..models.review import ReviewStatus

DASHBOARD_ROWS = 10


def link_for(item, user):
    return item.edit_url if item.user_can_edit(user) else item.live_url


class ReviewDueFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label="Type", choices=list(KINDS.items()), empty_label="Articles and conditions"
    )
    status = django_filters.ChoiceFilter(
        label="Status",
        choices=[(status.value, status.label) for status in DUE_STATUSES],
        empty_label="Any",
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # The list mixes articles and conditions, so it is not one queryset; the report
        # passes the form's values to due_for_review() instead. django-filter still
        # wants a queryset to hand to its filters.
        super().__init__(data, Page.objects.none(), request=request, prefix=prefix)


class ReviewDueReportView(ReportView):
    page_title = "Clinical review due"
    header_icon = "time"
    index_url_name = "education_review_due"
    index_results_url_name = "education_review_due_results"
    filterset_class = ReviewDueFilterSet
    paginate_by = 50
    verbose_name_plural = "items due for review"
    columns = [
        TitleColumn("title", label="Title", get_url=lambda item: item.link),
        Column("kind_label", label="Type"),
        Column("status_label", label="Status"),
        DateColumn("next_review_due", label="Next review due"),
        DateColumn("last_reviewed", label="Last reviewed"),
        Column("reviewed_by", label="Reviewed by"),
    ]
    list_export = [
        "title",
        "kind_label",
        "status_label",
        "next_review_due",
        "last_reviewed",
        "reviewed_by",
        "edit_url",
    ]
    export_headings = {
        "title": "Title",
        "kind_label": "Type",
        "status_label": "Status",
        "next_review_due": "Next review due",
        "last_reviewed": "Last reviewed",
        "reviewed_by": "Reviewed by",
        "edit_url": "Edit in the admin",
    }

    def get_filename(self):
        return f"review-due-{timezone.localdate().isoformat()}"

    def get_base_queryset(self):
        chosen = self.filters.form.cleaned_data if self.filters.is_valid() else {}
        return due_for_review(kind=chosen.get("kind") or None, status=chosen.get("status") or None)

    def filter_queryset(self, queryset):
        return queryset  # applied in get_base_queryset

    def decorate_paginated_queryset(self, object_list):
        for item in object_list:
            item.link = link_for(item, self.request.user)
        return object_list


class ReviewDuePanel(Component):
    """The dashboard's list of what needs review, the most urgent first."""

    name = "review_due"
    order = 150
    template_name = "education/admin/review_due_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        items = due_for_review()
        for item in items[:DASHBOARD_ROWS]:
            item.link = link_for(item, self.request.user)
        counts = [
            (sum(item.status == status for item in items), label)
            for status, label in [
                (ReviewStatus.OVERDUE, "overdue"),
                (ReviewStatus.NOT_REVIEWED, "never reviewed"),
                (ReviewStatus.DUE_SOON, "due within 30 days"),
            ]
        ]
        return {
            "items": items[:DASHBOARD_ROWS],
            "more": max(0, len(items) - DASHBOARD_ROWS),
            "counts": [f"{count} {label}" for count, label in counts if count],
        }
