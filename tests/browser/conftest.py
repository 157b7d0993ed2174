"""Real-browser tests: Playwright driving Debian's Chromium against a live test server.

`playwright install` cannot download browsers here, so the tests launch the system
Chromium. Without it they are skipped, unless REQUIRE_BROWSER_TESTS is set (as in CI),
where a missing browser is a failure.
"""

import io
import os
import shutil

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PATIENT_PASSWORD = "browser-patient-pass-1"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests
# make for set-up are ordinary synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("REQUIRE_BROWSER_TESTS"):
            pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def seeded(transactional_db, django_db_serialized_rollback):
    # The live server needs committed data; serialized rollback restores what migrations made.
    call_command("load_education_content", stdout=io.StringIO())
    patient = User.objects.create_user("pat", "pat@example.org", PATIENT_PASSWORD)
    patient.groups.add(Group.objects.get(name="Patients"))
    return patient


@pytest.fixture
def signed_in(page, live_server, seeded):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill("pat")
    page.get_by_label("Password").fill(PATIENT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/")
    return page
