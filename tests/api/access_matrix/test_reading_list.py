"""The reading list (/api/v1/me/saved/): each user's own, whatever ids they send.

Saving a hidden article is the same 404 as a missing one; a patient can neither read,
delete nor add to another's list; saving twice keeps one row.
"""

import pytest
from django.db import connection

from education.models import ReadingRecord

from .helpers import hidden_articles, restricted_articles, results


@pytest.mark.parametrize("username", ["patient", "member", "editor"])
def test_saving_a_hidden_article_is_the_same_404_as_a_missing_one(
    content, users, api_client_for, username
):
    user = users[username]
    api = api_client_for(user)
    missing = api.post("/api/v1/me/saved/", {"article": 999999}, format="json")
    assert missing.status_code == 404
    hidden = hidden_articles(content)
    if username != "member":
        hidden += restricted_articles(content)
    for page in hidden:
        response = api.post("/api/v1/me/saved/", {"article": page.pk}, format="json")
        assert response.status_code == 404, page.title
        assert response.content == missing.content
    assert not ReadingRecord.objects.filter(user=user).exists()
    live = api.post("/api/v1/me/saved/", {"article": content["live"].pk}, format="json")
    assert live.status_code == 201


# Reading lists: each user's own, whatever ids they send.


@pytest.fixture
def two_patients(content, make_api_user, api_client_for):
    a = api_client_for(make_api_user("patient-a", "Patients"))
    b = api_client_for(make_api_user("patient-b", "Patients"))
    return a, b


def test_a_patient_cannot_read_or_delete_anothers_saved_item(content, two_patients):
    a, b = two_patients
    article = content["live"]
    assert b.post("/api/v1/me/saved/", {"article": article.pk}, format="json").status_code == 201
    before = ReadingRecord.objects.get(user=b.user, page=article)

    assert results(a.get("/api/v1/me/saved/")) == []
    for method in ("get", "delete", "put", "patch"):
        response = getattr(a, method)(f"/api/v1/me/saved/{article.pk}/")
        assert response.status_code in (404, 405), method
        assert article.title not in response.content.decode()
    assert a.delete(f"/api/v1/me/saved/{article.pk}/").status_code == 404
    assert a.delete(f"/api/v1/me/saved/{before.pk}/").status_code == 404

    after = ReadingRecord.objects.get(user=b.user, page=article)
    assert (after.pk, after.saved_at) == (before.pk, before.saved_at)
    assert [s["article"]["id"] for s in results(b.get("/api/v1/me/saved/"))] == [article.pk]
    assert not ReadingRecord.objects.filter(user=a.user).exists()


def test_saving_for_another_user_saves_for_yourself(content, two_patients):
    a, b = two_patients
    article = content["live"]
    response = a.post(
        "/api/v1/me/saved/",
        {"article": article.pk, "user": b.user.pk, "user_id": b.user.pk, "saved_at": None},
        format="json",
    )
    assert response.status_code == 201
    assert ReadingRecord.objects.get(page=article).user == a.user
    assert not ReadingRecord.objects.filter(user=b.user).exists()
    assert results(b.get("/api/v1/me/saved/")) == []


def test_saving_twice_keeps_one_row(content, two_patients):
    a, _ = two_patients
    article = content["live"]
    first = a.post("/api/v1/me/saved/", {"article": article.pk}, format="json")
    second = a.post("/api/v1/me/saved/", {"article": article.pk}, format="json")
    assert (first.status_code, second.status_code) == (201, 201)
    assert ReadingRecord.objects.filter(user=a.user, page=article).count() == 1
    assert len(results(a.get("/api/v1/me/saved/"))) == 1


def unsaved_right_after_the_save(user, page):
    """An execute wrapper: the same patient's "remove" lands right after the save's write,
    before the save's request reads its answer back (as two devices may do)."""
    done = []

    def wrapper(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not done and sql.startswith('INSERT INTO "education_readingrecord"'):
            done.append(True)
            ReadingRecord.objects.filter(user=user, page=page).update(saved_at=None)
        return result

    return wrapper


def test_saving_while_the_same_article_is_removed_is_never_a_500(
    content, make_api_user, api_client_for
):
    user = make_api_user("two-devices", "Patients")
    api = api_client_for(user)
    article = content["live"]
    with connection.execute_wrapper(unsaved_right_after_the_save(user, article)):
        response = api.post("/api/v1/me/saved/", {"article": article.pk}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["article"]["id"] == article.pk
    assert response.json()["saved_at"]
    # The removal came last: the list is empty, and removing again is a 404, not a 500.
    assert results(api.get("/api/v1/me/saved/")) == []
    assert api.delete(f"/api/v1/me/saved/{article.pk}/").status_code == 404
