"""Under the Content-Security-Policy every page type still works, and breaks no rule.

Each test uses the pages as a person would, then checks that the browser reported no
violation (the `csp_reports` fixture hears both the console and the page's events).
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from .conftest import DEMO_PATIENT_PASSWORD, DEMO_PATIENT_USERNAME

pytestmark = pytest.mark.browser

ARTICLE_TITLE = re.compile("autoimmune", re.IGNORECASE)
SEED_ARTICLE = re.compile("^Does an autoimmune disease")


def visit(page, url):
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_portal_pages(csp_reports, page, portal_url):
    base = portal_url
    for path in ("/accounts/login/", "/accounts/password_reset/"):
        visit(page, base + path)
    page.goto(f"{base}/accounts/login/")
    # Not the journey tests' patient: this one's reading list changes here.
    page.get_by_label("Username").fill(DEMO_PATIENT_USERNAME)
    page.get_by_label("Password").fill(DEMO_PATIENT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{base}/")

    visit(page, f"{base}/conditions/lupus/")
    article = page.get_by_role("main").get_by_role("link", name=ARTICLE_TITLE).first
    article_url = base + article.get_attribute("href")
    hub_url = article_url.rstrip("/").rsplit("/", 1)[0] + "/"
    for url in (f"{base}/", hub_url, f"{base}/search/?q=lupus", f"{base}/no-such-page/"):
        visit(page, url)
    visit(page, article_url)
    page.get_by_role("button", name="Save for later").click()
    expect(page.get_by_role("button", name="Remove from reading list")).to_be_visible()
    # The print button is portal.js at work; printing itself is the browser's dialog.
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print this page").click()
    assert page.evaluate("window.printed")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    page.emulate_media(media="screen")
    visit(page, f"{base}/reading-list/")
    expect(page.get_by_role("main").get_by_role("link", name=ARTICLE_TITLE)).to_be_visible()
    assert csp_reports == []


def test_api_docs_render_every_operation(csp_reports, page, portal_url):
    visit(page, f"{portal_url}/api/v1/docs/")
    operations = page.locator(".opblock")
    expect(operations.first).to_be_visible()
    assert operations.count() >= 10
    operations.first.locator(".opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    # Without a token the API answers 401; what matters is that the call was made.
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_have_text(
        "401"
    )
    assert csp_reports == []


def test_admin_dashboard_explorer_and_listings(csp_reports, admin_page, portal_url):
    page = admin_page
    base = portal_url
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    visit(page, f"{base}/admin/pages/")
    page.get_by_role("link", name="Explore child pages of 'Patient education'").click()
    page.wait_for_load_state("networkidle")
    # The explorer's date filter got its date picker.
    date_filter = page.locator("input[name=latest_revision_created_at_from]")
    assert date_filter.evaluate("input => !!window.jQuery(input).data('xdsoft_datetimepicker')")
    for path in ("/admin/snippets/education/condition/", "/admin/images/", "/admin/documents/"):
        visit(page, base + path)
        expect(page.locator("main")).to_be_visible()
    assert csp_reports == []


def test_admin_page_editor_stream_field_and_preview(csp_reports, admin_page, portal_url):
    page = admin_page
    visit(page, f"{portal_url}/admin/pages/")
    page.get_by_role("link", name="Explore child pages of 'Patient education'").click()
    page.get_by_role("link", name=re.compile("^Explore child pages of 'Autoimmune")).click()
    page.get_by_role("link", name=SEED_ARTICLE).first.click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    page.wait_for_load_state("networkidle")

    # The preview beside the editor: the portal's page, framed by the admin.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("iframe[title='Preview']").first
    expect(preview.get_by_role("heading", level=1)).to_have_text(SEED_ARTICLE, timeout=20_000)

    key_points = page.locator("[data-contentpath=body] .c-sf-block__type", has_text="Key points")
    expect(key_points.first).to_be_visible()
    before = key_points.count()
    page.locator("[data-contentpath=body] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Key points").click()
    expect(key_points).to_have_count(before + 1)
    page.wait_for_load_state("networkidle")
    assert csp_reports == []


def test_admin_condition_editor_inline_panels_and_chooser(csp_reports, admin_page, portal_url):
    page = admin_page
    visit(page, f"{portal_url}/admin/snippets/education/condition/")
    page.get_by_role("link", name="Lupus", exact=True).first.click()
    page.wait_for_load_state("networkidle")

    codes = page.locator("#id_codes-FORMS > *")
    before = codes.count()
    page.get_by_role("button", name="Add code").click()
    expect(codes).to_have_count(before + 1)

    page.get_by_role("button", name="Add related condition").click()
    new_related = page.locator("#id_related_links-FORMS > *").last
    new_related.get_by_role("button", name=re.compile("Choose")).click()
    page.locator(".modal").get_by_role("link", name="Fibromyalgia").click()
    expect(new_related.locator("[data-chooser-title]")).to_have_text("Fibromyalgia")
    assert csp_reports == []


def test_admin_image_upload_and_focal_point_editor(csp_reports, admin_page, portal_url, tmp_path):
    page = admin_page
    image = tmp_path / "trigger-points.png"
    Image.new("RGB", (8, 6), "teal").save(image)
    visit(page, f"{portal_url}/admin/images/multiple/add/")
    page.set_input_files("#fileupload", str(image))
    expect(page.locator("#upload-list .status-msg.success")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert csp_reports == []

    delete = page.locator("#upload-list").get_by_role("link", name="Delete")
    image_id = re.search(r"/multiple/(\d+)/delete/", delete.get_attribute("href"))[1]
    visit(page, f"{portal_url}/admin/images/{image_id}/")
    expect(page.locator(".jcrop-holder")).to_be_visible()
    # The focal-point tool (Jcrop) probes for touch events by setting on… attributes on
    # an element it throws away: reported, and harmless. Nothing else may be.
    others = [
        report
        for report in csp_reports
        if "jquery.Jcrop.min.js" not in report and "inline event handler" not in report
    ]
    assert others == []
