"""Form data for the admin's article and condition editors, and how the admin says no."""

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from education.blocks import PARAGRAPH_FEATURES
from education.models.conditions import OVERVIEW_FEATURES

SAVE = {}
SUBMIT = {"action-submit": "action-submit"}
PUBLISH = {"action-publish": "action-publish"}
CONDITIONS_URL = "/admin/snippets/education/condition/"


def article_form(text="Rest helps. Heat helps too.", **fields):
    return nested_form_data(
        {
            "title": "Lupus and muscle pain",
            "slug": "lupus-and-muscle-pain",
            "summary": "What lupus is and how it can cause muscle pain.",
            "body": streamfield(
                [("paragraph", rich_text(f"<p>{text}</p>", features=PARAGRAPH_FEATURES))]
            ),
            "review_interval_months": "12",
            **fields,
        }
    )


def condition_form(summary="Long-term pain all over the body.", **fields):
    return nested_form_data(
        {
            "name": "Fibromyalgia",
            "slug": "fibromyalgia",
            "category": "widespread-pain",
            "summary": summary,
            "overview": rich_text(
                "<p>Pain, tiredness and poor sleep.</p>", features=OVERVIEW_FEATURES
            ),
            "review_interval_months": "12",
            "synonyms": inline_formset([]),
            "codes": inline_formset([]),
            "related_links": inline_formset([]),
            "resources": inline_formset([]),
            **fields,
        }
    )


def add_article_url(hub):
    return f"/admin/pages/add/education/educationpage/{hub.pk}/"


def edit_article_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def edit_condition_url(condition):
    return f"{CONDITIONS_URL}edit/{condition.pk}/"


def workflow_action_url(obj, action, task_state):
    if hasattr(obj, "path"):  # a page
        return f"/admin/pages/workflow/action/{obj.pk}/{action}/{task_state.pk}/"
    return f"{CONDITIONS_URL}workflow/action/{obj.pk}/{action}/{task_state.pk}/"


def refused(response):
    """Whether the admin refused the request: a 403, or Wagtail's redirect to the dashboard
    (or to sign-in) that it gives a signed-in user without permission."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and (
        response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/")
    )
