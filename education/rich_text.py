"""Internal page links in rich text, resolved in one query.

Wagtail's page link handler loads the specific page behind every link (a query for
the content types, then one per page type) only to read its address, which the base
page row already holds. The portal and the API render every article's links, so the
one-query version serves each page and each API answer (tests/test_overrides.py).
"""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler


class PageAddressLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        valid = [int(pk) for pk in ids if pk.isdigit()]
        pages = {str(page.pk): page for page in Page.objects.filter(pk__in=valid).only(*ADDRESS)}
        return [pages.get(pk) for pk in ids]


# What a page's address is made of (`Page.get_url_parts`).
ADDRESS = ("id", "path", "depth", "url_path", "locale_id", "live")


def register(features):
    features.register_link_type(PageAddressLinkHandler)
