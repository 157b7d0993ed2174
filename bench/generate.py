"""Generate N published education articles under the seed topic hub, fast.

    python bench/generate.py --articles 1000 --state bench/.work/state.json

Starts from the product's own seed (`load_education_content`: the five conditions, the
home page, the hub and the seed article), then adds articles until there are N in all.
Every generated article is a real Wagtail page: a row in the page tree under the hub
(treebeard paths, the hub's `numchild`), its `EducationPage` row, its conditions, a
published revision that is its live and latest revision, reading figures computed by the
product's own code, a search index entry and reference index rows. The body uses every
block type in `education/blocks.py`, with words, lengths and choices varied per article.

Rows are written in batches with bulk inserts instead of `add_child()` + `save_revision()
.publish()` per page (tens of queries each), so 10,000 articles take a minute or two.
Not written for generated articles: page log entries (the admin's history tab).

At the end it makes a patient with a bearer token and a signed-in session, and writes
what the benchmark needs (token, session cookie, article ids and paths) to `--state`.
"""

import argparse
import io
import json
import os
import random
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


# Words to build articles from: plain language, as in the seed content.
TOPICS = [
    ("Sleeping well", "sleep"),
    ("Staying active", "activity"),
    ("Working at a desk", "work"),
    ("Travelling", "travel"),
    ("Eating well", "food"),
    ("Managing stress", "stress"),
    ("Talking to your care team", "care team"),
    ("Starting a new medicine", "medicine"),
    ("Exercising safely", "exercise"),
    ("Coping with flares", "flares"),
    ("Looking after your joints", "joints"),
    ("Going back to work", "work"),
    ("Planning your day", "energy"),
    ("Feeling low", "mood"),
    ("Living with tiredness", "tiredness"),
]
ANGLES = ["what to know", "a guide for patients", "questions and answers", "first steps", "tips"]
SENTENCES = [
    "Many people with long-lasting pain find that small changes add up over time.",
    "Your care team can help you choose what to try first.",
    "It is normal for symptoms to change from day to day.",
    "Try to notice what makes your pain better or worse, and write it down.",
    "Gentle movement often helps stiff muscles feel looser.",
    "Rest is important, but too much rest can make muscles weaker.",
    "Some people feel better when they keep a regular sleep routine.",
    "Stress can make pain feel stronger, so ways to relax can help.",
    "Tell your doctor about any new or unusual symptoms.",
    "A physical therapist can show you safe ways to stretch.",
    "Medicines work best when you take them the way your doctor tells you.",
    "Do not stop a medicine on your own without talking to your care team.",
    "Heat packs can ease tight muscles for a short time.",
    "Eating a range of healthy foods gives your body what it needs.",
    "Pacing means you spread tasks across the day so you do not get too tired.",
    "Friends and family can help more when they know what you are going through.",
    "Keep a list of your questions to bring to your next visit.",
    "Short walks are a good way to start being more active.",
    "Drinking enough water helps your whole body work well.",
    "If a treatment does not help after a few weeks, ask about other options.",
    "Some people find it helps to talk with others who have the same condition.",
    "Flares are times when symptoms get worse for a while.",
    "Sitting in one position for a long time can make muscles tight.",
    "Small breaks to move and stretch can make a big difference.",
]
LIST_ITEMS = [
    "Write down when the pain starts and how long it lasts.",
    "Note what you were doing before it started.",
    "Bring your list of medicines to every visit.",
    "Ask what side effects to watch for.",
    "Plan rest breaks before you get too tired.",
    "Keep a water bottle close by.",
]
FEATURES = ["Where it hurts", "How long it lasts", "What helps", "Who treats it", "Tests"]
TREATMENTS = [
    ("Gentle stretching", "exercise", "Slow stretches that help tight muscles relax."),
    ("Walking", "exercise", "Short, regular walks build strength and stamina."),
    ("Massage", "physical-therapy", "A therapist works on sore muscles with their hands."),
    ("Heat therapy", "self-care", "Warm packs or a warm bath to ease stiffness."),
    ("Pain relief medicine", "medicine", "Medicines that ease pain for a short time."),
    ("Anti-inflammatory medicines", "medicine", "Medicines that calm inflammation."),
    ("Talking therapy", "mental-health", "Talking with a trained counsellor about stress."),
    ("Relaxation exercises", "mental-health", "Breathing and relaxing to lower stress."),
    ("Acupuncture", "complementary", "A treatment that uses very thin needles."),
    ("Better sleep habits", "self-care", "Going to bed and getting up at the same times."),
]
PUBLISHERS = [
    ("MedlinePlus", "https://medlineplus.gov/"),
    ("NIAMS", "https://www.niams.nih.gov/"),
    ("Mayo Clinic", "https://www.mayoclinic.org/"),
    ("Arthritis Foundation", "https://www.arthritis.org/"),
    ("Lupus Foundation of America", "https://www.lupus.org/"),
]


