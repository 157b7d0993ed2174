"""A patient's reading list: saving articles for later and marking them as read.

The records are the patient's own (`models.reading`). Every action names the article by
its id, checked against what the patient may read; the user is always the signed-in one.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from portal.http.redirects import safe_next_url

from ..access import Audience, readable_pages
from ..models import EducationPage, ReadingRecord


def save_article(user, page):
    """Save the article on the user's list; returns when."""
    saved_at = timezone.now()
    ReadingRecord.objects.mark(user, page, saved_at=saved_at)
    return saved_at


def unsave_article(user, page):
    ReadingRecord.objects.unmark(user, page, "saved_at")


def mark_read(user, page):
    ReadingRecord.objects.mark(user, page, read_at=timezone.now())


def mark_unread(user, page):
    ReadingRecord.objects.unmark(user, page, "read_at")


ACTIONS = {"save": save_article, "unsave": unsave_article, "read": mark_read, "unread": mark_unread}


def saved_records(audience):
    """The audience's saved articles, newest first."""
    return ReadingRecord.objects.of(audience).filter(saved_at__isnull=False).order_by("-saved_at")


@require_GET
def reading_list_view(request):
    records = saved_records(Audience.of_request(request)).as_cards()
    return render(request, "portal/reading_list.html", {"records": records})


@require_POST
def reading_action(request, page_id):
    action = ACTIONS.get(request.POST.get("action"))
    if action is None:
        raise Http404("Unknown action")
    articles = readable_pages(Audience.of_request(request), EducationPage)
    page = get_object_or_404(articles, pk=page_id)
    action(request.user, page)
    return redirect(safe_next_url(request, request.POST.get("next"), page.url))
