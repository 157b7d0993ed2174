"""Real-browser tests: Playwright driving Debian's Chromium against a real portal server.

The server is `manage.py runserver` in its own process on its own SQLite file, set up
the way `make run` does it (migrate, load the seed content), so the browser sees
exactly what a patient would. `playwright install` cannot download browsers here, so
the tests launch the system Chromium. Without it they are skipped, unless
REQUIRE_BROWSER_TESTS is set (as in CI), where a missing browser is a failure.
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

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
PATIENT_USERNAME = "pat"
PATIENT_PASSWORD = "browser-patient-pass-1"
# From `load_education_content --demo-accounts`.
ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "admin-demo-pass"
DEMO_PATIENT_USERNAME = "patient"
DEMO_PATIENT_PASSWORD = "patient-demo-pass"
PROJECT = Path(__file__).resolve().parents[2]
# The demo admin's authenticator app: a known key, so the tests can make its codes.
ADMIN_TOTP_KEY = "3132333435363738393031323334353637383930"
CREATE_USERS = f"""
from django.contrib.auth.models import Group, User
from django_otp.plugins.otp_totp.models import TOTPDevice
user = User.objects.create_user({PATIENT_USERNAME!r}, "pat@example.org", {PATIENT_PASSWORD!r})
user.groups.add(Group.objects.get(name="Patients"))
TOTPDevice.objects.create(
    user=User.objects.get(username={ADMIN_USERNAME!r}), name="App", key={ADMIN_TOTP_KEY!r}
)
"""


@pytest.fixture(scope="session")
def chromium_path():
    if shutil.which(CHROMIUM):
        return CHROMIUM
    if os.environ.get("REQUIRE_BROWSER_TESTS"):
        pytest.fail(f"Chromium not found at {CHROMIUM}; install Debian's chromium package.")
    pytest.skip(f"Chromium not found at {CHROMIUM}")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def portal_url(chromium_path, tmp_path_factory):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('portal') / 'browser.sqlite3'}",
    }
    manage = [sys.executable, str(PROJECT / "manage.py")]
    for command in (
        ["migrate", "--noinput"],
        ["load_education_content", "--demo-accounts"],
        ["shell", "-c", CREATE_USERS],
    ):
        subprocess.run([*manage, *command], env=env, cwd=PROJECT, check=True, capture_output=True)
    port = free_port()
    server = subprocess.Popen(
        [*manage, "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{url}/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("The portal server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


# Module scope: Playwright's sync API leaves its event loop registered while it runs,
# and Django then refuses database calls in later tests as if they were async code.
@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def csp_reports(page):
    """Every Content-Security-Policy violation in the page or its frames, as it happens.

    Both the browser's own console messages and the `securitypolicyviolation` events,
    so a report is caught whichever way Chromium gives it.
    """
    reports = []
    page.context.expose_binding("reportCspViolation", lambda source, report: reports.append(report))
    page.context.add_init_script(
        """document.addEventListener("securitypolicyviolation", (event) =>
            window.reportCspViolation(
                `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
                `in ${event.sourceFile || event.documentURI}:${event.lineNumber}`));"""
    )
    page.on(
        "console",
        lambda message: (
            reports.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return reports


_last_code_step = []


def admin_code():
    """The admin's current code. A code is accepted once, so a second sign-in within
    the same 30-second step waits for the next one."""
    from django_otp.oath import totp

    if _last_code_step and _last_code_step[-1] == int(time.time()) // 30:
        time.sleep(30.5 - time.time() % 30)
    _last_code_step.append(int(time.time()) // 30)
    return f"{totp(bytes.fromhex(ADMIN_TOTP_KEY)):06d}"


@pytest.fixture(scope="module")
def admin_cookies(browser, portal_url):
    """A Wagtail admin session of the superuser, password and second factor passed."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{portal_url}/admin/login/")
    page.get_by_label("Username").fill(ADMIN_USERNAME)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{portal_url}/admin/two-factor/verify/**")
    page.get_by_label("Code from your authenticator app").fill(admin_code())
    page.get_by_role("button", name="Verify").click()
    page.wait_for_url(f"{portal_url}/admin/")
    cookies = context.cookies()
    context.close()
    return cookies


@pytest.fixture
def admin_page(page, portal_url, admin_cookies):
    """The page, signed in to the Wagtail admin as a superuser."""
    page.context.add_cookies(admin_cookies)
    page.goto(f"{portal_url}/admin/")
    return page


@pytest.fixture
def signed_in(page, portal_url):
    page.goto(f"{portal_url}/accounts/login/")
    page.get_by_label("Username").fill(PATIENT_USERNAME)
    page.get_by_label("Password").fill(PATIENT_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{portal_url}/")
    return page
