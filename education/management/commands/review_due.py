from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from education.features.review_cycle import due_for_review


class Command(BaseCommand):
    help = (
        "List published articles and conditions overdue for clinical review, never reviewed, "
        "or due within 30 days. Exits with status 1 when anything is overdue or never "
        "reviewed, so a scheduled job can raise the alarm."
    )

    def handle(self, *args, **options):
        items = due_for_review()
        if not items:
            self.stdout.write("Nothing is overdue or due for clinical review in the next 30 days.")
            return
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        for item in items:
            due = item.next_review_due.isoformat() if item.next_review_due else "-"
            self.stdout.write(
                f"{item.status_label:<18}  {due:<10}  {item.kind_label:<9}  {item.title}  "
                f"{base_url}{item.edit_url}"
            )
        needing_review = sum(item.needs_review for item in items)
        if needing_review:
            raise CommandError(
                f"{needing_review} published item(s) overdue for clinical review or never reviewed."
            )
