"""Shared passwords: the portal never asks for one, since a shared password identifies
nobody (issue 12). A page under one is refused to everyone; Wagtail's password form is
not found, whatever restriction and page it names, and writes nothing; and editors are
not offered a shared password for a page or a collection; a document under one made
before is refused to everyone, as its form is.
"""

import re

import pytest
from django.core.files.base import ContentFile
from rest_framework.test import APIClient
from wagtail.documents.models import Document
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from education.models import ArticleBody, ReadingRecord

pytestmark = pytest.mark.django_db

MISSING_ID = 999_999


def password_form(restriction_id, page_id):
    return f"/_util/authenticate_with_password/{restriction_id}/{page_id}/"


def page_text(response):
    # The sign-out form's token is masked afresh for every answer.
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.fixture
def restrictions(access_content, make_article):
    """A group restriction and a shared-password one, by kind."""
    guarded = make_article("Clinic door codes")
    return {
        "groups": PageViewRestriction.objects.get(page=access_content["restricted"]),
        "password": PageViewRestriction.objects.create(
            page=guarded, restriction_type=PageViewRestriction.PASSWORD, password="clinic"
        ),
    }


@pytest.mark.parametrize("kind", ["groups", "password"])
@pytest.mark.parametrize("page", ["draft", "expired", "future", "restricted", "live", "missing"])
def test_the_password_form_is_not_found_and_writes_nothing(
    patient_client, access_content, restrictions, kind, page
):
    page_id = MISSING_ID if page == "missing" else access_content[page].pk
    restriction_id = restrictions[kind].pk
    unknown = page_text(patient_client.get(password_form(MISSING_ID, MISSING_ID)))
    bodies = set(ArticleBody.objects.values_list("pk", "revision"))

    asked = patient_client.get(password_form(restriction_id, page_id))
    answered = patient_client.post(
        password_form(restriction_id, page_id), {"password": "clinic", "return_url": "/"}
    )

    for response in (asked, answered):
        assert response.status_code == 404
        # The same answer as for ids that exist nowhere: it tells nothing of either.
        assert page_text(response) == unknown
    assert not ReadingRecord.objects.exists()
    assert set(ArticleBody.objects.values_list("pk", "revision")) == bodies


def test_a_page_under_a_shared_password_is_refused_to_everyone(
    patient_client, admin_client, patient, restrictions
):
    page = restrictions["password"].page
    for client in (patient_client, admin_client):
        response = client.get(page.url)
        assert response.status_code == 404
        assert b'type="password"' not in response.content
    app = APIClient()
    login = {"username": patient.username, "password": "patient-password-1"}
    token = app.post("/api/v1/auth/login/", login, format="json").json()["token"]
    app.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert app.get(f"/api/v1/articles/{page.pk}/").status_code == 404


def offered_types(html):
    kinds = [kind for kind, _ in PageViewRestriction.RESTRICTION_CHOICES]
    return {kind for kind in kinds if f'value="{kind}"' in html}


def test_editors_are_not_offered_a_shared_password_for_a_page(admin_client, make_article):
    page = make_article("Clinic door codes")
    url = f"/admin/pages/{page.pk}/privacy/"

    offered = offered_types(admin_client.get(url).json()["html"])
    admin_client.post(url, {"restriction_type": "password", "password": "clinic"})

    assert offered == {"none", "login", "groups"}
    assert not PageViewRestriction.objects.filter(page=page).exists()


def test_editors_are_not_offered_a_shared_password_for_a_collection(admin_client):
    leaflets = Collection.get_first_root_node().add_child(name="Clinic leaflets")
    url = f"/admin/collections/{leaflets.pk}/privacy/"

    offered = offered_types(admin_client.get(url).json()["html"])
    admin_client.post(url, {"restriction_type": "password", "password": "clinic"})

    assert offered == {"none", "login", "groups"}
    assert not CollectionViewRestriction.objects.filter(collection=leaflets).exists()


def test_a_document_under_a_shared_password_is_refused_to_everyone(patient_client, admin_client):
    leaflets = Collection.get_first_root_node().add_child(name="Clinic leaflets")
    # Made before editors were no longer offered a shared password.
    restriction = CollectionViewRestriction.objects.create(
        collection=leaflets, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    leaflet = Document.objects.create(
        title="Door codes", collection=leaflets, file=ContentFile(b"1234", name="codes.txt")
    )
    for client in (patient_client, admin_client):
        assert client.get(leaflet.url).status_code == 404
        form = f"/documents/authenticate_with_password/{restriction.pk}/"
        assert client.get(form).status_code == 404
        assert client.post(form, {"password": "x"}).status_code == 404
