"""Generate N published education articles under the seed topic hub, fast.

    python bench/generate.py --articles 1000 --state bench/.work/state.json

Starts from the product's own seed (`load_education_content`: the five conditions, the
home page, the hub and the seed article), then adds articles until there are N in all,
made and written by one worker process per core: what they say comes from
`article_bodies.py`, how they become rows from `article_rows.py`. Every generated article
is a real published Wagtail page, written in bulk, so 10,000 take a minute or two.

At the end it makes a patient with a bearer token and a signed-in session, and writes
what the benchmark needs (token, session cookie, article ids and paths) to `--state`.
"""

import argparse
import io
import json
import os
import sys
import time
from datetime import timedelta
from importlib import import_module
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.article_rows import Plan, make_article, work  # noqa: E402
from bench.common import setup_django  # noqa: E402


def make_images(count=3):
    """A few photographs' worth of pixels, with the renditions the API and pages use."""
    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    from education.models.typed_body import IMAGE_RENDITION

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


def generate(total, batch_size=100, workers=None, seed=6):
    import multiprocessing

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, connections
    from wagtail.models import Locale, Page

    from education.models import Condition, EducationIndexPage, EducationPage
    from education.seed.content import ARTICLE, HUB
    from education.seed.loader import load_education_content

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
        make_article(plan, 0).full_clean()

    # Processes, not threads: the work is Python (blocks, reading figures, search text).
    workers = workers or min(os.cpu_count() or 1, max(1, missing // batch_size))
    context = multiprocessing.get_context("fork")
    progress = context.Queue()
    connections.close_all()  # children must not share the parent's connection
    processes = [
        context.Process(
            target=work, args=(plan, list(range(w, missing, workers)), batch_size, progress)
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
    from education.models import Condition, EducationPage

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
        "condition_slugs": list(Condition.objects.order_by("slug").values_list("slug", flat=True)),
    }
    args.state.parent.mkdir(parents=True, exist_ok=True)
    args.state.write_text(json.dumps(state))
    print(f"  reader, token and session ready; state in {args.state}", flush=True)


if __name__ == "__main__":
    main()
