"""Staff's second factor: nothing in the admin before a code from their authenticator app."""

import datetime
from base64 import b32encode
from datetime import timedelta
from urllib.parse import quote

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from accounts.sign_in_audit import TWO_FACTOR_ENROLLED, TWO_FACTOR_FAILED, TWO_FACTOR_RESET
from accounts.two_factor.devices import PENDING_SECRET_SESSION_KEY
from education.models import Condition

from .admin_helpers import CONDITIONS_URL, condition_form
from .two_factor_helpers import code_for, enrolled_device, signed_in, verified_client

SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"
NOW = datetime.datetime(2025, 3, 10, 9, 0, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    # Codes change every 30 seconds and the throttle counts seconds: time stands still
    # unless a test moves it.
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def pending_device(client):
    """The app as set up from the secret on this session's set-up page."""
    return TOTPDevice(key=client.session[PENDING_SECRET_SESSION_KEY])


def wrong_code(device):
    """A code the app does not show now, even allowing for a phone's clock a step off."""
    valid = {code_for(device, steps) for steps in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222") if code not in valid)


def errors(response):
    page = BeautifulSoup(response.content, "html.parser")
    return " ".join(error.get_text(" ", strip=True) for error in page.select(".error-message"))


def actions_for(user):
    return list(
        ModelLogEntry.objects.filter(object_id=str(user.pk), action__contains="two_factor")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


@pytest.fixture
def admin_urls(home_page, hub, make_article, make_condition, image):
    article = make_article()
    condition = make_condition("lupus", "Lupus")
    return {
        "dashboard": "/admin/",
        "page edit": f"/admin/pages/{article.pk}/edit/",
        "page preview": f"/admin/pages/{article.pk}/edit/preview/",
        "revision view": f"/admin/pages/{article.pk}/revisions/{article.latest_revision.pk}/view/",
        "snippet listing": CONDITIONS_URL,
        "snippet edit": f"{CONDITIONS_URL}edit/{condition.pk}/",
        "admin API JSON": "/admin/api/main/pages/",
        "page chooser": "/admin/choose-page/",
        "image served in the admin": f"/admin/images/{image.pk}/preview/original/",
        "site history": "/admin/reports/site-history/",
    }


# Who is asked, and where to


def test_staff_without_an_app_are_sent_to_set_up_from_every_kind_of_admin_url(editor, admin_urls):
    client = signed_in(editor)
    for name, url in admin_urls.items():
        response = client.get(url)
        assert response.status_code == 302, name
        assert response.url == f"{SETUP}?next={quote(url, safe='')}", name


def test_staff_with_an_app_are_sent_to_the_code_page_and_the_same_urls_then_open(
    admin_user, admin_urls
):
    enrolled_device(admin_user)
    client = signed_in(admin_user)
    for name, url in admin_urls.items():
        response = client.get(url)
        assert response.url == f"{VERIFY}?next={quote(url, safe='')}", name

    client = verified_client(admin_user)
    for name, url in admin_urls.items():
        assert client.get(url).status_code == 200, name


def test_the_icons_and_translations_the_second_factor_pages_load_are_served(editor):
    client = signed_in(editor)

    for url in ("/admin/sprite/", "/admin/jsi18n/"):
        assert client.get(url).status_code == 200, url


def test_an_unverified_post_changes_nothing(editor):
    response = signed_in(editor).post(f"{CONDITIONS_URL}add/", condition_form())

    assert response.url.startswith(SETUP)
    assert not Condition.objects.exists()


def test_the_password_sign_in_leads_to_the_code_and_then_where_the_person_was_going(editor):
    device = enrolled_device(editor)
    client = Client()
    response = client.post(
        "/admin/login/",
        {"username": "editor", "password": "editor-password-1", "next": "/admin/pages/"},
    )
    response = client.get(response.url)
    assert response.url == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"

    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/pages/"})

    assert response.url == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_patients_never_see_the_second_factor_and_stay_out_of_the_admin(patient, home_page):
    client = signed_in(patient)

    for url in ("/admin/", SETUP, VERIFY):
        response = client.get(url)
        assert response.url.startswith("/admin/login/"), url
    assert PENDING_SECRET_SESSION_KEY not in client.session
    assert client.get("/").status_code == 200
    assert not TOTPDevice.objects.exists()


def test_the_api_asks_no_second_factor(patient, editor):
    for username, password in (("patient", "patient-password-1"), ("editor", "editor-password-1")):
        response = Client().post(
            "/api/v1/auth/login/",
            {"username": username, "password": password},
            content_type="application/json",
        )
        assert response.status_code == 200
        token = response.json()["token"]
        response = Client().get("/api/v1/me/", HTTP_AUTHORIZATION=f"Bearer {token}")
        assert response.status_code == 200


def test_the_second_factor_pages_need_a_signed_in_user():
    for url in (SETUP, VERIFY):
        assert Client().get(url).url.startswith("/admin/login/")


# Setting up an app


def test_the_set_up_page_shows_the_secret_as_a_qr_code_and_as_text(editor):
    client = signed_in(editor)

    response = client.get(f"{SETUP}?next=/admin/pages/")

    assert "no-store" in response["Cache-Control"]  # the secret is on the page
    page = BeautifulSoup(response.content, "html.parser")
    assert page.body["class"] == ["login"]  # laid out as Wagtail's sign-in page
    svg = page.select_one("figure svg")
    assert svg.title.get_text() == "QR code for your authenticator app"
    secret = page.select_one("code.two-factor-secret").get_text().replace(" ", "")
    assert secret == b32encode(pending_device(client).bin_key).decode()
    # Nothing is fetched from elsewhere to draw it.
    assert not page.select("img[src^=http], script[src^=http], link[href^=http]")
    assert page.select_one("input[name=next]")["value"] == "/admin/pages/"
    # A reload shows the same secret: one already scanned stays the one to confirm.
    again = BeautifulSoup(client.get(SETUP).content, "html.parser")
    assert again.select_one("code.two-factor-secret").get_text().replace(" ", "") == secret


def test_the_code_field_is_labelled_and_asks_for_a_one_time_code(editor):
    page = BeautifulSoup(signed_in(editor).get(SETUP).content, "html.parser")

    field = page.select_one("input[name=code]")
    assert (
        page.select_one(f"label[for={field['id']}]")
        .get_text(strip=True)
        .startswith("Code from your authenticator app")
    )
    assert field["autocomplete"] == "one-time-code"
    assert field["inputmode"] == "numeric"


def test_a_wrong_code_at_set_up_saves_nothing(editor):
    client = signed_in(editor)
    client.get(SETUP)
    response = client.post(SETUP, {"code": wrong_code(pending_device(client))})

    assert response.status_code == 200
    assert "That code does not match" in errors(response)
    assert not TOTPDevice.objects.exists()
    assert client.get("/admin/").url.startswith(SETUP)
    assert actions_for(editor) == [TWO_FACTOR_FAILED]


def test_the_right_code_at_set_up_saves_the_app_and_opens_the_admin(editor):
    client = signed_in(editor)
    client.get(SETUP)
    session_key = client.session.session_key

    response = client.post(
        SETUP, {"code": code_for(pending_device(client)), "next": "/admin/pages/"}
    )

    assert response.url == "/admin/pages/"
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert client.get("/admin/pages/").status_code == 200
    assert client.session.session_key != session_key
    assert PENDING_SECRET_SESSION_KEY not in client.session
    assert actions_for(editor) == [TWO_FACTOR_ENROLLED]


def test_a_code_from_the_step_before_or_after_is_accepted_for_a_phone_clock_off_by_seconds(
    editor,
):
    client = signed_in(editor)
    client.get(SETUP)

    response = client.post(SETUP, {"code": code_for(pending_device(client), steps_ahead=1)})

    assert response.status_code == 302
    assert TOTPDevice.objects.filter(user=editor).exists()


def test_staff_with_an_app_cannot_set_up_another(editor):
    enrolled_device(editor)
    client = signed_in(editor)

    assert client.get(SETUP).url == f"{VERIFY}?next=%2Fadmin%2F"
    assert client.post(SETUP, {"code": "123456"}).url.startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_the_code_that_confirmed_the_app_cannot_be_used_to_sign_in(editor):
    client = signed_in(editor)
    client.get(SETUP)
    code = code_for(pending_device(client))
    client.post(SETUP, {"code": code})

    other = signed_in(editor)
    response = other.post(VERIFY, {"code": code})

    assert "has been used already" in errors(response)
    assert other.get("/admin/").url.startswith(VERIFY)


# Entering a code


@pytest.mark.parametrize(
    "code", ["", "abcdef", "12345", "1234567", "12\x003456", "１２３４５６", "9" * 20_000]
)
def test_malformed_codes_are_form_errors_that_do_not_count_as_tries(editor, code):
    device = enrolled_device(editor)
    client = signed_in(editor)

    response = client.post(VERIFY, {"code": code})

    assert response.status_code == 200
    assert errors(response)
    device.refresh_from_db()
    assert device.throttling_failure_count == 0


def test_a_code_typed_with_a_space_is_accepted(editor):
    device = enrolled_device(editor)
    code = code_for(device)
    client = signed_in(editor)

    assert client.post(VERIFY, {"code": f"{code[:3]} {code[3:]}"}).status_code == 302


def test_a_wrong_code_is_refused_and_logged(editor):
    device = enrolled_device(editor)
    client = signed_in(editor)
    wrong = wrong_code(device)

    response = client.post(VERIFY, {"code": wrong})

    assert response.status_code == 200
    assert "That code is not right" in errors(response)
    assert client.get("/admin/").url.startswith(VERIFY)
    assert actions_for(editor) == [TWO_FACTOR_FAILED]


def test_a_code_cannot_be_used_twice(editor):
    device = enrolled_device(editor)
    code = code_for(device)
    assert signed_in(editor).post(VERIFY, {"code": code}).status_code == 302

    thief = signed_in(editor)
    response = thief.post(VERIFY, {"code": code})

    assert "has been used already" in errors(response)
    assert thief.get("/admin/").url.startswith(VERIFY)


def test_repeated_wrong_codes_are_throttled_even_for_the_right_code(editor, frozen_clock):
    device = enrolled_device(editor)
    client = signed_in(editor)
    wrong = wrong_code(device)
    for _ in range(3):
        client.post(VERIFY, {"code": wrong})
        frozen_clock.shift(timedelta(seconds=10))
    client.post(VERIFY, {"code": wrong})  # the fourth in a row: 8 seconds' wait

    response = client.post(VERIFY, {"code": code_for(device)})

    assert response.status_code == 429
    assert "Too many wrong codes. Wait 8 seconds" in errors(response)
    assert client.get("/admin/").url.startswith(VERIFY)

    frozen_clock.shift(timedelta(seconds=8))
    device.refresh_from_db()
    assert client.post(VERIFY, {"code": code_for(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_code_page_sends_back_only_to_this_site(editor):
    device = enrolled_device(editor)
    client = signed_in(editor)

    response = client.post(VERIFY, {"code": code_for(device), "next": "https://elsewhere.example/"})

    assert response.url == "/admin/"


def test_a_verified_session_skips_the_code_page(editor_client):
    assert editor_client.get(f"{VERIFY}?next=/admin/pages/").url == "/admin/pages/"


def test_staff_without_an_app_are_sent_from_the_code_page_to_set_up(editor):
    assert signed_in(editor).get(VERIFY).url == f"{SETUP}?next=%2Fadmin%2F"


def test_the_code_page_offers_to_sign_out(editor):
    enrolled_device(editor)
    page = BeautifulSoup(signed_in(editor).get(VERIFY).content, "html.parser")

    assert page.select_one("form[action='/admin/logout/'] button").get_text() == "Sign out"


# Signing out, and resetting a lost app


def test_signing_out_ends_the_verification(editor):
    client = verified_client(editor)
    client.post("/admin/logout/")

    client.login(username="editor", password="editor-password-1")

    assert client.get("/admin/").url.startswith(VERIFY)


def test_reset_removes_the_app_and_the_admin_asks_to_set_up_again(editor, capsys):
    client = verified_client(editor)
    assert client.get("/admin/").status_code == 200

    call_command("reset_two_factor", "editor")

    assert "Removed editor's authenticator app" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert client.get("/admin/").url.startswith(SETUP)
    assert actions_for(editor) == [TWO_FACTOR_RESET]


def test_reset_of_someone_without_an_app_or_of_nobody(editor, capsys):
    call_command("reset_two_factor", "editor")
    assert "has no authenticator app" in capsys.readouterr().out
    assert not ModelLogEntry.objects.exists()

    with pytest.raises(CommandError, match="No user called 'nobody'"):
        call_command("reset_two_factor", "nobody")


def test_second_factor_events_show_in_the_site_history(admin_client, editor):
    enrolled_device(editor)
    signed_in(editor).post(VERIFY, {"code": wrong_code(enrolled_device(editor))})

    response = admin_client.get("/admin/reports/site-history/")

    assert "Wrong two-factor code after signing in with the password" in response.content.decode()