def _id():
    return str(uuid.uuid4())


def _item(value):
    """A ListBlock item as Wagtail stores it today."""
    return {"type": "item", "value": value, "id": _id()}


def _sentences(rng, low, high):
    return " ".join(rng.sample(SENTENCES, rng.randint(low, high)))


def _rich_paragraph(rng, link_page_id=None):
    words = _sentences(rng, 3, 6)
    first, _, rest = words.partition(" ")
    html = f"<p><b>{first}</b> {rest}</p>"
    if link_page_id is not None:
        html += (
            f'<p>Read more in <a linktype="page" id="{link_page_id}">our article on this '
            "topic</a>.</p>"
        )
    if rng.random() < 0.4:
        publisher, url = rng.choice(PUBLISHERS)
        html += f'<p>{_sentences(rng, 1, 2)} See <a href="{url}">{publisher}</a>.</p>'
    if rng.random() < 0.5:
        items = "".join(f"<li>{text}</li>" for text in rng.sample(LIST_ITEMS, 3))
        html += f"<ul>{items}</ul>"
    return html


def _treatment(rng, condition_ids):
    name, category, description = rng.choice(TREATMENTS)
    return {
        "name": name,
        "category": category,
        "description": description + " " + _sentences(rng, 0, 2),
        "conditions": [_item(pk) for pk in rng.sample(condition_ids, rng.randint(1, 3))],
        "notes": _sentences(rng, 0, 1),
    }


def make_body(rng, condition_ids, image_ids, link_page_id):
    """A body with every block type, in an order and with sizes that vary."""

    def block(kind, value):
        return {"type": kind, "value": value, "id": _id()}

    def heading(text, level="h2"):
        return block("heading", {"text": text, "level": level})

    columns = rng.sample(["At home", "At work", "With your doctor", "In a flare"], 2)
    body = [
        heading("What this means for you"),
        block("paragraph", _rich_paragraph(rng)),
        block("paragraph", _rich_paragraph(rng, link_page_id)),
        block(
            "figure",
            {
                "image": {
                    "image": rng.choice(image_ids),
                    "alt_text": "A person doing a gentle shoulder stretch",
                    "decorative": False,
                },
                "caption": rng.choice(["", "Stretch slowly and stop if it hurts."]),
            },
        ),
        block(
            "callout",
            {
                "kind": rng.choice(["information", "see-a-clinician", "warning"]),
                "text": f"<p>{_sentences(rng, 2, 3)}</p>",
            },
        ),
        heading("Things to try", "h3"),
        block(
            "key_points",
            {
                "heading": "Key points",
                "intro": _sentences(rng, 0, 1),
                "points": [
                    _item({"title": title, "text": _sentences(rng, 1, 2)})
                    for title in rng.sample(["Move", "Rest", "Plan", "Ask", "Track"], 3)
                ],
            },
        ),
        block(
            "comparison_table",
            {
                "caption": "How the options compare",
                "corner_heading": "Feature",
                "columns": [_item(column) for column in columns],
                "rows": [
                    _item(
                        {
                            "heading": feature,
                            "cells": [_item(rng.choice(SENTENCES)[:120]) for _ in columns],
                        }
                    )
                    for feature in rng.sample(FEATURES, rng.randint(2, 4))
                ],
            },
        ),
        block(
            "condition_list",
            {
                "heading": "Conditions this applies to",
                "items": [
                    _item({"condition": pk, "note": _sentences(rng, 1, 1)})
                    for pk in rng.sample(condition_ids, rng.randint(1, 3))
                ],
            },
        ),
        block("treatment", _treatment(rng, condition_ids)),
        block(
            "treatment_plan",
            {
                "heading": "A plan that combines treatments",
                "intro": _sentences(rng, 0, 1),
                "groups": [
                    _item(
                        {
                            "title": title,
                            "conditions": [_item(pk) for pk in rng.sample(condition_ids, 1)],
                            "treatments": [
                                _item(_treatment(rng, condition_ids))
                                for _ in range(rng.randint(1, 3))
                            ],
                        }
                    )
                    for title in rng.sample(["For pain", "For sleep", "For mood"], 2)
                ],
            },
        ),
        block("paragraph", _rich_paragraph(rng)),
        block(
            "resource_links",
            {
                "heading": "Where to learn more",
                "links": [
                    _item(
                        {
                            "title": f"{publisher} health topics",
                            "url": url,
                            "publisher": publisher,
                            "description": "Trusted information for patients.",
                        }
                    )
                    for publisher, url in rng.sample(PUBLISHERS, rng.randint(1, 3))
                ],
            },
        ),
    ]
    # Longer articles have more sections.
    for _ in range(rng.randint(0, 4)):
        at = rng.randint(1, len(body) - 1)
        body[at:at] = [
            heading(rng.choice(SENTENCES)[:60].rstrip(".")),
            block("paragraph", _rich_paragraph(rng)),
        ]
    return body


