"""Asking for a password reset does the same work whether or not the address has an
account: the request queues a task with the address (here in the database, as in
production), and the worker finds the account and sends the email.

The email backend is slow, as a real SMTP server is: if a request sent the email itself,
the known address would answer later than the unknown one and give it away.
"""

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

UNKNOWN = "nobody-here@example.org"


class SlowEmailBackend(EmailBackend):
    """The test outbox, noting every send (a real server takes tens of milliseconds)."""

    sends = 0

    def send_messages(self, messages):
        type(self).sends += 1
        return super().send_messages(messages)


@pytest.fixture
def queued(settings, monkeypatch):
    # The worker's loop closes a connection it finds inside a transaction, as every test's
    # is: on PostgreSQL that would end the test's own. Its tasks run the same without.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    database_queue = {"BACKEND": "django_tasks_db.DatabaseBackend"}
    settings.TASKS = {**settings.TASKS, "background": database_queue}
    settings.EMAIL_BACKEND = f"{__name__}.SlowEmailBackend"
    SlowEmailBackend.sends = 0


def run_worker():
    call_command("db_worker", "--backend", "background", "--batch", "--no-startup-delay")


def ask_for_reset(path, email):
    with CaptureQueriesContext(connection) as queries:
        response = Client().post(path, {"email": email})
    assert response.status_code == 302
    return response, [query["sql"].split(" ")[0] for query in queries.captured_queries]


@pytest.mark.parametrize("path", ["/accounts/password_reset/", "/admin/password_reset/"])
def test_known_and_unknown_addresses_do_the_same_work(queued, patient, path):
    known, known_queries = ask_for_reset(path, patient.email)
    unknown, unknown_queries = ask_for_reset(path, UNKNOWN)
    assert known["Location"] == unknown["Location"]
    assert known_queries == unknown_queries  # one INSERT of the task each, nothing else
    assert SlowEmailBackend.sends == 0
    assert DBTaskResult.objects.count() == 2

    run_worker()
    [message] = mail.outbox
    assert message.to == [patient.email]
    assert SlowEmailBackend.sends == 1
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}


def test_the_queued_email_resets_the_password(queued, patient):
    client = Client()
    client.post("/accounts/password_reset/", {"email": patient.email})
    run_worker()
    [message] = mail.outbox
    link = next(line for line in message.body.splitlines() if "/accounts/reset/" in line)
    assert link.startswith("http://testserver/accounts/reset/")
    form_page = client.get(link.removeprefix("http://testserver"), follow=True)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "my-own-long-pass-3", "new_password2": "my-own-long-pass-3"},
    )
    assert response.status_code == 302
    patient.refresh_from_db()
    assert patient.check_password("my-own-long-pass-3")


def test_an_invalid_address_is_a_form_error_and_queues_nothing(queued, db):
    response = Client().post("/accounts/password_reset/", {"email": "not an address"})
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()
    assert not DBTaskResult.objects.exists()
