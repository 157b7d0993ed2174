from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.two_factor import devices


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator app, e.g. after a lost phone. Their sessions "
        "lose admin access at once; they set up a new app at their next admin sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist as error:
            raise CommandError(f"No user called {username!r}.") from error
        if not devices.reset(user):
            self.stdout.write(f"{username} has no authenticator app set up; nothing to reset.")
            return
        self.stdout.write(
            f"Removed {username}'s authenticator app. They set up a new one at their next "
            "admin sign-in."
        )
