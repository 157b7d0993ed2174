"""Each seed condition as a patient meets it: its sections, with their headings and
anchors, "When to get help", its other names, treatments and resources, on its page and
in the API."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from rest_framework.test import APIClient

from education.models import Condition
from education.models.conditions import HELP_SECTIONS, SECTIONS
from education.text import rich_text_lines

from .loader_helpers import ALL_SLUGS, AUTOIMMUNE, FIBROMYALGIA, load_reviewed

AUTOIMMUNE_MEDICINES = ["DMARDs or biologics", "Corticosteroids", "Immunosuppressants"]


@pytest.fixture
def seeded(db):
    load_reviewed()


@pytest.fixture
def api(seeded):
    user = User.objects.create_user("app-user", "app@example.org", "app-user-pass-1")
    user.groups.add(Group.objects.get(name="Patients"))
    client = APIClient()
    token = client.post(
        "/api/v1/auth/login/",
        {"username": "app-user", "password": "app-user-pass-1"},
        format="json",
    ).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def page(client, slug):
    response = client.get(f"/conditions/{slug}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def words(html):
    return " ".join(rich_text_lines(html).split())


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_every_section_is_on_the_page_under_its_own_heading_and_anchor(
    seeded, patient_client, slug
):
    condition = Condition.objects.get(slug=slug)
    soup = page(patient_client, slug)
    contents = [a["href"] for a in soup.select("nav.condition__contents a")]

    for section in SECTIONS:
        text = getattr(condition, section.field)
        assert text, f"{slug} has no {section.field}"
        shown = soup.find(id=section.anchor)
        assert shown.h2.get_text(strip=True) == section.heading
        assert words(text) in " ".join(shown.get_text(" ").split())
        assert f"#{section.anchor}" in contents


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_when_to_get_help_is_a_callout_with_urgent_help_first(seeded, patient_client, slug):
    soup = page(patient_client, slug)
    box = soup.find(id="when-to-get-help")

    assert "get-help" in box["class"]
    parts = [part.h3.get_text(strip=True) for part in box.select(".get-help__part")]
    assert parts == [section.heading for section in HELP_SECTIONS]
    assert "911" in box.find(id="urgent-help").get_text()
    assert "#when-to-get-help" in [a["href"] for a in soup.select("nav.condition__contents a")]


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_the_api_gives_every_section(api, slug):
    condition = Condition.objects.get(slug=slug)
    answer = api.get(f"/api/v1/conditions/{slug}/").json()

    for field in ["symptoms", "causes", "diagnosis", "treatment_overview", "living_with"]:
        assert words(answer[field]) == words(getattr(condition, field)) != ""
    assert "911" in answer["when_to_get_help"]["urgent"]
    assert words(answer["when_to_get_help"]["soon"]) == words(condition.see_care_team_soon)
    assert answer["other_names"] == condition.other_names != []


def test_other_names_are_shown_under_the_name(seeded, patient_client):
    shown = page(patient_client, "lupus").select_one(".condition__other-names").get_text()
    assert "SLE" in shown
    assert "systemic lupus erythematosus" in shown.lower()


def test_fibromyalgia_is_not_strictly_autoimmune_and_has_treatments_and_resources(
    seeded, patient_client
):
    soup = page(patient_client, FIBROMYALGIA)

    assert "not strictly an autoimmune disease" in soup.select_one(".condition__kind").get_text()
    assert soup.find(id="treatments-heading")
    assert soup.select(".treatments li")
    resources = [a["href"] for a in soup.find(id="resources-heading").parent.select("a")]
    assert any("niams.nih.gov" in href for href in resources)


def test_medicines_carry_a_safety_note_and_are_not_tagged_to_every_autoimmune_disease(api):
    treatments = api.get("/api/v1/treatments/", {"limit": 100}).json()["results"]
    medicines = [t for t in treatments if t["category"] == "medicine"]

    assert medicines
    assert all(t["safety"].strip() for t in medicines)
    steroids = next(t for t in medicines if t["name"] == "Corticosteroids")
    assert "suddenly" in steroids["safety"]
    tagged = {t["name"]: {c["slug"] for c in t["conditions"]} for t in medicines}
    assert any(tagged[name] != set(AUTOIMMUNE) for name in AUTOIMMUNE_MEDICINES)


def test_a_medicines_safety_note_is_shown_on_the_condition_page(seeded, patient_client):
    notes = page(patient_client, "lupus").select(".treatment__safety")
    assert notes
    assert all("Medicine safety" in note.get_text() for note in notes)
