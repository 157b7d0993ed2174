"""Internal page links in rich text: resolved in one query, and a link only to a page
every reader may read.

Wagtail's page link handler loads the specific page behind every link (a query for
the content types, then one per page type) only to read its address, which the base
page row already holds. The portal and the API render every article's links, so the
one-query version serves each page and each API answer (tests/test_overrides.py); the
view restrictions it checks are the cached list every request's access check loads.

An article's body is made once and shown to every reader (`models.article_bodies`), so
whether a link is one cannot depend on who reads it: a link to a page some reader may
not read (a draft, a scheduled, expired or restricted page) shows only its text, never
the page's address.
"""

from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .access import all_restrictions, open_to_every_reader


class PageAddressLinkHandler(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        valid = [int(pk) for pk in ids if pk.isdigit()]
        rows = list(Page.objects.filter(pk__in=valid).only(*ADDRESS, "expire_at"))
        restrictions = all_restrictions() if rows else []
        # Wagtail writes a page it is not given as a bare <a>: the text, with no address.
        pages = {str(page.pk): page for page in rows if open_to_every_reader(page, restrictions)}
        return [pages.get(pk) for pk in ids]


# What a page's address is made of (`Page.get_url_parts`).
ADDRESS = ("id", "path", "depth", "url_path", "locale_id", "live")


def register(features):
    features.register_link_type(PageAddressLinkHandler)
