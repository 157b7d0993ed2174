"""Patient accounts: staff create them; patients choose their own password by email.

There is no self sign-up. A new patient has no usable password until they follow the
set-your-password link, which uses Django's password-reset tokens.
"""

import csv
import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

CSV_COLUMNS = ["username", "email", "first_name", "last_name"]


def patients_group():
    group, _ = Group.objects.get_or_create(name=settings.PATIENTS_GROUP)
    return group


def is_patient(user):
    return user.groups.filter(name=settings.PATIENTS_GROUP).exists()


def validate_patient(username, email):
    """Errors for a would-be patient, keyed by field, before anything is stored."""
    errors = {}
    User = get_user_model()
    username = (username or "").strip()
    if not username:
        errors["username"] = "A username is required."
    elif User.objects.filter(username__iexact=username).exists():
        errors["username"] = f"The username {username!r} is already taken."
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = f"{email!r} is not a valid email address."
    return errors


def send_set_password_email(user, base_url=None):
    base_url = (base_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")
    path = reverse(
        "password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    context = {"user": user, "link": f"{base_url}{path}"}
    send_mail(
        subject="Set your password for the patient education portal",
        message=render_to_string("registration/welcome_patient_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[user.email],
    )


def create_patient(username, email, first_name="", last_name=""):
    errors = validate_patient(username, email)
    if errors:
        raise ValidationError(errors)
    user = get_user_model().objects.create_user(
        username=username.strip(),
        email=email.strip(),
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    user.groups.add(patients_group())
    send_set_password_email(user)
    return user


def import_patients(csv_text):
    """Create every patient in the CSV, or none: returns the users, or raises with row errors."""
    reader = csv.DictReader(io.StringIO(csv_text))
    missing = [
        column for column in ("username", "email") if column not in (reader.fieldnames or [])
    ]
    if missing:
        raise ValidationError(f"The CSV needs the columns {', '.join(CSV_COLUMNS)}.")
    rows = list(reader)
    errors, seen = [], set()
    for line, row in enumerate(rows, start=2):
        row_errors = validate_patient(row.get("username"), row.get("email", ""))
        name = (row.get("username") or "").strip().lower()
        if name in seen:
            row_errors["username"] = f"The username {name!r} appears twice in the file."
        seen.add(name)
        errors += [f"Line {line}: {message}" for message in row_errors.values()]
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        return [
            create_patient(
                row["username"], row["email"], row.get("first_name", ""), row.get("last_name", "")
            )
            for row in rows
        ]
