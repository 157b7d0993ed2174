"""Double quotes in `q` are searched for as words, never a server error (SQLite's
full-text search fails on a quote left open)."""

import pytest


@pytest.mark.parametrize("typed", ['"sleep', 'lupus "and sleep', '"', 'Á>="PU'])
@pytest.mark.parametrize("path", ["/api/v1/articles/", "/api/v1/conditions/"])
def test_quotes_in_q_are_no_error(
    make_condition, make_article, make_api_user, api_client_for, path, typed
):
    lupus = make_condition("lupus", "Lupus")
    make_article("Lupus and sleep", conditions=[lupus])
    api = api_client_for(make_api_user("reader", "Patients"))
    assert api.get(path, {"q": typed}).status_code == 200
