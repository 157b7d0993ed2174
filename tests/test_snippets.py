"""Editing condition snippets in the admin: inline rows, drafts, publishing and preview."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from education.models import Condition, ConditionCode, ConditionRelation, ConditionResource
from education.models.conditions import OVERVIEW_FEATURES

LISTING_URL = "/admin/snippets/education/condition/"
ADD_URL = f"{LISTING_URL}add/"
PUBLISH = {"action-publish": "action-publish"}


def edit_url(condition):
    return f"{LISTING_URL}edit/{condition.pk}/"


def condition_form(codes=(), related_links=(), resources=(), initial_codes=0, **fields):
    """The add and edit forms' data; `initial_codes` rows of `codes` are already stored."""
    data = {
        "name": "Fibromyalgia",
        "slug": "fibromyalgia",
        "category": Condition.Category.WIDESPREAD_PAIN,
        "summary": "Long-term pain all over the body.",
        "overview": rich_text("<p>Pain, tiredness and poor sleep.</p>", features=OVERVIEW_FEATURES),
        "nature": "",
        "relation_to_mps": "",
        "review_interval_months": "12",
        "synonyms": inline_formset([{"name": "Fibromyalgia syndrome"}, {"name": "FMS"}]),
        "codes": inline_formset(list(codes), initial=initial_codes),
        "related_links": inline_formset(list(related_links)),
        "resources": inline_formset(list(resources)),
        **fields,
    }
    return nested_form_data(data)


def code(system, value, display="A display name"):
    return {"system": system, "code": value, "display": display}


def form_errors(response):
    """Every error message on the submitted form and its inline rows."""
    form = response.context["form"]
    messages = [message for errors in form.errors.values() for message in errors]
    for formset in form.formsets.values():
        messages += formset.non_form_errors()
        for row in formset.errors:
            messages += [message for errors in row.values() for message in errors]
    return messages


@pytest.fixture
def lupus(make_condition):
    lupus = make_condition("lupus", "Lupus", summary="An autoimmune disease.")
    ConditionCode.objects.create(
        condition=lupus, system="ICD-10-CM", code="M32.9", display="Systemic lupus"
    )
    return lupus


def test_a_condition_is_created_with_its_rows_and_published(admin_client, patient_client, lupus):
    data = condition_form(
        codes=[
            code("ICD-10-CM", " m79.7 ", "Fibromyalgia"),
            code("SNOMED-CT", "203082005", "Fibromyalgia (disorder)"),
        ],
        related_links=[{"related": lupus.pk, "note": "Many people with lupus also have it."}],
        resources=[
            {
                "title": "Fibromyalgia",
                "url": "https://www.nhs.uk/conditions/fibromyalgia/",
                "publisher": "NHS",
            }
        ],
    )

    response = admin_client.post(ADD_URL, data | PUBLISH)

    assert response.status_code == 302
    condition = Condition.objects.get(slug="fibromyalgia")
    assert condition.live
    assert condition.other_names == ["Fibromyalgia syndrome", "FMS"]
    # Codes are stored trimmed and in capitals, whatever was typed.
    assert [(c.system, c.code) for c in condition.codes.all()] == [
        ("ICD-10-CM", "M79.7"),
        ("SNOMED-CT", "203082005"),
    ]
    assert [link.related for link in condition.related_links.all()] == [lupus]
    assert [r.publisher for r in condition.resources.all()] == ["NHS"]
    page = patient_client.get("/conditions/fibromyalgia/")
    assert page.status_code == 200
    assert b"Long-term pain all over the body." in page.content


def test_a_new_condition_saved_as_a_draft_is_not_public(admin_client, patient_client):
    response = admin_client.post(ADD_URL, condition_form(codes=[code("ICD-10-CM", "M79.7")]))

    assert response.status_code == 302
    condition = Condition.objects.get(slug="fibromyalgia")
    assert not condition.live
    assert patient_client.get("/conditions/fibromyalgia/").status_code == 404


def test_a_draft_of_a_live_condition_changes_nothing_patients_see(
    admin_client, patient_client, lupus
):
    stored_code = ConditionCode.objects.get(condition=lupus)
    data = condition_form(
        name="Lupus",
        slug="lupus",
        category=Condition.Category.AUTOIMMUNE,
        is_autoimmune="on",
        summary="A new summary in review.",
        codes=[
            {"id": stored_code.pk, **code("ICD-10-CM", "M32.9", "Systemic lupus")},
            code("SNOMED-CT", "55464009", "Systemic lupus erythematosus"),
        ],
        initial_codes=1,
    )

    response = admin_client.post(edit_url(lupus), data)

    assert response.status_code == 302
    stored = Condition.objects.get(pk=lupus.pk)
    assert stored.summary == "An autoimmune disease."
    assert not stored.is_autoimmune
    assert stored.has_unpublished_changes
    assert list(ConditionCode.objects.values_list("code", flat=True)) == ["M32.9"]
    draft = stored.get_latest_revision_as_object()
    assert draft.summary == "A new summary in review."
    assert [c.code for c in draft.codes.all()] == ["M32.9", "55464009"]
    page = patient_client.get("/conditions/lupus/")
    assert b"An autoimmune disease." in page.content
    assert b"A new summary in review." not in page.content

    assert admin_client.post(edit_url(lupus), data | PUBLISH).status_code == 302

    stored = Condition.objects.get(pk=lupus.pk)
    assert stored.summary == "A new summary in review."
    assert stored.is_autoimmune
    assert sorted(ConditionCode.objects.values_list("code", flat=True)) == ["55464009", "M32.9"]
    assert b"A new summary in review." in patient_client.get("/conditions/lupus/").content


