"""The logs: one JSON object a line on stderr, each with the request it is about.

A line has the time, level, logger and message; for a request, its id (the X-Request-ID
of its answer, `request_ids.py`), method, path and status; and the traceback of an
exception. Never the query string, body, cookies or other headers: they carry passwords,
tokens and what patients search for. JSON keeps a line one line whatever it holds.

Written are every 5xx (Django's `django.request` logs them, a database outage's 503
included, with the traceback when an exception caused it) and every warning, but not
4xx answers (the client's mistake, and scanners make many) nor django-axes' note of each
failed sign-in (it names the username typed, at times a password in the wrong box; the
lockout keeps its own records).
"""

import json
import logging
from datetime import UTC, datetime

from .request_ids import current_request


class JsonLines(logging.Formatter):
    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        # Django's request loggers pass the request, even after the answer has left the
        # middleware; other lines are written while it is being answered.
        request = getattr(record, "request", None) or current_request.get()
        if request is not None:
            line["request_id"] = getattr(request, "request_id", None)
            line["method"] = getattr(request, "method", None)
            line["path"] = getattr(request, "path", None)
        if hasattr(record, "status_code"):
            line["status"] = record.status_code
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


STDERR_JSON_LINES = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": JsonLines}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "json", "level": "WARNING"}
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # Only through the root: not also Django's own console and email handlers.
        "django": {"handlers": []},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "ERROR"},
    },
}
