"""gunicorn in production: `gunicorn -c gunicorn.conf.py`. Every value comes from the environment.

Run it behind a reverse proxy that buffers slow clients (sync workers hold one request each).
"""

import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
# Sync workers: one request at a time each. About 2 per core for this app (it waits on the
# database); WEB_CONCURRENCY is the usual name for this on hosting platforms.
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1))))
worker_class = "sync"
# A request still running after this many seconds has its worker restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
# Restart workers now and then, spread out, so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# Access log to stdout unless GUNICORN_ACCESS_LOG names a file, or is empty for none.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
# The longest request line gunicorn reads (its maximum; the default is 4094), so that an
# address too long for the portal is refused by Django, in the API's JSON under /api/
# (portal/http/request_limits.py). Beyond 8190 bytes gunicorn answers with its own HTML
# 414, as the proxy in front may for what it will not pass on.
limit_request_line = 8190
# Only the local proxy may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: nothing here uses it, and two servers on one host would share its path.
control_socket_disable = True