@pytest.mark.parametrize("typed", ["M32.9", " m32.9 "])
def test_a_code_another_condition_uses_is_refused(admin_client, lupus, typed):
    response = admin_client.post(
        ADD_URL, condition_form(codes=[code("ICD-10-CM", typed)]) | PUBLISH
    )

    assert response.status_code == 200
    assert form_errors(response) == ["ICD-10-CM M32.9 is already used by another condition."]
    assert not Condition.objects.filter(slug="fibromyalgia").exists()
    assert list(ConditionCode.objects.values_list("condition__slug", "code")) == [
        ("lupus", "M32.9")
    ]


def test_taking_another_conditions_code_while_editing_is_refused(
    admin_client, lupus, make_condition
):
    fibromyalgia = make_condition("fibromyalgia", "Fibromyalgia")
    data = condition_form(codes=[code("ICD-10-CM", "M32.9")])

    response = admin_client.post(edit_url(fibromyalgia), data | PUBLISH)

    assert response.status_code == 200
    assert form_errors(response) == ["ICD-10-CM M32.9 is already used by another condition."]
    assert list(ConditionCode.objects.values_list("condition__slug", "code")) == [
        ("lupus", "M32.9")
    ]
    assert not Condition.objects.get(pk=fibromyalgia.pk).has_unpublished_changes


@pytest.mark.parametrize("second", ["M79.7", "m79.7", " M79.7"])
def test_the_same_code_twice_in_one_form_is_refused(admin_client, second):
    data = condition_form(codes=[code("ICD-10-CM", "M79.7"), code("ICD-10-CM", second)])

    response = admin_client.post(ADD_URL, data | PUBLISH)

    assert response.status_code == 200
    assert "Please correct the duplicate data for system and code, which must be unique." in (
        form_errors(response)
    )
    assert not Condition.objects.exists()
    assert not ConditionCode.objects.exists()


def test_the_same_code_in_different_systems_is_fine(admin_client, lupus):
    data = condition_form(
        codes=[code("SNOMED-CT", "M32.9"), code("ICD-10-CM", "M79.7"), code("SNOMED-CT", "M79.7")]
    )

    response = admin_client.post(ADD_URL, data | PUBLISH)

    assert response.status_code == 302
    assert sorted(ConditionCode.objects.values_list("condition__slug", "system", "code")) == [
        ("fibromyalgia", "ICD-10-CM", "M79.7"),
        ("fibromyalgia", "SNOMED-CT", "M32.9"),
        ("fibromyalgia", "SNOMED-CT", "M79.7"),
        ("lupus", "ICD-10-CM", "M32.9"),
    ]


def test_a_condition_cannot_be_related_to_itself(admin_client, lupus):
    stored_code = ConditionCode.objects.get(condition=lupus)
    data = condition_form(
        name="Lupus",
        slug="lupus",
        category=Condition.Category.AUTOIMMUNE,
        codes=[{"id": stored_code.pk, **code("ICD-10-CM", "M32.9")}],
        initial_codes=1,
        related_links=[{"related": lupus.pk, "note": "Itself."}],
    )

    response = admin_client.post(edit_url(lupus), data | PUBLISH)

    assert response.status_code == 200
    assert form_errors(response) == ["A condition cannot be related to itself."]
    assert not ConditionRelation.objects.exists()


def test_the_preview_shows_unsaved_changes_as_a_patient_would_see_them(admin_client, lupus):
    preview_url = f"{LISTING_URL}preview/{lupus.pk}/"
    data = condition_form(
        name="Lupus",
        slug="lupus",
        category=Condition.Category.AUTOIMMUNE,
        is_autoimmune="on",
        summary="A summary being written.",
    )

    checked = admin_client.post(preview_url, data)
    assert checked.json() == {"is_valid": True, "is_available": True}
    response = admin_client.get(preview_url)

    assert response.status_code == 200
    assert response.templates[0].name == "education/condition_page.html"
    content = response.content.decode()
    assert "<h1>Lupus</h1>" in content
    assert "A summary being written." in content
    assert "This is an autoimmune disease" in content
    assert "Preview: patients cannot see this version." in content
    assert Condition.objects.get(pk=lupus.pk).summary == "An autoimmune disease."


def test_a_new_condition_can_be_previewed_before_it_is_saved(admin_client):
    preview_url = f"{LISTING_URL}preview/"

    assert admin_client.post(preview_url, condition_form()).json()["is_valid"]
    response = admin_client.get(preview_url)

    assert response.status_code == 200
    assert "<h1>Fibromyalgia</h1>" in response.content.decode()
    assert "Also called: Fibromyalgia syndrome, FMS" in response.content.decode()
    assert not Condition.objects.exists()


def test_resources_need_a_web_address(admin_client):
    data = condition_form(
        resources=[{"title": "Fibromyalgia", "url": "not a web address", "publisher": "NHS"}]
    )

    response = admin_client.post(ADD_URL, data | PUBLISH)

    assert response.status_code == 200
    assert form_errors(response) == ["Enter a valid URL."]
    assert not ConditionResource.objects.exists()
