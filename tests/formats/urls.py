"""The formats' routes in front of the reader's site (whose page URLs the documents link to),
as config/urls.py will have them once wired — without the rest of the site, so that these
tests do not depend on the API's modules."""

from django.urls import include, path

urlpatterns = [
    path("", include("statements.formats.urls")),
    path("", include("statements.urls")),
]
