"""Staff's second factor: a code from an authenticator app (TOTP) before the admin.

Everyone who may reach the Wagtail admin passes it after the password, in every new
session; patients never meet it. django-otp keeps the devices, throttles wrong codes
(each failure doubles the wait: 1, 2, 4, 8 … seconds) and refuses a code that was
already used. The first time, a staff member enrols: the secret lives only in their
session until one code from the app proves it was copied, and only then is a device
saved. The enrolled device is the only way in: deleting it (`manage.py reset_two_factor`) sends
the person back to enrolment at their next admin request.
"""

import time
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime

import segno
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from wagtail.log_actions import log

from .. import sign_in_audit

DEVICE_NAME = "Authenticator app"
PENDING_SECRET_SESSION_KEY = "two_factor_pending_secret"


def required_for(user):
    """Whether this user must pass the second factor: anyone who may use the admin."""
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def device_for(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def has_device(user):
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


# Enrolment


@dataclass(frozen=True)
class Enrolment:
    """A secret waiting to be confirmed, with the two ways to copy it into an app."""

    secret_hex: str
    user: object

    @property
    def _device(self):
        return TOTPDevice(user=self.user, key=self.secret_hex, name=DEVICE_NAME)

    @property
    def secret_base32(self):
        """The secret as apps take it when typed in, in groups of four characters."""
        text = b32encode(self._device.bin_key).decode()
        return " ".join(text[i : i + 4] for i in range(0, len(text), 4))

    @property
    def qr_svg(self):
        # Drawn here as inline SVG: the secret never leaves the server for a QR service.
        qr = segno.make(self._device.config_url, error="m")
        return qr.svg_inline(
            scale=5, dark="#000", light="#fff", title="QR code for your authenticator app"
        )


def pending_enrolment(request):
    """The secret this session is enrolling, the same one until enrolment succeeds.

    Reloading the page keeps it, so a secret already scanned stays the one to confirm.
    """
    secret = request.session.get(PENDING_SECRET_SESSION_KEY)
    if secret is None:
        secret = random_hex(20)
        request.session[PENDING_SECRET_SESSION_KEY] = secret
    return Enrolment(secret_hex=secret, user=request.user)


def enrol(request, code):
    """Saves the pending secret as the user's device if `code` is its current code.

    Returns the device, or None (nothing saved). The code that confirmed the device is
    spent: it cannot be used again to verify.
    """
    enrolment = pending_enrolment(request)
    device = TOTPDevice(user=request.user, key=enrolment.secret_hex, name=DEVICE_NAME)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if not totp.verify(int(code), device.tolerance):
        _log(request, sign_in_audit.TWO_FACTOR_FAILED, stage="enrolment")
        return None
    if has_device(request.user):
        # Enrolled meanwhile in another tab: that device stands, and this secret is void.
        return None
    device.confirmed = True
    device.last_t = totp.t()
    device.drift = totp.drift
    device.save()
    del request.session[PENDING_SECRET_SESSION_KEY]
    _log(request, sign_in_audit.TWO_FACTOR_ENROLLED)
    mark_verified(request, device)
    return device


# Verification


@dataclass(frozen=True)
class Verification:
    verified: bool
    # Set while throttled: no code, right or wrong, is checked before then.
    locked_until: datetime | None = None

    @property
    def wait_seconds(self):
        return max(1, int((self.locked_until - timezone.now()).total_seconds() + 0.999))


def verify(request, device, code):
    """Checks `code` against the user's device; on success the session is verified."""
    # The row is locked while checked, so two requests at once cannot both use one code
    # or both slip past the throttle.
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, details = device.verify_is_allowed()
        if not allowed:
            return Verification(verified=False, locked_until=details["locked_until"])
        verified = device.verify_token(code)
    if not verified:
        _log(request, sign_in_audit.TWO_FACTOR_FAILED, stage="verification")
        return Verification(verified=False)
    mark_verified(request, device)
    return Verification(verified=True)


def mark_verified(request, device):
    otp_login(request, device)
    # A session that gains the admin gets a new key, as at the password sign-in.
    request.session.cycle_key()


# Reset


def reset(user):
    """Removes the user's devices; returns how many. Their sessions lose verification."""
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    if deleted:
        log(instance=user, action=sign_in_audit.TWO_FACTOR_RESET, user=None, data={})
    return deleted


def _log(request, action, **data):
    # Wagtail's log looks through one lazy wrapper to find the model; request.user has
    # two (the session's, then django-otp's), so it is given the plain instance.
    user = get_user_model()._default_manager.get(pk=request.user.pk)
    log(instance=user, action=action, user=user, data=sign_in_audit.sign_in_data(request) | data)
