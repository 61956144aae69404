"""Parley's URLs: admin, the API under /api/v1/, and the site."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    # Before the API router: /api/v1/timeline.json, popolo.json and the .jsonld documents.
    path("", include("statements.formats.urls")),
    path("api/v1/", include("config.api")),
    path("", include("statements.urls")),
]
