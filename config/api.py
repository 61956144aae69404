"""The API under /api/v1/: one router, the OpenAPI schema and its interactive docs.

Namespaced "api" so that the API's route names (api:actor-detail) never shadow the site's
(actor-detail)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import AllowAny
from rest_framework.routers import SimpleRouter

from actors.api import ActorViewSet
from events.api import MeetingViewSet
from statements.api import ArticleViewSet, ClaimViewSet, StatementViewSet

app_name = "api"

router = SimpleRouter(trailing_slash=True)
router.register("actors", ActorViewSet, basename="actor")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("articles", ArticleViewSet, basename="article")
router.register("statements", StatementViewSet, basename="statement")
router.register("claims", ClaimViewSet, basename="claim")

urlpatterns = [
    *router.urls,
    path(
        "schema/",
        SpectacularAPIView.as_view(permission_classes=[AllowAny]),
        name="schema",
    ),
    path(
        "docs/",
        # The split view serves its start-up script as a file: no inline script (CSP).
        SpectacularSwaggerSplitView.as_view(url_name="api:schema", permission_classes=[AllowAny]),
        name="docs",
    ),
]
