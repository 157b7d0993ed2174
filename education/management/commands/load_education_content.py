from django.core.management.base import BaseCommand, CommandError

from education.seed.loader import ContentLoadError, load_education_content


class Command(BaseCommand):
    help = (
        "Load the seed education content: the site tree, the conditions and the article. "
        "Creates only what is missing and leaves existing items as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--demo-accounts",
            action="store_true",
            help="Also create demo logins (admin, editor, reviewer, patient) where the "
            "settings allow them (ALLOW_DEMO_ACCOUNTS).",
        )

    def handle(self, *args, demo_accounts, **options):
        try:
            report = load_education_content(demo_accounts=demo_accounts)
        except ContentLoadError as error:
            raise CommandError(error) from error
        for line in [*report.lines, *report.logins]:
            self.stdout.write(line)
