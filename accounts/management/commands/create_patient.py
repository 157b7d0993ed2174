from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.patients import create_patient


class Command(BaseCommand):
    help = "Create a patient account and email them a link to set their password."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("email")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")

    def handle(self, username, email, first_name, last_name, **options):
        try:
            user = create_patient(username, email, first_name, last_name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Created patient {user.username}; a set-password link went to {email}.")
