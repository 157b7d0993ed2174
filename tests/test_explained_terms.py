"""The list of explained medical terms: kept by clinical reviewers, seen by editors, and
ignored by the reading grade wherever the grade is worked out."""

from bs4 import BeautifulSoup

from education.models import Condition, ExplainedTerm

from .admin_helpers import CONDITIONS_URL, refused

TERMS_URL = "/admin/snippets/education/explainedterm/"
TERM = "hydroxychloroquine"
# Short, plain sentences, except for one long medicine name in every one of them.
TEXT = (
    "Hydroxychloroquine can help with lupus. You take hydroxychloroquine by mouth. "
    "Hydroxychloroquine can take months to work. Your doctor checks your eyes while you "
    "take hydroxychloroquine."
)


def add_term(client, term=TERM, explanation="a medicine that calms the immune system"):
    return client.post(f"{TERMS_URL}add/", {"term": term, "explanation": explanation})


def test_reviewers_keep_the_list_and_editors_may_only_read_it(reviewer_client, editor_client):
    assert add_term(reviewer_client).status_code == 302
    assert list(ExplainedTerm.objects.values_list("term", flat=True)) == [TERM]

    assert editor_client.get(TERMS_URL).status_code == 200
    assert TERM in editor_client.get(TERMS_URL).content.decode()
    assert refused(add_term(editor_client, "methotrexate"))
    term = ExplainedTerm.objects.get()
    assert refused(editor_client.post(f"{TERMS_URL}delete/{term.pk}/"))
    assert ExplainedTerm.objects.count() == 1


def test_a_term_already_listed_is_a_form_error(reviewer_client):
    add_term(reviewer_client)

    response = add_term(reviewer_client, "  Hydroxychloroquine ")

    assert response.status_code == 200
    assert "already on the list" in response.content.decode()
    assert ExplainedTerm.objects.count() == 1


def test_a_new_term_regrades_live_content_and_the_panel_names_it(
    reviewer_client, admin_client, make_condition, django_capture_on_commit_callbacks
):
    condition = make_condition("lupus", summary="Lupus and its medicine.", nature=TEXT)
    before = Condition.objects.get(pk=condition.pk).smog_grade

    with django_capture_on_commit_callbacks(execute=True):
        add_term(reviewer_client)

    after = Condition.objects.get(pk=condition.pk)
    assert after.smog_grade < before
    assert after.smog_grade == condition.reading_level().smog
    panel = BeautifulSoup(
        admin_client.get(f"{CONDITIONS_URL}edit/{condition.pk}/").content, "html.parser"
    ).select_one("[data-ignored-terms]")
    assert "Hydroxychloroquine" in panel.get_text()

    with django_capture_on_commit_callbacks(execute=True):
        ExplainedTerm.objects.get().delete()
    assert Condition.objects.get(pk=condition.pk).smog_grade == before
