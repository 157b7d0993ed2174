"""The portal's sign-in form: Django's, refusing an overlong username before trying it.

Django's form shows the username's maximum length to browsers but does not check it, so
a longer one reached `authenticate()`, and django-axes then stored it with the failure in
a 255-character column: a 500 on PostgreSQL. No account can have such a username, so it
is a form error and no sign-in is tried (nor counted: it could never succeed).
"""

from django import forms
from django.contrib.auth.forms import AuthenticationForm


class SignInForm(AuthenticationForm):
    def clean(self):
        username = self.cleaned_data.get("username")
        longest = self.fields["username"].max_length
        if username is not None and len(username) > longest:
            # Not the field's own error: the page shows only errors about the whole form.
            raise forms.ValidationError(
                f"A username has at most {longest} characters.", code="username_too_long"
            )
        return super().clean()
