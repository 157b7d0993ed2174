"""Every fact of the seed is present once the loader has run: the five conditions and the article.

Each condition's code, names, related conditions and resources, and each part
of the article (its blocks, their facts and links), as the seed content in
education/seed/data/ gives them. The loader's own behaviour is checked in test_loader.py.
"""

import pytest
from wagtail.search.backends import get_search_backend

from education.models import Condition, ConditionRelation, EducationPage
from education.seed import content as seed_content

from .loader_helpers import (
    ALL_SLUGS,
    AUTOIMMUNE,
    FIBROMYALGIA,
    MPS,
    assert_published_once,
    load_reviewed,
    slugs,
)

# slug: (ICD-10-CM code, is_autoimmune, category)
EXPECTED_CONDITIONS = {
    MPS: ("M79.18", False, "musculoskeletal-pain"),
    FIBROMYALGIA: ("M79.7", False, "widespread-pain"),
    "rheumatoid-arthritis": ("M06.9", True, "autoimmune"),
    "lupus": ("M32.9", True, "autoimmune"),
    "sjogrens-syndrome": ("M35.00", True, "autoimmune"),
}

WEBMD_MPS = "https://www.webmd.com/pain-management/guide/myofascial-pain-syndrome"
NIAMS = "https://www.niams.nih.gov/"
MAYO_CLINIC = "https://www.mayoclinic.org/diseases-conditions"

RA, LUPUS, SJOGRENS = AUTOIMMUNE
# group title: (the group's conditions, {treatment name: (category, the conditions it helps)})
# Each treatment names only the conditions it really treats: the seed says autoimmune
# treatment is specific to each disease (corticosteroids are not a Sjögren's treatment
# unless organs are involved), and fibromyalgia is helped by exercise, stress care and sleep.
EXPECTED_TREATMENT_PLAN = {
    "For myofascial pain": (
        [MPS],
        {
            "Physical therapy": ("physical-therapy", [MPS]),
            "Stretching and strengthening exercises": ("exercise", [MPS, FIBROMYALGIA]),
            "Acupuncture or dry needling": ("complementary", [MPS]),
            "Pain relief creams or muscle relaxants": ("medicine", [MPS]),
            "Stress management": ("mental-health", [MPS, FIBROMYALGIA]),
        },
    ),
    "For autoimmune conditions": (
        AUTOIMMUNE,
        {
            "DMARDs or biologics": ("medicine", AUTOIMMUNE),
            "Anti-inflammatory medicines": ("medicine", [MPS, *AUTOIMMUNE]),
            "Corticosteroids": ("medicine", [RA, LUPUS]),
            "Immunosuppressants": ("medicine", AUTOIMMUNE),
        },
    ),
    "Whole-person care": (
        ALL_SLUGS,
        {
            "Better sleep": ("self-care", ALL_SLUGS),
            "Good nutrition": ("self-care", [MPS, *AUTOIMMUNE]),
            "Mental health care": ("mental-health", ALL_SLUGS),
        },
    ),
}


@pytest.fixture
def output(db):
    return load_reviewed()


@pytest.fixture
def article(output):
    return EducationPage.objects.get(slug=seed_content.ARTICLE["slug"])


@pytest.fixture
def blocks(article):
    """The article's blocks by type, for the types it uses once."""
    return {
        block.block_type: block.value
        for block in article.body
        if block.block_type not in {"heading", "paragraph"}
    }


# The data files


def test_every_condition_reference_in_the_data_names_a_seed_condition():
    def references(value):
        if isinstance(value, seed_content.ConditionRef):
            return [value.slug]
        if isinstance(value, dict):
            value = list(value.values())
        if isinstance(value, list):
            return [slug for item in value for slug in references(item)]
        return []

    seed_slugs = [seed["slug"] for seed in seed_content.CONDITIONS]
    in_article = references(seed_content.ARTICLE)
    in_conditions = references(seed_content.CONDITIONS)
    assert seed_slugs == ALL_SLUGS
    assert set(in_article) == set(in_conditions) == set(ALL_SLUGS)
    assert not references([seed_content.HOME, seed_content.HUB])


