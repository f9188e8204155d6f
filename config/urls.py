"""Top-level URLs: the analysts' pages, the API and the admin."""

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Stancebook curation"
admin.site.site_title = "Stancebook"
admin.site.index_title = "Review and curate"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/", include("config.api_urls")),
    path("sources/", include("sources.urls")),
    path("", include("positions.urls")),
]
