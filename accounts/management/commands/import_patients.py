from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.patients import CSV_COLUMNS, import_patients


class Command(BaseCommand):
    help = (
        f"Create patients from a CSV file with the columns {', '.join(CSV_COLUMNS)}. "
        "Either every row is created or none is."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)

    def handle(self, csv_file, **options):
        try:
            text = csv_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {csv_file}: {error}") from error
        try:
            users = import_patients(text)
        except ValidationError as error:
            raise CommandError("No patients were created.\n" + "\n".join(error.messages)) from error
        for user in users:
            self.stdout.write(f"Created patient {user.username} <{user.email}>")
        self.stdout.write(f"{len(users)} patients created; each was emailed a set-password link.")