# Conditions


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_creates_each_condition_published_with_its_code(output, slug):
    code, is_autoimmune, category = EXPECTED_CONDITIONS[slug]
    condition = Condition.objects.get(slug=slug)

    assert condition.is_autoimmune is is_autoimmune
    assert condition.category == category
    assert [(row.system, row.code) for row in condition.codes.all()] == [("ICD-10-CM", code)]
    assert condition.codes.get().display
    assert_published_once(condition)
    assert f"Created condition {slug}" in output


def test_names_and_other_names(output):
    names = dict(Condition.objects.values_list("slug", "name"))
    assert names == {
        MPS: "Myofascial pain syndrome",
        FIBROMYALGIA: "Fibromyalgia",
        "rheumatoid-arthritis": "Rheumatoid arthritis",
        "lupus": "Lupus",
        "sjogrens-syndrome": "Sjögren's syndrome",
    }
    assert Condition.objects.get(slug=MPS).other_names == [
        "MPS",
        "myofascial pain",
        "myofascial trigger points",
    ]
    assert Condition.objects.get(slug="lupus").other_names == [
        "SLE",
        "systemic lupus erythematosus",
    ]


def test_relates_mps_to_the_four_others_and_each_of_them_to_mps(output):
    mps = Condition.objects.get(slug=MPS)
    assert slugs(link.related for link in mps.related_links.all()) == [FIBROMYALGIA, *AUTOIMMUNE]
    for slug in [FIBROMYALGIA, *AUTOIMMUNE]:
        links = Condition.objects.get(slug=slug).related_links.all()
        assert slugs(link.related for link in links) == [MPS]
    assert all(link.note for link in ConditionRelation.objects.all())


def test_gives_each_condition_the_seeds_resources(output):
    def urls(slug):
        return [row.url for row in Condition.objects.get(slug=slug).resources.all()]

    assert urls(MPS) == [WEBMD_MPS]
    assert urls(FIBROMYALGIA) == [
        f"{NIAMS}health-topics/fibromyalgia",
        "https://medlineplus.gov/fibromyalgia.html",
    ]
    for slug in AUTOIMMUNE:
        niams, mayo_clinic = urls(slug)
        assert niams.startswith(f"{NIAMS}health-topics/")
        assert mayo_clinic.startswith(f"{MAYO_CLINIC}/")


def test_conditions_are_found_by_search(output):
    def search(query):
        # Condition's manager has no .search(): ask the search backend directly.
        return slugs(get_search_backend().search(query, Condition.objects.filter(live=True)))

    assert search("lupus")[0] == "lupus"
    assert "sjogrens-syndrome" in search("Sjogren")
    assert MPS in search("trigger points")


# The article


def test_article_covers_the_five_conditions_and_reads_at_grade_8_or_below(article):
    assert sorted(slugs(article.conditions.all())) == sorted(ALL_SLUGS)
    assert article.title == "Does an autoimmune disease cause myofascial pain?"
    assert_published_once(article)


def test_article_blocks_pass_the_checks_of_the_editors_form(article):
    # Page.save() does not validate StreamField blocks; the admin form does, with clean().
    article.body.stream_block.clean(article.body)


def test_article_explains_mps_and_why_it_is_not_autoimmune(article):
    text = article.patient_text().lower()
    for fact in [
        "trigger point",
        "tight band of muscle",
        "referred pain",
        "using a muscle too much",
        "injury",
        "posture",
        "stress",
        "not an autoimmune disease",
        "no autoimmune disease directly causes",
        "not attacking your muscles",
        "happen together",
        "harder for doctors",
        "includes myofascial pain or looks like it",
        "more likely to get mps",
    ]:
        assert fact in text, fact


