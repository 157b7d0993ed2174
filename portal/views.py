"""The portal's own views: health, and the patient's reading list."""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from education import reading_list
from education.pages import EducationPage
from education.selectors import readable_pages

READING_ACTIONS = {
    "save": reading_list.save_article,
    "unsave": reading_list.unsave_article,
    "read": reading_list.mark_read,
    "unread": reading_list.mark_unread,
}


@login_not_required
@require_GET
@never_cache
def healthz(request):
    return JsonResponse({"status": "ok"})


@require_GET
def reading_list_view(request):
    records = reading_list.records_for(request).filter(saved_at__isnull=False).order_by("-saved_at")
    return render(request, "portal/reading_list.html", {"records": records})


@require_POST
def reading_action(request, page_id):
    action = READING_ACTIONS.get(request.POST.get("action"))
    if action is None:
        raise Http404("Unknown action")
    page = get_object_or_404(readable_pages(request, EducationPage), pk=page_id)
    action(request.user, page)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = page.url
    return redirect(next_url)
