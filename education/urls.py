"""The portal's addresses that are not Wagtail pages: condition pages, search, reading list."""

from django.urls import path

from .features import condition_page, reading_list, search

urlpatterns = [
    path("conditions/<slug:slug>/", condition_page.condition_detail, name="condition-detail"),
    path(
        "conditions/<slug:slug>/articles/",
        condition_page.condition_articles,
        name="condition-articles",
    ),
    path(
        "conditions/<slug:slug>/treatments/",
        condition_page.condition_treatments,
        name="condition-treatments",
    ),
    path("search/", search.search, name="search"),
    path("reading-list/", reading_list.reading_list_view, name="reading-list"),
    path("reading-list/<int:page_id>/", reading_list.reading_action, name="reading-action"),
]
