"""Where the product replaces a dependency's behaviour, the saving it buys, proven here.

Each would otherwise be a cost at every Wagtail upgrade with nothing to show for it:
- `PortalHomePage.route` finds a page by its address in one query, not two per level;
- rich-text page links are resolved from the page rows in one query;
- knox's private sweep of a user's other tokens is skipped on each request
  (tests/api/test_query_counts.py counts it);
- `BaseChooser.render` writes no inline script (tests/browser/test_content_security_policy.py).
"""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.rich_text import expand_db_html

from education.access import all_restrictions

pytestmark = pytest.mark.django_db


def test_an_article_is_found_by_its_address_in_two_queries(
    home_page, hub, make_article, django_assert_num_queries
):
    article = make_article("Lupus and muscle pain")
    request = RequestFactory().get(article.url)
    # Wagtail's own walk: a child lookup and its specific page, for each of two levels.
    with django_assert_num_queries(2):
        found = home_page.route(request, [hub.slug, article.slug])
    assert found.page == article


def test_addresses_route_as_wagtails_walk_would(home_page, hub, make_article):
    article = make_article("Lupus and muscle pain")
    draft = make_article("Not yet", publish=False)
    request = RequestFactory().get("/")
    assert home_page.route(request, [hub.slug]).page == hub
    for path in ([hub.slug, article.slug, "more"], [hub.slug, draft.slug], ["nowhere"]):
        with pytest.raises(Http404):
            home_page.route(request, path)


def test_page_links_in_rich_text_cost_one_query_whatever_their_types(
    home_page, hub, make_article, django_assert_num_queries
):
    article = make_article("Lupus and muscle pain")
    html = "".join(
        f'<p><a linktype="page" id="{page.pk}">{page.title}</a></p>'
        for page in (home_page, hub, article)
    )
    all_restrictions()  # known to any request by its access check, and cached
    # Wagtail's handler loads each specific page: a query per page type besides.
    with django_assert_num_queries(1):
        expanded = expand_db_html(html)
    assert f'href="{article.url}"' in expanded
    assert f'href="{hub.url}"' in expanded