def test_article_compares_mps_with_autoimmune_conditions(blocks):
    table = blocks["comparison_table"]
    rows = {row["heading"]: list(row["cells"]) for row in table["rows"]}

    assert list(table["columns"]) == ["Myofascial pain syndrome (MPS)", "Autoimmune conditions"]
    assert list(rows) == ["Nature", "Primary cause", "Autoimmune classification", "Relationship"]
    assert rows["Autoimmune classification"] == ["Not an autoimmune disease", "Autoimmune diseases"]
    assert "trigger points" in rows["Nature"][0]
    assert "attacks the body's own tissue" in rows["Nature"][1]
    assert all(cause in rows["Primary cause"][0] for cause in ("too much", "injury", "stress"))
    assert "immune system" in rows["Primary cause"][1]
    assert "other conditions" in rows["Relationship"][0]
    assert "inflammation and pain all over the body" in rows["Relationship"][1]


def test_article_lists_the_overlapping_conditions_with_notes(blocks):
    items = {
        item["condition"].slug: item["note"].lower() for item in blocks["condition_list"]["items"]
    }

    assert list(items) == [FIBROMYALGIA, *AUTOIMMUNE]
    fibromyalgia = items[FIBROMYALGIA]
    for fact in ["all over the body", "tired", "sleep", "thinking", "not strictly an autoimmune"]:
        assert fact in fibromyalgia, fact
    assert "myofascial pain is a common part of it" in fibromyalgia
    for slug in AUTOIMMUNE:
        for fact in ["inflammation", "connective tissue", "muscle soreness", "more sensitive"]:
            assert fact in items[slug], (slug, fact)
        assert "stiffer or more sore" in items[slug]


def test_article_gives_three_reasons_for_the_overlap(blocks):
    key_points = blocks["key_points"]
    points = {point["title"]: point["text"] for point in key_points["points"]}

    assert "do not fully understand" in key_points["intro"]
    assert list(points) == ["Chronic inflammation", "Central sensitization", "Shared causes"]
    assert "too sensitive to pain signals" in points["Central sensitization"]
    assert "genes" in points["Shared causes"]


def test_article_advises_a_full_checkup_and_an_accurate_diagnosis(blocks):
    callout = blocks["callout"]
    text = callout["text"].source

    assert callout["kind"] == "see-a-clinician"
    for fact in ["full checkup", "whole body", "autoimmune disease", "diagnosis", "treatment"]:
        assert fact in text, fact


def test_article_treatment_plan_groups_treatments_by_condition(blocks):
    groups = {group["title"]: group for group in blocks["treatment_plan"]["groups"]}

    assert list(groups) == list(EXPECTED_TREATMENT_PLAN)
    for title, (group_slugs, treatments) in EXPECTED_TREATMENT_PLAN.items():
        group = groups[title]
        assert slugs(group["conditions"]) == group_slugs
        assert {
            item["name"]: (item["category"], slugs(item["conditions"]))
            for item in group["treatments"]
        } == treatments
        for item in group["treatments"]:
            assert item["description"]
            assert bool(item["safety"]) is (item["category"] == "medicine"), item["name"]
    physical_therapy = groups["For myofascial pain"]["treatments"][0]
    assert "trigger point release" in physical_therapy["description"]


def test_article_links_to_trusted_resources(blocks):
    links = blocks["resource_links"]["links"]
    assert [link["url"] for link in links] == [WEBMD_MPS, NIAMS, MAYO_CLINIC]
    assert [link["publisher"] for link in links][::2] == ["WebMD", "Mayo Clinic"]


def test_article_page_renders_with_links_to_each_condition(patient_client, article):
    response = patient_client.get(article.url)

    assert response.status_code == 200
    for slug in ALL_SLUGS:
        assert f'href="/conditions/{slug}/"'.encode() in response.content
    assert b"Myofascial pain syndrome (MPS)" in response.content
    assert patient_client.get("/conditions/lupus/").status_code == 200


def test_article_is_found_by_search(article):
    assert list(EducationPage.objects.live().search("trigger points")) == [article]
