from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision, Site
from wagtail.rich_text import get_text_for_indexing
from wagtail.search.backends import get_search_backend

from education.models import (
    Condition,
    ConditionCode,
    ConditionRelation,
    ConditionResource,
    EducationIndexPage,
    EducationPage,
    PortalHomePage,
)
from education.models.reading_level import flesch_kincaid_grade
from education.seed import content as seed_content
from education.text import join_as_sentences

from .admin_helpers import SUBMIT, condition_form, workflow_action_url
from .two_factor_helpers import pass_second_factor

MPS = "myofascial-pain-syndrome"
FIBROMYALGIA = "fibromyalgia"
AUTOIMMUNE = ["rheumatoid-arthritis", "lupus", "sjogrens-syndrome"]
ALL_SLUGS = [MPS, FIBROMYALGIA, *AUTOIMMUNE]

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

# group title: (the group's conditions, {treatment name: category})
EXPECTED_TREATMENT_PLAN = {
    "For myofascial pain": (
        [MPS],
        {
            "Physical therapy": "physical-therapy",
            "Stretching and strengthening exercises": "exercise",
            "Acupuncture or dry needling": "complementary",
            "Pain relief creams or muscle relaxants": "medicine",
            "Stress management": "mental-health",
        },
    ),
    "For autoimmune conditions": (
        AUTOIMMUNE,
        {
            "DMARDs or biologics": "medicine",
            "Anti-inflammatory medicines": "medicine",
            "Corticosteroids": "medicine",
            "Immunosuppressants": "medicine",
        },
    ),
    "Whole-person care": (
        [MPS, *AUTOIMMUNE],
        {
            "Better sleep": "self-care",
            "Good nutrition": "self-care",
            "Mental health care": "mental-health",
        },
    ),
}


