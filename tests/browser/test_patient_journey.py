"""A patient's journey in a real browser, and axe-core on every page type."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import PATIENT_PASSWORD, PATIENT_USERNAME

pytestmark = pytest.mark.browser

ARTICLE_TITLE = re.compile("autoimmune", re.IGNORECASE)


def test_sign_in_find_lupus_save_print_sign_out(page, portal_url):
    base = portal_url
    page.goto(f"{base}/reading-list/")
    # Sent to sign in, then back to where the patient was going.
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/reading-list/"))
    page.get_by_label("Username").fill(PATIENT_USERNAME)
    page.get_by_label("Password").fill(PATIENT_PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/reading-list/")

    page.get_by_role("link", name="Search").click()
    page.get_by_label(re.compile("Search for")).fill("lupus")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Lupus", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lupus")

    page.get_by_role("main").get_by_role("link", name=ARTICLE_TITLE).first.click()
    article_url = page.url
    expect(page.get_by_role("table")).to_be_visible()
    page.get_by_role("button", name="Save for later").click()
    expect(page.get_by_role("button", name="Remove from reading list")).to_be_visible()

    page.get_by_role("link", name="My reading list").click()
    expect(page.get_by_role("main")).to_contain_text("Not read yet")
    page.get_by_role("main").get_by_role("link", name=ARTICLE_TITLE).click()
    expect(page).to_have_url(article_url)

    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".article-actions")).to_be_hidden()
    printed_link = page.locator("main a[href^='http']").first
    after = printed_link.evaluate("a => getComputedStyle(a, '::after').content")
    assert printed_link.get_attribute("href") in after
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile("/accounts/login/"))
    page.go_back()
    # The signed-in page was never stored, so going back asks the server, which says sign in.
    expect(page).to_have_url(re.compile("/accounts/login/"))
    expect(page.get_by_role("main")).not_to_contain_text("Save for later")
    assert "<table" not in page.content()


def test_keyboard_alone_reaches_content_through_the_skip_link(signed_in):
    page = signed_in
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("width", [1280, 360])
def test_every_page_type_has_no_axe_violations(signed_in, portal_url, width):
    page = signed_in
    page.set_viewport_size({"width": width, "height": 800})
    base = portal_url
    page.goto(f"{base}/conditions/lupus/")
    article = page.get_by_role("main").get_by_role("link", name=ARTICLE_TITLE).first
    article_href = article.get_attribute("href")
    hub_href = article_href.rstrip("/").rsplit("/", 1)[0] + "/"
    urls = {
        "home": "/",
        "hub": hub_href,
        "article": article_href,
        "condition": "/conditions/lupus/",
        "search results": "/search/?q=lupus",
        "search, nothing found": "/search/?q=zzzzqqq",
        "reading list": "/reading-list/",
        "not found": "/no-such-page/",
    }
    axe = Axe()
    failures = {}
    for name, path in urls.items():
        page.goto(base + path)
        results = axe.run(page)
        if results.violations_count:
            failures[name] = results.generate_report()
        # Nothing may be wider than the screen (reflow without sideways scrolling).
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), name
    page.get_by_role("button", name="Sign out").click()
    for path in ("/accounts/login/", "/accounts/password_reset/"):
        page.goto(base + path)
        results = axe.run(page)
        if results.violations_count:
            failures[path] = results.generate_report()
    assert not failures, failures
