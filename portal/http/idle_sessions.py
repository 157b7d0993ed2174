"""Signed-in sessions end after SESSION_COOKIE_AGE idle, without a write on every request.

Saving a session pushes its expiry on by the whole age. Saving it on every request (as
SESSION_SAVE_EVERY_REQUEST does) costs every page a write; here a session is saved only
when its last push is SESSION_REFRESH_SECONDS old, so a session ends after between the
age less that interval and the age of idleness (27 to 30 minutes by default).
"""

import time

from django.conf import settings

REFRESHED_AT = "_session_refreshed_at"


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = request.session
        # No session is started for a visitor who has none (the sign-in page, say).
        if not session.is_empty():
            now = int(time.time())
            if now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_SECONDS:
                session[REFRESHED_AT] = now  # saved, and the expiry pushed on, by Django
        return response
