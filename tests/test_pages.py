"""Where each page type may live, and editing articles through the admin."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, User
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from education.blocks import PARAGRAPH_FEATURES
from education.models import Condition, EducationIndexPage, EducationPage, PortalHomePage
from tests.two_factor_helpers import StaffPageTestCase


def list_block(values):
    """Form data for a ListBlock, the counterpart of Wagtail's `streamfield` helper."""
    items = {
        str(index): {"value": value, "deleted": "", "order": str(index)}
        for index, value in enumerate(values)
    }
    return {**items, "count": str(len(values))}


def paragraph(html):
    return ("paragraph", rich_text(html, features=PARAGRAPH_FEATURES))


def comparison_table(*cells):
    return (
        "comparison_table",
        {
            "caption": "Myofascial pain and lupus",
            "corner_heading": "Feature",
            "columns": list_block(["Myofascial pain syndrome", "Lupus"]),
            "rows": list_block([{"heading": "Autoimmune?", "cells": list_block(cells)}]),
        },
    )


# Without this button the edit form saves a draft.
PUBLISH = {"action-publish": "action-publish"}


def article_form(body, **fields):
    return nested_form_data(
        {
            "title": "Lupus and muscle pain",
            "slug": "lupus-and-muscle-pain",
            "summary": "What lupus is and how it can cause muscle pain.",
            "body": streamfield(body),
            "review_interval_months": "12",
            **fields,
        }
    )


def add_url(parent):
    return f"/admin/pages/add/education/educationpage/{parent.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


class TestPageTree(StaffPageTestCase):
    def test_portal_home_goes_only_under_the_root(self):
        self.assertAllowedParentPageTypes(PortalHomePage, {Page})
        # Wagtail's own Page is allowed anywhere but cannot be created in the admin.
        self.assertAllowedSubpageTypes(Page, {Page, PortalHomePage})
        self.assertCanCreateAt(Page, PortalHomePage)
        self.assertCanNotCreateAt(EducationIndexPage, PortalHomePage)
        self.assertCanNotCreateAt(PortalHomePage, PortalHomePage)

    def test_topic_hubs_go_only_under_the_portal_home(self):
        self.assertAllowedParentPageTypes(EducationIndexPage, {PortalHomePage})
        self.assertAllowedSubpageTypes(PortalHomePage, {EducationIndexPage})
        self.assertCanCreateAt(PortalHomePage, EducationIndexPage)
        self.assertCanNotCreateAt(Page, EducationIndexPage)
        self.assertCanNotCreateAt(EducationIndexPage, EducationIndexPage)

    def test_articles_go_only_under_a_topic_hub_and_have_no_children(self):
        self.assertAllowedParentPageTypes(EducationPage, {EducationIndexPage})
        self.assertAllowedSubpageTypes(EducationIndexPage, {EducationPage})
        self.assertAllowedSubpageTypes(EducationPage, set())
        self.assertCanCreateAt(EducationIndexPage, EducationPage)
        self.assertCanNotCreateAt(PortalHomePage, EducationPage)
        self.assertCanNotCreateAt(Page, EducationPage)
        self.assertCanNotCreateAt(EducationPage, EducationPage)

    def test_there_is_one_portal_home(self):
        root = Page.get_first_root_node()
        self.assertTrue(PortalHomePage.can_create_at(root))
        root.add_child(instance=PortalHomePage(title="Patient education", slug="portal-home"))
        self.assertFalse(PortalHomePage.can_create_at(root))

        self.login()
        response = self.client.get(f"/admin/pages/add/education/portalhomepage/{root.pk}/")
        self.assertRedirects(response, "/admin/")
        self.assertEqual(PortalHomePage.objects.count(), 1)


