"""Whether a signed-in user works in the admin: asked once, at sign-in, and kept in the
session, so the portal's pages need not ask for their permissions on every request
(patients never have any). Templates read it as `request.session.uses_admin`.

A change of someone's admin access shows in the portal from their next sign-in; the
admin itself checks permissions on every request.
"""

from django.contrib.auth import SESSION_KEY

USES_ADMIN = "uses_admin"


def note_admin_access(sender, request, user, **kwargs):
    # Signing in to the API starts no session: only a session sign-in is noted.
    if request is not None and request.session.get(SESSION_KEY) == str(user.pk):
        request.session[USES_ADMIN] = user.has_perm("wagtailadmin.access_admin")
