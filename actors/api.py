"""Read API for actors: /api/v1/actors/ and /api/v1/actors/<slug>/."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from config.api_base import IF_NONE_MATCH, ApiViewSetMixin, OffsetPagination, read_responses

from .filters import ActorFilter
from .models import Actor, Role
from .serializers import ActorSerializer


@extend_schema_view(
    list=extend_schema(
        summary="List actors",
        responses=read_responses(ActorSerializer(many=True), detail=False),
    ),
    retrieve=extend_schema(
        summary="One actor, by slug",
        parameters=[IF_NONE_MATCH],
        responses=read_responses(ActorSerializer, detail=True),
    ),
)
class ActorViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """People, states, organisations, media outlets and groups, with aliases and roles."""

    serializer_class = ActorSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    filterset_class = ActorFilter
    pagination_class = OffsetPagination
    ordering_fields = ["name", "slug", "kind", "created_at", "updated_at", "id"]
    ordering = ["name"]
    rank_ordering = ["-rank", "name"]
    csv_columns = [
        ("slug", lambda a: a.slug),
        ("name", lambda a: a.name),
        ("kind", lambda a: a.kind),
        ("country", lambda a: a.country.slug if a.country else None),
        ("aliases", lambda a: "; ".join(alias.name for alias in a.aliases.all())),
        ("roles", lambda a: "; ".join(str(role) for role in a.roles.all())),
        ("wikidata_id", lambda a: a.wikidata_id),
        ("description", lambda a: a.description),
        ("origin", lambda a: a.origin),
        ("version", lambda a: a.version),
        ("updated_at", lambda a: a.updated_at.isoformat()),
    ]

    def get_queryset(self):
        return Actor.objects.select_related("country").prefetch_related(
            "aliases", Prefetch("roles", queryset=Role.objects.select_related("organization"))
        )
