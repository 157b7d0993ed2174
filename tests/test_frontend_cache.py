"""Publishing purges a page from the CDN or caching proxy (wagtail.contrib.frontend_cache)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class PurgeRecorder(BaseHTTPRequestHandler):
    """A caching proxy's purge endpoint that only remembers what it was asked."""

    def do_PURGE(self):
        self.server.purges.append((self.path, self.headers["Host"]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purges = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def http_purge(settings, purge_server):
    # What FRONTEND_CACHE_PURGE_URL makes of it (tests/test_settings.py).
    settings.WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{purge_server.server_address[1]}",
        }
    }
    return purge_server.purges


def test_publishing_and_unpublishing_purge_the_page(http_purge, make_article):
    article = make_article(title="Lupus and muscle pain")
    assert (article.url, "localhost") in http_purge
    http_purge.clear()
    article.unpublish()
    assert (article.url, "localhost") in http_purge


def test_saving_a_draft_purges_nothing(http_purge, make_article):
    article = make_article(title="Lupus and muscle pain")
    http_purge.clear()
    article.title = "Lupus and muscle pain, a new draft"
    article.save_revision()
    assert http_purge == []


def test_without_a_purge_url_nothing_is_sent(purge_server, make_article):
    make_article(title="Lupus and muscle pain")
    assert purge_server.purges == []
