"""The benchmark's targets: what each one requests, and what it is compared with.

Shared by `run.py` (wrk), `queries.py` (SQL per request) and the results table.
"""

from dataclasses import dataclass

WAGTAIL_API = "/bench/wagtail-api/v2/pages/"
# Our list's fields besides the ones Wagtail always gives (id, title, slug, html_url,
# detail_url, first_published_at); Wagtail's detail gives them all, and the body.
LIST_FIELDS = [
    "summary",
    "conditions",
    "reading_time_minutes",
    "reading_grade",
    "last_published_at",
    "last_reviewed",
    "next_review_due",
]


def listing_path():
    fields = ",".join(LIST_FIELDS)
    return f"{WAGTAIL_API}?type=education.EducationPage&fields={fields}&order=title&limit=20"


def detail_path(page_id):
    return f"{WAGTAIL_API}{page_id}/"


# Our API caches answers per audience (education/caching/answers.py). The list and the
# cold detail must measure the work of a miss, so each of their requests carries a
# parameter the API ignores but the cache key includes, never repeated within a run.
MISSES = 30_000


def missing(paths):
    return [f"{paths[n % len(paths)]}?miss={n}" for n in range(MISSES)]


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    reference: str | None  # the Wagtail API v2 target it is compared with, "b" in the issue
    status: int = 200
    auth: bool = True  # sends the bearer token
    cookie: bool = False  # sends the signed-in portal session
    conditional: bool = False  # sends If-None-Match with the ETag of a first answer
    ours: bool = True  # our product's code (held to the size targets)


TARGETS = [
    Target("hello", "(a) bare Django view, constant JSON", None, auth=False, ours=False),
    Target("wagtail_list", "(b) Wagtail API v2 list of 20", None, ours=False),
    Target(
        "wagtail_detail", "(b) Wagtail API v2 detail (a new article each request)", None, ours=False
    ),
    Target("list", "(c) our /api/v1/articles/ (20), a cache miss each request", "wagtail_list"),
    Target(
        "detail_cold",
        "(d) our detail, cold (a new article each request, a cache miss)",
        "wagtail_detail",
    ),
    Target("detail_cached", "(d) our detail, cached (same article, same token)", "wagtail_detail"),
    Target(
        "detail_304",
        "(d) our detail, If-None-Match → 304",
        "wagtail_detail",
        status=304,
        conditional=True,
    ),
    Target(
        "portal_page",
        "(e) portal article page (signed in)",
        "wagtail_detail",
        auth=False,
        cookie=True,
    ),
    Target("portal_home", "(f) portal home (signed in)", None, auth=False, cookie=True),
    Target(
        "condition_page",
        "(g) condition page (signed in, each condition in turn)",
        None,
        auth=False,
        cookie=True,
    ),
    Target(
        "search",
        "(h) portal search (signed in, a few terms in turn)",
        None,
        auth=False,
        cookie=True,
    ),
]
BY_KEY = {target.key: target for target in TARGETS}


# Words patients search for that the generated articles use often, sometimes and rarely.
SEARCH_TERMS = ["pain", "stretching", "sleep", "lupus", "heat", "doctor"]


def cold_order(state):
    """Every article once, in a fixed shuffle (not primary-key order): (id, portal path)."""
    articles = list(zip(state["article_ids"], state["portal_paths"], strict=True))
    return articles[::7] + [article for n, article in enumerate(articles) if n % 7]


def fixed_article(state):
    """The article of the cached and 304 cases: a generated one, like the rest."""
    return state["article_ids"][-1]


def paths_for(key, state):
    """The request paths of a target, cycled through in order by the load generator.

    Wagtail's detail, our cold detail and the portal page walk the same articles in the
    same order; the cached and 304 cases ask for one article again and again. The
    portal page's article body is cached per audience too: with more articles than the
    benchmark's per-process cache holds (300 entries), walking them misses.
    """
    cold = cold_order(state)
    fixed = fixed_article(state)
    return {
        "hello": ["/bench/hello"],
        "wagtail_list": [listing_path()],
        "wagtail_detail": [detail_path(pk) for pk, _ in cold],
        "list": missing(["/api/v1/articles/"]),
        "detail_cold": missing([f"/api/v1/articles/{pk}/" for pk, _ in cold]),
        "detail_cached": [f"/api/v1/articles/{fixed}/"],
        "detail_304": [f"/api/v1/articles/{fixed}/"],
        "portal_page": [path for _, path in cold],
        "portal_home": ["/"],
        "condition_page": [f"/conditions/{slug}/" for slug in state["condition_slugs"]],
        "search": [f"/search/?q={term}" for term in SEARCH_TERMS],
    }[key]


def headers_for(target, state, etag=None):
    headers = {}
    if target.auth:
        headers["Authorization"] = f"Bearer {state['token']}"
    if target.cookie:
        cookie = state["session_cookie"]
        headers["Cookie"] = f"{cookie['name']}={cookie['value']}"
    if target.conditional and etag:
        headers["If-None-Match"] = etag
    return headers
