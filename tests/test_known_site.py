"""The site answering a host, and its root page, come from the cache until a site or page
is published, changed or deleted."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site


def site_queries(client, path, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return response, [q["sql"] for q in queries if "wagtailcore_site" in q["sql"]]


def test_the_site_is_looked_up_once(patient_client, access_content):
    site_queries(patient_client, "/")
    _, queries = site_queries(patient_client, "/")
    assert queries == []


def test_a_new_site_for_the_host_is_used_at_once(patient_client, access_content, hub, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "clinic.example"]
    home, _ = site_queries(patient_client, "/", HTTP_HOST="clinic.example")
    assert b"<h1>Welcome" in home.content
    Site.objects.create(hostname="clinic.example", root_page=hub, site_name="Clinic")
    hub_page, _ = site_queries(patient_client, "/", HTTP_HOST="clinic.example")
    assert hub.title.encode() in hub_page.content
    assert b"<h1>Welcome" not in hub_page.content
