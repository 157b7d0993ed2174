"""Staff's second factor in tests: an enrolled authenticator, its codes, a verified session.

Browser tests can do the same against the server's database: read the user's
TOTPDevice key and compute the current code with `django_otp.oath.totp`.
"""

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.test.utils import WagtailPageTestCase


def enrolled_device(user):
    """The user's confirmed authenticator, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator app")


def code_for(device, steps_ahead=0):
    """The code the person's app shows now (or that many 30-second steps later)."""
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift + steps_ahead)
    return f"{value:0{device.digits}d}"


def pass_second_factor(client, user):
    """Marks the client's session verified, as django_otp.login does after a right code."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = enrolled_device(user).persistent_id
    session.save()
    return client


def signed_in(user):
    """A browser past the password only."""
    client = Client()
    client.force_login(user)
    return client


def verified_client(user):
    """A browser signed in as a staff member who has passed the second factor."""
    client = Client()
    client.force_login(user)
    return pass_second_factor(client, user)


class StaffPageTestCase(WagtailPageTestCase):
    """Wagtail's page test case, whose login() also passes the admin's second factor."""

    def login(self, *args, **kwargs):
        user = super().login(*args, **kwargs)
        pass_second_factor(self.client, user)
        return user