class TestCreatingArticles(StaffPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        home = root.add_child(instance=PortalHomePage(title="Patient education", slug="portal"))
        site = Site.objects.get(is_default_site=True)
        site.root_page = home
        site.save()
        cls.hub = home.add_child(instance=EducationIndexPage(title="Muscle pain", slug="pain"))
        cls.lupus = Condition.objects.create(
            name="Lupus", slug="lupus", category="autoimmune", summary="S.", overview="<p>O.</p>"
        )
        cls.lupus.save_revision().publish()

    def setUp(self):
        self.login()

    def test_an_article_with_many_kinds_of_block(self):
        treatment = {
            "name": "Stretching",
            "category": "exercise",
            "description": "Gentle stretches help tight muscles relax.",
            "conditions": list_block([self.lupus.pk]),
            "notes": "",
        }
        data = article_form(
            [
                ("heading", {"text": "What lupus is", "level": "h2"}),
                paragraph("<p>Lupus is an <b>autoimmune</b> disease.</p>"),
                (
                    "callout",
                    {
                        "kind": "see-a-clinician",
                        "text": rich_text("<p>Tell your doctor about new pain.</p>"),
                    },
                ),
                comparison_table("No", "Yes"),
                (
                    "condition_list",
                    {
                        "heading": "Related conditions",
                        "items": list_block([{"condition": self.lupus.pk, "note": "Often."}]),
                    },
                ),
                (
                    "key_points",
                    {
                        "heading": "Why it hurts",
                        "intro": "",
                        "points": list_block([{"title": "Inflammation", "text": "It swells."}]),
                    },
                ),
                ("treatment", treatment),
                (
                    "treatment_plan",
                    {
                        "heading": "A plan",
                        "intro": "",
                        "groups": list_block(
                            [
                                {
                                    "title": "Muscles",
                                    "conditions": list_block([self.lupus.pk]),
                                    "treatments": list_block([treatment]),
                                }
                            ]
                        ),
                    },
                ),
                (
                    "resource_links",
                    {
                        "heading": "Where to learn more",
                        "links": list_block(
                            [
                                {
                                    "title": "Lupus",
                                    "url": "https://www.nhs.uk/conditions/lupus/",
                                    "publisher": "NHS",
                                    "description": "",
                                }
                            ]
                        ),
                    },
                ),
            ],
            conditions=self.lupus.pk,
        )
        self.assertCanCreate(self.hub, EducationPage, data)

        article = EducationPage.objects.get(slug="lupus-and-muscle-pain")
        self.assertTrue(article.live)
        self.assertEqual(list(article.conditions.all()), [self.lupus])
        self.assertEqual(
            [block.block_type for block in article.body],
            [
                "heading",
                "paragraph",
                "callout",
                "comparison_table",
                "condition_list",
                "key_points",
                "treatment",
                "treatment_plan",
                "resource_links",
            ],
        )

        response = self.client.get(article.url)
        self.assertEqual(response.status_code, 200)
        self.assertInHTML("<h2>What lupus is</h2>", response.content.decode())
        self.assertInHTML("<b>autoimmune</b>", response.content.decode())
        self.assertContains(response, '<th scope="row">Autoimmune?</th>', html=True)
        self.assertContains(response, '<a href="/conditions/lupus/">Lupus</a>', html=True)
        self.assertContains(response, '<h4 class="treatment__name">Stretching</h4>', html=True)

    def test_an_article_can_be_created_as_a_draft(self):
        self.assertCanCreate(
            self.hub,
            EducationPage,
            article_form([("heading", {"text": "Draft", "level": "h2"})]),
            publish=False,
        )
        article = EducationPage.objects.get(slug="lupus-and-muscle-pain")
        self.assertFalse(article.live)
        patient = User.objects.create_user("patient", password="patient-password-1")
        patient.groups.add(Group.objects.get(name="Patients"))
        self.client.force_login(patient)
        self.assertEqual(self.client.get(article.url).status_code, 404)


@pytest.fixture
def live_article(make_article):
    return make_article(
        body=[
            {"type": "heading", "value": {"text": "Old heading", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Old text.</p>"},
        ]
    )


def test_a_draft_of_a_live_article_changes_nothing_patients_see(
    admin_client, patient_client, live_article
):
    data = article_form(
        [("heading", {"text": "New heading", "level": "h2"}), paragraph("<p>New text.</p>")],
        title="Lupus and your muscles",
    )

    response = admin_client.post(edit_url(live_article), data)

    assert response.status_code == 302
    stored = EducationPage.objects.get(pk=live_article.pk)
    assert stored.title == "Lupus and muscle pain"
    assert stored.body[0].value["text"] == "Old heading"
    assert stored.has_unpublished_changes
    draft = stored.get_latest_revision_as_object()
    assert draft.title == "Lupus and your muscles"
    assert draft.body[0].value["text"] == "New heading"
    served = patient_client.get(live_article.url)
    assert b"Old heading" in served.content
    assert b"New heading" not in served.content
    assert b"Lupus and your muscles" not in served.content

    assert admin_client.post(edit_url(live_article), data | PUBLISH).status_code == 302

    stored = EducationPage.objects.get(pk=live_article.pk)
    assert stored.title == "Lupus and your muscles"
    assert not stored.has_unpublished_changes
    served = patient_client.get(live_article.url)
    assert b"New heading" in served.content
    assert b"Old heading" not in served.content


def test_publishing_a_table_with_a_row_too_short_is_refused(admin_client, live_article):
    revisions = live_article.revisions.count()
    data = article_form([comparison_table("No")], title="Changed title") | PUBLISH

    response = admin_client.post(edit_url(live_article), data)

    assert response.status_code == 200
    assert b"The page could not be saved due to validation errors" in response.content
    assert b"Every row needs 2 cells, one per column. Check row 1." in response.content
    stored = EducationPage.objects.get(pk=live_article.pk)
    assert stored.title == "Lupus and muscle pain"
    assert stored.body[0].value["text"] == "Old heading"
    assert not stored.has_unpublished_changes
    assert stored.revisions.count() == revisions


def test_creating_an_article_with_a_bad_table_creates_nothing(admin_client, hub):
    response = admin_client.post(
        add_url(hub), article_form([comparison_table("No", "Yes", "?")]) | PUBLISH
    )

    assert response.status_code == 200
    assert b"The page could not be created due to validation errors" in response.content
    assert b"Every row needs 2 cells, one per column. Check row 1." in response.content
    assert not EducationPage.objects.exists()


def test_a_draft_may_hold_a_table_to_finish_later(admin_client, live_article):
    # An editor may save half a table; only publishing needs every row complete.
    data = article_form([comparison_table("No")])

    assert admin_client.post(edit_url(live_article), data).status_code == 302

    draft = EducationPage.objects.get(pk=live_article.pk).get_latest_revision_as_object()
    assert list(draft.body[0].value["rows"][0]["cells"]) == ["No"]

    assert admin_client.post(edit_url(live_article), data | PUBLISH).status_code == 200
    assert EducationPage.objects.get(pk=live_article.pk).body[0].block_type == "heading"


def test_an_article_cannot_go_straight_under_the_portal_home(admin_client, home_page):
    data = article_form([("heading", {"text": "Misplaced", "level": "h2"})]) | PUBLISH
    response = admin_client.post(add_url(home_page), data)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert not EducationPage.objects.exists()


def test_a_figure_added_in_the_admin_is_served_with_its_alt_text(
    admin_client, patient_client, hub, image
):
    figure = {
        "image": {"image": image.pk, "alt_text": "Knots in the shoulder muscle"},
        "caption": "Where trigger points form.",
    }
    response = admin_client.post(add_url(hub), article_form([("figure", figure)]) | PUBLISH)
    assert response.status_code == 302

    page = patient_client.get(EducationPage.objects.get().url)
    img = BeautifulSoup(page.content, "html.parser").select_one("figure img")
    assert img["alt"] == "Knots in the shoulder muscle"


def test_a_figure_without_alt_text_is_refused_on_publish(admin_client, hub, image):
    figure = {"image": {"image": image.pk, "alt_text": ""}, "caption": ""}
    response = admin_client.post(add_url(hub), article_form([("figure", figure)]) | PUBLISH)

    assert response.status_code == 200
    assert b"Please add some alt text for your image or mark it as decorative" in response.content
    assert not EducationPage.objects.exists()


def test_scripts_typed_into_the_editor_never_reach_patients(admin_client, patient_client, hub):
    body = [paragraph('<p>Rest <script>alert(1)</script><a href="javascript:alert(2)">x</a></p>')]
    assert admin_client.post(add_url(hub), article_form(body) | PUBLISH).status_code == 302

    page = patient_client.get(EducationPage.objects.get().url)
    article = BeautifulSoup(page.content, "html.parser").find("article")
    assert article.find("script") is None
    assert "javascript:" not in str(article)


def test_pages_are_found_by_their_whole_address(patient_client, hub, make_article):
    article = make_article("Lupus and muscle pain")
    draft = make_article("Sleep and lupus", publish=False)
    assert patient_client.get(hub.url).status_code == 200
    assert patient_client.get(article.url).status_code == 200
    assert patient_client.get(draft.url).status_code == 404
    assert patient_client.get(f"{hub.url}no-such-article/").status_code == 404
    assert patient_client.get(f"{article.url}deeper/").status_code == 404
    assert patient_client.get(article.url.upper()).status_code == 404
