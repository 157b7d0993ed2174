from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from education import views as education_views
from education.api import errors as api_errors

from . import errors, views

# Errors anywhere in a request: JSON under /api/, the portal's pages elsewhere, and a 503
# while the database is down (errors.py).
handler400 = errors.bad_request
handler500 = errors.server_error

accounts_urls = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password_reset/", auth_views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password_reset/done/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "password_change/",
        auth_views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "password_change/done/",
        auth_views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("accounts/", include(accounts_urls)),
    path("api/v1/", include("education.api.urls")),
    # Any other /api/ address answers in the API's JSON shape, never with a portal page.
    re_path(r"^api/", api_errors.not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("conditions/<slug:slug>/", education_views.condition_detail, name="condition-detail"),
    path("search/", education_views.search, name="search"),
    path("reading-list/", views.reading_list_view, name="reading-list"),
    path("reading-list/<int:page_id>/", views.reading_action, name="reading-action"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    # Images only. Documents go through Wagtail's serve view (/documents/), which checks
    # a private collection's restriction; a direct /media/documents/ address would not.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder
        )

urlpatterns.append(path("", include(wagtail_urls)))
