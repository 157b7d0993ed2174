"""Portal views that are not Wagtail pages."""

from django.shortcuts import get_object_or_404, render

from .selectors import published_conditions


def condition_detail(request, slug):
    condition = get_object_or_404(published_conditions(), slug=slug)
    return render(request, "education/condition_page.html", {"condition": condition})
