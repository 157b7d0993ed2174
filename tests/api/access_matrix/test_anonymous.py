"""Anonymous requests: a JSON 401 at every API address, never a redirect, never content.

Unknown API addresses answer JSON too, never a portal page.
"""

import pytest
from rest_framework.test import APIClient

from education.models import ReadingRecord
from tests.access_content import RESTRICTED

from .helpers import assert_no_hidden_text, every_get


def anonymous_requests(content):
    ids = [content[key].pk for key in ("live", "restricted", "draft")]
    requests = [("get", path) for path in every_get(content)]
    requests += [("post", "/api/v1/me/saved/"), ("post", "/api/v1/auth/logout/")]
    requests += [("post", "/api/v1/auth/logout-all/")]
    requests += [("delete", f"/api/v1/me/saved/{pk}/") for pk in ids]
    return requests


def test_anonymous_gets_a_json_401_everywhere(content):
    for method, path in anonymous_requests(content):
        data = {"article": content["live"].pk} if method == "post" else None
        response = getattr(APIClient(), method)(path, data, format="json")
        assert response.status_code == 401, (method, path, response.status_code)
        assert "Location" not in response, path
        assert response["Content-Type"] == "application/json", path
        assert response["WWW-Authenticate"] == "Bearer", path
        body = response.json()
        assert set(body) == {"detail", "code"}, path
        assert body["code"] == "not_authenticated", path
        assert "Lupus" not in response.content.decode()
        assert_no_hidden_text(response.content.decode(), "anonymous", path)
        for text in RESTRICTED:
            assert text not in response.content.decode()
    assert not ReadingRecord.objects.exists()


@pytest.mark.parametrize(
    "path",
    ["/api/v1/nope/", "/api/v1/articles/1/nope/", "/api/v1/me/saved/abc/", "/api/v1/articles/abc/"],
)
def test_unknown_api_addresses_are_json_not_a_portal_page(client, content, path):
    for api in (APIClient(), client):
        response = api.get(path)
        assert response.status_code in (401, 404), path
        assert "Location" not in response, path
        assert response["Content-Type"] == "application/json", path
        assert set(response.json()) >= {"detail", "code"}
