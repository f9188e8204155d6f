"""The REST API under /api/v1/ and its OpenAPI schema under /api/schema/."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.routers import DefaultRouter

from positions import api, api_exports
from sources import api as sources_api

app_name = "api"

router = DefaultRouter()
router.register("actors", api.ActorViewSet, basename="actor")
router.register("issues", api.IssueViewSet, basename="issue")
router.register("statements", api.StatementViewSet, basename="statement")
router.register("outlets", sources_api.OutletViewSet, basename="outlet")
router.register("articles", sources_api.ArticleViewSet, basename="article")

urlpatterns = [
    # Before the router, so "export.csv" is not read as a statement id.
    path("v1/statements/export.csv", api_exports.StatementCSV.as_view(), name="statement-csv"),
    path(
        "v1/statements/export.ndjson",
        api_exports.StatementNDJSON.as_view(),
        name="statement-ndjson",
    ),
    path("v1/actors/<slug:slug>/timeline/", api.ActorTimeline.as_view(), name="actor-timeline"),
    path("v1/issues/<slug:slug>/positions/", api.IssuePositions.as_view(), name="issue-positions"),
    path("v1/issues/<slug:slug>/changes/", api.IssueChanges.as_view(), name="issue-changes"),
    path("v1/auth/token/", ObtainAuthToken.as_view(), name="token"),
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("schema/swagger/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="swagger"),
    path("schema/redoc/", SpectacularRedocView.as_view(url_name="api:schema"), name="redoc"),
    # Last: any other address under /api/ answers a JSON 404, not the site's HTML page.
    re_path(r"^[\s\S]*$", api.NotFoundView.as_view(), name="not-found"),
]
