"""The admin's second-factor pages: set up an authenticator app, then enter its codes.

They live under the admin's address (registered in accounts/wagtail_hooks.py), so Wagtail
lets only signed-in staff reach them; the gate (StaffSecondFactorMiddleware) sends staff
here until verified.
"""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.debug import sensitive_post_parameters

from portal.http.redirects import safe_next_url

from . import devices

CODE_DIGITS = 6


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text=f"The {CODE_DIGITS} digits the app shows now. Each code works once.",
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def clean_code(self):
        # Apps show the code in two groups; accept it as typed.
        code = "".join(self.cleaned_data["code"].split())
        if len(code) != CODE_DIGITS or not (code.isascii() and code.isdigit()):
            raise ValidationError(f"Enter the {CODE_DIGITS} digits your authenticator app shows.")
        return code


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    return safe_next_url(request, url, reverse("wagtailadmin_home"))


def redirect_keeping_next(request, view_name):
    return redirect(f"{reverse(view_name)}?{urlencode({'next': next_url(request)})}")


@sensitive_post_parameters("code")
def setup(request):
    if devices.has_device(request.user):
        return redirect_keeping_next(request, "two_factor_verify")
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if devices.enrol(request, form.cleaned_data["code"]):
            messages.success(
                request,
                "Two-factor sign-in is set up. The admin will ask for a code from your "
                "authenticator app each time you sign in.",
            )
            return redirect(next_url(request))
        form.add_error(
            "code",
            "That code does not match. Check that your phone's clock is set automatically, "
            "then enter the code the app shows now.",
        )
    context = {
        "form": form,
        "enrolment": devices.pending_enrolment(request),
        "next": next_url(request),
    }
    return TemplateResponse(request, "two_factor/setup.html", context)


@sensitive_post_parameters("code")
def verify(request):
    device = devices.device_for(request.user)
    if device is None:
        return redirect_keeping_next(request, "two_factor_setup")
    if request.user.is_verified():
        return redirect(next_url(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_valid():
        result = devices.verify(request, device, form.cleaned_data["code"])
        if result.verified:
            return redirect(next_url(request))
        if result.locked_until:
            status = 429
            form.add_error(
                "code",
                f"Too many wrong codes. Wait {result.wait_seconds} seconds, then enter the "
                "code the app shows now.",
            )
        else:
            form.add_error(
                "code",
                "That code is not right, or it has been used already. Enter the code the app "
                "shows now.",
            )
    context = {"form": form, "next": next_url(request)}
    return TemplateResponse(request, "two_factor/verify.html", context, status=status)
