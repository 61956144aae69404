"""The formats' routes in front of the whole site, as config/urls.py will have them."""

from django.urls import include, path

from config.urls import urlpatterns as site

urlpatterns = [path("", include("statements.formats.urls")), *site]