def make_images(count=3):
    """A few photographs' worth of pixels, with the renditions the API and pages use."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    from education.api.body import IMAGE_RENDITION

    Image = get_image_model()
    images = []
    for n in range(count):
        picture = PILImage.new("RGB", (1600, 1000), (230 - 20 * n, 240, 250))
        draw = ImageDraw.Draw(picture)
        for step in range(0, 1000, 25):
            draw.line([(0, step), (1600, 1000 - step)], fill=(120 + n * 30, 150, 200), width=3)
        draw.ellipse([500, 200, 1100, 800], outline=(60, 80, 120), width=12)
        data = io.BytesIO()
        picture.save(data, "JPEG", quality=85)
        image = Image.objects.create(
            title=f"Shoulder stretch {n + 1}",
            file=ImageFile(data, name=f"bench-stretch-{n + 1}.jpg"),
        )
        for spec in ("width-800", IMAGE_RENDITION):
            image.get_rendition(spec)
        images.append(image)
    return images


@dataclass
class Plan:
    """What every worker needs to make its share of the articles, fixed before forking."""

    hub_path: str
    hub_depth: int
    hub_url_path: str
    first_step: int  # the tree step of the first generated article under the hub
    conditions: dict  # pk -> Condition
    image_ids: list
    link_page_id: int
    now: object
    page_type: int
    base_type: int
    locale_id: int
    seed: int


def _page(plan, n):
    """Generated article number n (from 0): the same whichever worker makes it."""
    from django.utils.text import slugify
    from wagtail.models import Page

    from education.pages import EducationPage

    rng = random.Random(plan.seed * 1_000_003 + n)
    condition_ids = sorted(plan.conditions)
    topic, _ = rng.choice(TOPICS)
    title = f"{topic}: {rng.choice(ANGLES)} ({n + 1})"
    slug = slugify(title)
    first = plan.now - timedelta(days=rng.randint(30, 1000), minutes=rng.randint(0, 1440))
    last = first + timedelta(days=rng.randint(0, 29)) if rng.random() < 0.5 else first
    reviewed = (last - timedelta(days=rng.randint(0, 20))).date()
    page = EducationPage(
        title=title,
        draft_title=title,
        slug=slug,
        path=Page._get_path(plan.hub_path, plan.hub_depth + 1, plan.first_step + n),
        depth=plan.hub_depth + 1,
        numchild=0,
        url_path=f"{plan.hub_url_path}{slug}/",
        content_type_id=plan.page_type,
        locale_id=plan.locale_id,
        translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
        live=True,
        has_unpublished_changes=False,
        first_published_at=first,
        last_published_at=last,
        latest_revision_created_at=last,
        summary=f"{topic} with a long-lasting pain condition: {_sentences(rng, 2, 2)}",
        body=make_body(rng, condition_ids, plan.image_ids, plan.link_page_id),
        last_reviewed=reviewed,
        next_review_due=reviewed + timedelta(days=365),
    )
    page.bench_condition_ids = rng.sample(condition_ids, rng.randint(1, 3))
    page.conditions = [plan.conditions[pk] for pk in page.bench_condition_ids]
    # A new page has no comments: say so, or its revision content would query for them.
    page.wagtail_admin_comments = []
    return page


def _compute_body_text_once():
    """Generation only: the body's search text once per article, not once per index field.

    The reading figures and the search index each ask for it several times; the answer is
    the same, and the walk over the blocks is most of the cost of making an article.
    """
    from wagtail.fields import StreamField

    original = StreamField.get_searchable_content

    def get_searchable_content(self, value):
        if getattr(value, "_bench_text", None) is None:
            value._bench_text = original(self, value)
        return list(value._bench_text)

    StreamField.get_searchable_content = get_searchable_content


def _insert_batch(plan, pages, backend):
    from django.db import transaction
    from wagtail.models import Page, ReferenceIndex, Revision

    from education.pages import EducationPage

    for page in pages:
        # The product's own reading figures (what full_clean() would set).
        page.update_reading_level()
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    with transaction.atomic():
        rows = [
            Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages
        ]
        Page.objects.bulk_create(rows)
        for page, row in zip(pages, rows, strict=True):
            page.pk = page.id = page.page_ptr_id = row.pk
        # Django cannot bulk-create a multi-table child: insert its own table's rows.
        EducationPage._base_manager._insert(
            pages, fields=EducationPage._meta.local_concrete_fields, using="default"
        )
        through = EducationPage.conditions.through
        through.objects.bulk_create(
            through(educationpage_id=page.pk, condition_id=condition_id)
            for page in pages
            for condition_id in page.bench_condition_ids
        )
        revisions = Revision.objects.bulk_create(
            Revision(
                content_type_id=plan.page_type,
                base_content_type_id=plan.base_type,
                object_id=str(page.pk),
                created_at=page.last_published_at,
                object_str=page.title,
                content=page.serializable_data(),
            )
            for page in pages
        )
        for page, row, revision in zip(pages, rows, revisions, strict=True):
            page.latest_revision_id = page.live_revision_id = revision.pk
            row.latest_revision_id = row.live_revision_id = revision.pk
        Page.objects.bulk_update(rows, ["latest_revision", "live_revision"])
        backend.add_bulk(EducationPage, pages)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)


def _work(plan, numbers, batch_size, progress):
    """One worker process: its share of the articles, in batches, each batch one transaction."""
    from django.db import connections
    from wagtail.search.backends import get_search_backend

    _compute_body_text_once()
    try:
        backend = get_search_backend()
        for at in range(0, len(numbers), batch_size):
            pages = [_page(plan, n) for n in numbers[at : at + batch_size]]
            _insert_batch(plan, pages, backend)
            progress.put(len(pages))
    except BaseException as error:
        progress.put(error)
        raise
    finally:
        connections.close_all()


def generate(total, batch_size=100, workers=None, seed=6):
    import multiprocessing

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, connections
    from wagtail.models import Locale, Page

    from education.loader import load_education_content
    from education.pages import EducationIndexPage, EducationPage
    from education.seed_content import ARTICLE, HUB
    from education.snippets import Condition

    started = time.monotonic()
    report = load_education_content()
    print(f"  seed content: {len(report.lines)} items ({report.lines[-1]})", flush=True)
    hub = EducationIndexPage.objects.get(slug=HUB["slug"])
    seed_article = EducationPage.objects.get(slug=ARTICLE["slug"])
    images = make_images()
    print(f"  {len(images)} images with their renditions", flush=True)

    existing = EducationPage.objects.count()
    missing = max(total - existing, 0)
    last_child = hub.get_last_child()
    plan = Plan(
        hub_path=hub.path,
        hub_depth=hub.depth,
        hub_url_path=hub.url_path,
        first_step=Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1,
        conditions=Condition.objects.in_bulk(),
        image_ids=[image.pk for image in images],
        link_page_id=seed_article.pk,
        now=Page.objects.get(pk=seed_article.pk).last_published_at,
        page_type=ContentType.objects.get_for_model(EducationPage).pk,
        base_type=ContentType.objects.get_for_model(Page).pk,
        locale_id=Locale.get_default().pk,
        seed=seed,
    )
    if missing:
        # The first article passes the checks the admin runs (blocks, slug, fields).
        _page(plan, 0).full_clean()

    # Processes, not threads: the work is Python (blocks, reading figures, search text).
    workers = workers or min(os.cpu_count() or 1, max(1, missing // batch_size))
    context = multiprocessing.get_context("fork")
    progress = context.Queue()
    connections.close_all()  # children must not share the parent's connection
    processes = [
        context.Process(
            target=_work, args=(plan, list(range(w, missing, workers)), batch_size, progress)
        )
        for w in range(workers if missing else 0)
    ]
    for process in processes:
        process.start()
    done, reported = 0, 0
    try:
        while done < missing:
            item = progress.get(timeout=600)
            if isinstance(item, BaseException):
                raise SystemExit(f"A generator worker failed: {item!r}")
            done += item
            if done - reported >= max(missing // 20, 1) or done == missing:
                reported = done
                elapsed = time.monotonic() - started
                rate = done / elapsed
                print(
                    f"  articles {existing + done:>6}/{total} ({workers} workers, "
                    f"{rate:,.0f}/s, {elapsed:,.0f}s, about {(missing - done) / rate:,.0f}s left)",
                    flush=True,
                )
    finally:
        for process in processes:
            process.join(timeout=60)
            if process.is_alive():
                process.terminate()
    if any(process.exitcode for process in processes):
        raise SystemExit("A generator worker failed")

    Page.objects.filter(pk=hub.pk).update(numchild=hub.get_children().count())
    problems = [p for group in Page.find_problems() for p in group]
    if problems:
        raise SystemExit(f"The page tree has problems: {problems}")
    # Vacuumed now, so autovacuum does not start on the new rows in the middle of a timing.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
    print(
        f"  {EducationPage.objects.live().count()} live articles, tree checked, "
        f"vacuumed and analyzed, in {time.monotonic() - started:,.0f}s",
        flush=True,
    )
    return hub, seed_article


def make_reader():
    """A patient with a bearer token and a signed-in session (no passwords involved)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import Group, User
    from knox.models import AuthToken

    user, _ = User.objects.get_or_create(
        username="bench-patient", defaults={"email": "bench-patient@example.org"}
    )
    user.groups.add(Group.objects.get(name=settings.PATIENTS_GROUP))
    _, token = AuthToken.objects.create(user, expiry=timedelta(hours=12))
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return token, {"name": settings.SESSION_COOKIE_NAME, "value": session.session_key}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="articles in all")
    parser.add_argument("--state", type=Path, required=True, help="where to write the state")
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--workers", type=int, default=None, help="default: one per core")
    args = parser.parse_args(argv)
    setup_django()
    from education.pages import EducationPage

    hub, seed_article = generate(args.articles, args.batch_size, args.workers)
    token, cookie = make_reader()
    articles = list(EducationPage.objects.live().order_by("pk").values_list("pk", "url_path"))
    site_root = hub.get_parent().url_path  # the home page is the default site's root
    state = {
        "articles": len(articles),
        "token": token,
        "session_cookie": cookie,
        "seed_article_id": seed_article.pk,
        "article_ids": [pk for pk, _ in articles],
        "portal_paths": ["/" + url_path[len(site_root) :] for _, url_path in articles],
    }
    args.state.parent.mkdir(parents=True, exist_ok=True)
    args.state.write_text(json.dumps(state))
    print(f"  reader, token and session ready; state in {args.state}", flush=True)


if __name__ == "__main__":
    main()
