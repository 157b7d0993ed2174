"""Signing in and out, lockout, idle sessions, and how patients get their accounts."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from tests.two_factor_helpers import pass_second_factor

PASSWORD = "correct-horse-battery"


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def patient(db):
    user = User.objects.create_user("pat", "pat@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Patients"))
    return user


@pytest.mark.parametrize(
    "path",
    ["/accounts/login/", "/accounts/password_reset/", "/accounts/password_reset/done/", "/healthz"],
)
def test_public_paths_need_no_sign_in(client, db, path):
    assert client.get(path).status_code == 200


def test_healthz_is_json(client, db):
    assert client.get("/healthz").json() == {"status": "ok"}


def test_sign_in_returns_to_where_the_patient_was_going(client, patient):
    response = client.get("/reading-list/")
    assert response["Location"] == "/accounts/login/?next=/reading-list/"
    response = client.post(
        "/accounts/login/?next=/reading-list/",
        {"username": "pat", "password": PASSWORD, "next": "/reading-list/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/reading-list/"


@pytest.mark.parametrize(
    "next_url", ["https://elsewhere.example/", "//elsewhere.example/", "javascript:alert(1)"]
)
def test_next_may_only_point_inside_the_site(client, patient, next_url):
    response = client.post(
        "/accounts/login/", {"username": "pat", "password": PASSWORD, "next": next_url}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_sign_in_rotates_the_session_key(client, patient):
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    client.post("/accounts/login/", {"username": "pat", "password": PASSWORD})
    assert client.session.session_key != before


def test_sign_out_is_post_only_and_ends_the_session(client, patient):
    client.force_login(patient)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response["Location"] == "/accounts/login/"
    assert client.get("/").status_code == 302


def test_wrong_password_and_unknown_user_get_the_same_answer(client, patient):
    wrong = client.post("/accounts/login/", {"username": "pat", "password": "nope-nope-1"})
    unknown = client.post("/accounts/login/", {"username": "nobody", "password": "nope-nope-1"})
    assert wrong.status_code == unknown.status_code == 200
    assert "Please enter a correct username and password" in wrong.content.decode()
    strip = lambda r: r.content.decode().replace('value="pat"', "").replace('value="nobody"', "")  # noqa: E731
    assert (
        strip(wrong).split("csrfmiddlewaretoken")[0]
        == strip(unknown).split("csrfmiddlewaretoken")[0]
    )


def locked_out(client, username, address="203.0.113.9", forwarded=None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.post(
        "/accounts/login/", {"username": username, "password": "wrong-password-0"}, **extra
    )


@pytest.mark.parametrize("username", ["pat", "nobody-by-this-name"])
def test_repeated_failures_lock_out_without_saying_if_the_account_exists(
    client, patient, settings, axes_on, username
):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert locked_out(client, username).status_code == 200
    response = locked_out(client, username)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many sign-in attempts" in body
    assert username not in body
    # The right password does not help while locked out, whatever the forwarded address.
    response = client.post(
        "/accounts/login/",
        {"username": "pat", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert response.status_code == 429


def test_changing_forwarded_for_does_not_reset_the_count(client, patient, settings, axes_on):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = locked_out(client, "pat", forwarded=f"198.51.100.{attempt}")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_patient_is_counted_by_their_own_address(
    client, patient, settings, axes_on
):
    # API_NUM_PROXIES=1: the entry the proxy added to X-Forwarded-For, never those before it.
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = "10.0.0.2"
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        response = locked_out(
            client, f"guess-{attempt}", address=proxy, forwarded=f"192.0.2.{attempt}, 198.51.100.7"
        )
    assert response.status_code == 429
    other_patient = Client().post(
        "/accounts/login/",
        {"username": "pat", "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert other_patient.status_code == 302


def test_idle_session_expires(client, patient, settings):
    with time_machine.travel("2026-01-01 09:00", tick=False) as traveller:
        client.post("/accounts/login/", {"username": "pat", "password": PASSWORD})
        traveller.shift(timedelta(seconds=settings.SESSION_COOKIE_AGE - 60))
        assert client.get("/reading-list/").status_code == 200
        # Activity pushed the expiry on; now stay idle past the limit.
        traveller.shift(timedelta(seconds=settings.SESSION_COOKIE_AGE + 60))
        response = client.get("/reading-list/")
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_password_change_ends_other_sessions(client, patient):
    other = type(client)()
    other.force_login(patient)
    client.force_login(patient)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "another-long-pass-7",
            "new_password2": "another-long-pass-7",
        },
    )
    assert response.status_code == 302
    assert client.get("/reading-list/").status_code == 200
    assert other.get("/reading-list/").status_code == 302


def test_create_patient_sends_a_working_set_password_link(client, db):
    call_command("create_patient", "newpat", "new@example.org", "--first-name", "Ana")
    user = User.objects.get(username="newpat")
    assert list(user.groups.values_list("name", flat=True)) == ["Patients"]
    assert not user.has_usable_password()
    assert not user.is_staff
    [message] = mail.outbox
    assert message.to == ["new@example.org"]
    link = next(line for line in message.body.splitlines() if "/accounts/reset/" in line)
    path = link.split("127.0.0.1:8000", 1)[1]
    form_page = client.get(path, follow=True)
    assert "Choose your password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "my-own-long-pass-3", "new_password2": "my-own-long-pass-3"},
    )
    assert response.status_code == 302
    signed_in = client.post(
        "/accounts/login/", {"username": "newpat", "password": "my-own-long-pass-3"}
    )
    assert signed_in.status_code == 302
    assert client.get("/reading-list/").status_code == 200


def test_create_patient_refuses_a_taken_username_and_changes_nothing(db, patient):
    with pytest.raises(CommandError, match="already taken"):
        call_command("create_patient", "PAT", "other@example.org")
    assert User.objects.filter(username__iexact="pat").count() == 1
    assert mail.outbox == []


def test_import_patients_is_all_or_nothing(tmp_path, db, patient):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "username,email,first_name,last_name\nann,ann@example.org,Ann,Lee\n"
        "bob,not-an-email,Bob,Ray\nann,ann2@example.org,Ann,Two\n"
    )
    with pytest.raises(CommandError) as error:
        call_command("import_patients", str(bad))
    assert "Line 3" in str(error.value) and "Line 4" in str(error.value)
    assert not User.objects.filter(username__in=["ann", "bob"]).exists()

    good = tmp_path / "good.csv"
    good.write_text("username,email\nann,ann@example.org\nbob,bob@example.org\n")
    call_command("import_patients", str(good))
    assert set(User.objects.filter(groups__name="Patients").values_list("username", flat=True)) == {
        "pat",
        "ann",
        "bob",
    }
    assert len(mail.outbox) == 2


def test_staff_creating_a_patient_in_the_admin_sends_the_email(client, db):
    admin = User.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    client.force_login(admin)
    pass_second_factor(client, admin)
    patients = Group.objects.get(name="Patients")
    response = client.post(
        "/admin/users/new/",
        {
            "username": "adminmade",
            "email": "made@example.org",
            "first_name": "Made",
            "last_name": "Here",
            "password1": "",
            "password2": "",
            "groups": [patients.pk],
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    user = User.objects.get(username="adminmade")
    assert not user.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["made@example.org"]


def test_patients_cannot_reach_the_admin(client, patient):
    client.force_login(patient)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert "/admin/pages/" not in response.content.decode()


@pytest.mark.parametrize("path", ["/", "/reading-list/", "/search/?q=pain"])
def test_signed_in_pages_are_never_stored_by_any_cache(client, patient, path):
    client.force_login(patient)
    response = client.get(path)
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


def test_readyz_reports_database_and_cache(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}


def test_readyz_is_503_when_the_cache_is_down(client, db, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "unavailable"}


def test_readyz_is_503_when_the_database_is_down(client, db, monkeypatch):
    from django.db import OperationalError, connection

    def broken(*args, **kwargs):
        raise OperationalError("database down")

    with monkeypatch.context() as patched:
        patched.setattr(connection, "cursor", broken)
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "unavailable"