def load(*args):
    out = StringIO()
    call_command("load_education_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def output(db):
    return load()


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


def slugs(conditions):
    return [condition.slug for condition in conditions]


def snapshot():
    """What a run could change: row counts, and each item's revisions and publish times."""
    models = [Page, Condition, ConditionCode, ConditionRelation, ConditionResource, Revision, Site]
    return {
        "counts": {model.__name__: model.objects.count() for model in models},
        "users": get_user_model().objects.count(),
        "pages": list(
            Page.objects.order_by("pk").values_list(
                "pk", "title", "latest_revision_id", "live_revision_id", "last_published_at"
            )
        ),
        "conditions": list(
            Condition.objects.order_by("pk").values_list(
                "pk", "summary", "latest_revision_id", "live_revision_id", "last_published_at"
            )
        ),
    }


def assert_published_once(obj):
    assert obj.live
    assert obj.first_published_at is not None
    assert obj.revisions.count() == 1
    assert obj.live_revision_id == obj.latest_revision_id


# The site tree


def test_builds_the_site_tree_and_replaces_wagtails_welcome_page(db):
    welcome = Site.objects.get(is_default_site=True).root_page
    assert welcome.specific_class is Page

    load()

    home = PortalHomePage.objects.get()
    hub = EducationIndexPage.objects.get()
    article = EducationPage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(pk=welcome.pk).exists()
    assert hub.get_parent().pk == home.pk
    assert hub.title == "Autoimmune conditions and muscle pain"
    assert article.get_parent().pk == hub.pk
    for page in (home, hub, article):
        assert_published_once(page)


def test_keeps_the_welcome_page_when_something_hangs_from_it(db):
    welcome = Site.objects.get(is_default_site=True).root_page
    welcome.add_child(instance=Page(title="Old news", slug="old-news"))

    output = load()

    home = PortalHomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert Page.objects.filter(pk=welcome.pk).exists()
    assert "Deleted" not in output


def test_uses_an_existing_home_page_whatever_its_slug(home_page):
    output = load()

    assert PortalHomePage.objects.get().pk == home_page.pk
    assert EducationIndexPage.objects.get().get_parent().pk == home_page.pk
    assert Site.objects.get(is_default_site=True).root_page_id == home_page.pk
    assert f"Skipped portal home page {home_page.slug} (already exists)" in output


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
    assert Condition.objects.get(slug=MPS).other_names_list == ["MPS", "myofascial pain"]


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
    assert urls(FIBROMYALGIA) == []
    for slug in AUTOIMMUNE:
        niams, mayo_clinic = urls(slug)
        assert niams.startswith(f"{NIAMS}health-topics/")
        assert mayo_clinic.startswith(f"{MAYO_CLINIC}/")


@pytest.mark.parametrize("slug", ALL_SLUGS)
def test_condition_text_reads_at_grade_8_or_below(output, slug):
    condition = Condition.objects.get(slug=slug)
    text = join_as_sentences(
        [
            condition.summary,
            get_text_for_indexing(condition.overview),
            condition.nature,
            condition.typical_causes,
            condition.relation_to_mps,
        ]
    )
    assert flesch_kincaid_grade(text) <= 8


def test_conditions_are_found_by_search(output):
    def search(query):
        # Condition's manager has no .search(): ask the search backend directly.
        return slugs(get_search_backend().search(query, Condition.objects.filter(live=True)))

    assert search("lupus") == ["lupus"]
    assert "sjogrens-syndrome" in search("Sjogren")
    assert MPS in search("trigger points")


# The article


def test_article_covers_the_five_conditions_and_reads_at_grade_8_or_below(article):
    assert sorted(slugs(article.conditions.all())) == sorted(ALL_SLUGS)
    assert article.reading_grade <= 8
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
        assert {item["name"]: item["category"] for item in group["treatments"]} == treatments
        for item in group["treatments"]:
            assert slugs(item["conditions"]) == group_slugs, item["name"]
            assert item["description"]
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


# Running again


def test_second_run_changes_nothing(output):
    before = snapshot()

    again = load()

    assert snapshot() == before
    assert "Created" not in again
    for slug in ALL_SLUGS:
        assert f"Skipped condition {slug} (already exists)" in again
    assert f"Skipped education article {seed_content.ARTICLE['slug']} (already exists)" in again


def test_leaves_editors_changes_alone_and_recreates_what_was_deleted(output, article):
    lupus = Condition.objects.get(slug="lupus")
    lupus.summary = "Lupus, as our editors put it."
    lupus.save_revision().publish()
    article.title = "Autoimmune disease and muscle pain"
    article.save_revision().publish()
    Condition.objects.get(slug=FIBROMYALGIA).delete()
    lupus.refresh_from_db()
    article.refresh_from_db()

    again = load()

    lupus_after = Condition.objects.get(slug="lupus")
    assert lupus_after.summary == "Lupus, as our editors put it."
    assert lupus_after.latest_revision_id == lupus.latest_revision_id
    article_after = EducationPage.objects.get(pk=article.pk)
    assert article_after.title == "Autoimmune disease and muscle pain"
    assert article_after.latest_revision_id == article.latest_revision_id
    fibromyalgia = Condition.objects.get(slug=FIBROMYALGIA)
    assert_published_once(fibromyalgia)
    assert [row.code for row in fibromyalgia.codes.all()] == ["M79.7"]
    assert slugs(link.related for link in fibromyalgia.related_links.all()) == [MPS]
    assert "Created condition fibromyalgia" in again
    assert "Skipped condition lupus (already exists)" in again


def test_refuses_a_condition_it_cannot_create_and_saves_nothing(make_condition):
    make_condition("sle", "Lupus")

    with pytest.raises(CommandError, match="Cannot create condition lupus"):
        load()

    assert slugs(Condition.objects.all()) == ["sle"]
    assert not PortalHomePage.objects.exists()


# Demo accounts


def test_no_demo_accounts_unless_asked(output):
    assert not get_user_model().objects.exists()


def test_refuses_demo_accounts_unless_the_settings_allow_them(db, settings):
    settings.ALLOW_DEMO_ACCOUNTS = False

    with pytest.raises(CommandError, match="ALLOW_DEMO_ACCOUNTS"):
        load("--demo-accounts")

    assert not get_user_model().objects.exists()
    assert not Condition.objects.exists()


def test_demo_accounts_are_off_in_the_base_settings():
    from portal.settings import base

    assert base.ALLOW_DEMO_ACCOUNTS is False


def test_creates_demo_accounts_in_their_groups_and_prints_the_logins(db, client):
    output = load("--demo-accounts")

    users = {user.username: user for user in get_user_model().objects.all()}
    assert users["admin"].is_superuser
    groups = {
        name: list(user.groups.values_list("name", flat=True)) for name, user in users.items()
    }
    assert groups == {
        "admin": [],
        "editor": ["Editors"],
        "reviewer": ["Clinical reviewers"],
        "patient": ["Patients"],
    }
    for username in groups:
        password = f"{username}-demo-pass"
        assert users[username].check_password(password)
        assert f"{username} / {password}" in output
    assert "http://127.0.0.1:8000/admin/" in output
    assert "http://127.0.0.1:8000/\n" in output

    # The demo editor enrols an authenticator app at their first admin sign-in.
    assert client.login(username="editor", password="editor-demo-pass")
    assert client.get("/admin/").url == "/admin/two-factor/setup/?next=%2Fadmin%2F"
    pass_second_factor(client, users["editor"])
    assert client.get("/admin/").status_code == 200
    assert client.login(username="patient", password="patient-demo-pass")
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_demo_accounts_are_created_once_and_passwords_never_reset(db):
    load("--demo-accounts")
    editor = get_user_model().objects.get(username="editor")
    editor.set_password("the-editors-own-password")
    editor.save()

    again = load("--demo-accounts")

    assert get_user_model().objects.count() == 4
    editor.refresh_from_db()
    assert editor.check_password("the-editors-own-password")
    assert "Skipped user editor (already exists)" in again
    assert "editor: already existed, password unchanged" in again


def test_the_demo_editor_and_reviewer_can_walk_the_review_workflow(db, client, mailoutbox):
    load("--demo-accounts")

    assert client.login(username="editor", password="editor-demo-pass")
    pass_second_factor(client, get_user_model().objects.get(username="editor"))
    response = client.post(
        "/admin/snippets/education/condition/add/",
        condition_form(name="Polymyalgia rheumatica", slug="polymyalgia") | SUBMIT,
    )
    assert response.status_code == 302
    condition = Condition.objects.get(slug="polymyalgia")
    assert ["reviewer@demo.invalid"] in [message.to for message in mailoutbox]

    assert client.login(username="reviewer", password="reviewer-demo-pass")
    pass_second_factor(client, get_user_model().objects.get(username="reviewer"))
    task_state = condition.current_workflow_task_state
    response = client.post(workflow_action_url(condition, "approve", task_state), {"comment": ""})
    assert response.status_code == 302

    condition.refresh_from_db()
    assert condition.live
    assert condition.reviewed_by.username == "reviewer"
