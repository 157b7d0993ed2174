"""Password-reset emails sent by a background task, for every address asked about.

Django's reset view finds the account, makes a token and sends the email only for an
address that has an account, so how long it takes tells anyone which addresses do. Here
the request only queues a task with the address, known or not; the task does the rest.
Both answers do the same work and take the same time. The portal's form and the admin's
(Wagtail's, which differs only in its label) both queue.
"""

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django_tasks import task
from wagtail.admin.forms.auth import PasswordResetForm as AdminPasswordResetForm

# The views' options a task can carry (JSON): not the request, not the token generator.
CARRIED = (
    "subject_template_name",
    "email_template_name",
    "use_https",
    "from_email",
    "html_email_template_name",
    "extra_email_context",
)


@task(backend="background")
def send_password_reset(email, domain, site_name, options):
    """Django's own reset email, to each active account with this address (none, often)."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return
    extra = {"site_name": site_name, **(options.pop("extra_email_context", None) or {})}
    form.save(domain_override=domain, extra_email_context=extra, **options)


class QueuedPasswordReset:
    """Mixed into a reset form: `save` queues the email instead of sending it."""

    def save(self, domain_override=None, request=None, token_generator=None, **options):
        if token_generator not in (None, default_token_generator):
            raise ValueError("Only Django's token generator can be used from the queue.")
        site = get_current_site(request)
        send_password_reset.enqueue(
            self.cleaned_data["email"],
            domain_override or site.domain,
            domain_override or site.name,
            {name: value for name, value in options.items() if name in CARRIED},
        )


class PortalPasswordResetForm(QueuedPasswordReset, PasswordResetForm):
    pass


class StaffPasswordResetForm(QueuedPasswordReset, AdminPasswordResetForm):
    pass
