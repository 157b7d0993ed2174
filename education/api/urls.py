from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from portal.http.errors import not_found

from . import infobutton, sign_in, views

app_name = "api"

router = SimpleRouter()
router.register("conditions", views.ConditionViewSet, basename="condition")
router.register("articles", views.ArticleViewSet, basename="article")
router.register("me/saved", views.SavedArticleViewSet, basename="saved")

urlpatterns = [
    path("auth/login/", sign_in.LoginView.as_view(), name="login"),
    path("auth/logout/", sign_in.LogoutView.as_view(), name="logout"),
    path("auth/logout-all/", sign_in.LogoutAllView.as_view(), name="logout-all"),
    path("treatments/", views.TreatmentListView.as_view(), name="treatments"),
    path("sync/", views.SyncView.as_view(), name="sync"),
    path("me/", views.MeView.as_view(), name="me"),
    path("infobutton/", infobutton.InfobuttonView.as_view(), name="infobutton"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    # The split view serves Swagger UI's start-up script as a file: no inline script.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="education/api/docs.html"
        ),
        name="docs",
    ),
    path("", include(router.urls)),
    re_path(r"^.*$", not_found),
]
