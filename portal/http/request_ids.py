"""Every request has an id: in the X-Request-ID header of its answer and in every log line
about it (`logs.py`), so a report of an error leads to its traceback.

The proxy in front may send its own id, so that one request can be followed through both
logs. It is kept only if it is a short safe token, as it is written into headers and
logs; anything else gets a new id.
"""

import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")

# The request being answered, for log lines whose logger was not given it.
current_request = ContextVar("current_request", default=None)


class RequestIdMiddleware:
    """First in MIDDLEWARE, so that an error in any other middleware is logged with the id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        offered = request.headers.get(HEADER, "")
        request.request_id = offered if SAFE_ID.fullmatch(offered) else uuid.uuid4().hex
        answering = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(answering)
        response[HEADER] = request.request_id
        return response
