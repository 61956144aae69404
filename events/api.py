"""Read API for meetings: /api/v1/meetings/ and /api/v1/meetings/<slug>/."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from config.api_base import IF_NONE_MATCH, ApiViewSetMixin, OffsetPagination, read_responses

from .filters import MeetingFilter
from .models import Meeting, MeetingRelation, Participation
from .serializers import MEETING_FIELDS, MeetingSerializer, meetings_json


@extend_schema_view(
    list=extend_schema(
        summary="List meetings",
        responses=read_responses(MeetingSerializer(many=True), detail=False),
    ),
    retrieve=extend_schema(
        summary="One meeting, by slug",
        parameters=[IF_NONE_MATCH],
        responses=read_responses(MeetingSerializer, detail=True),
    ),
)
class MeetingViewSet(ApiViewSetMixin, viewsets.ReadOnlyModelViewSet):
    """Summits, talks, visits, calls and series, with participants and dates at their
    precision."""

    serializer_class = MeetingSerializer
    lookup_field = "slug"
    lookup_value_regex = "[^/]+"
    filterset_class = MeetingFilter
    pagination_class = OffsetPagination
    ordering_fields = ["start_date", "last_day", "title", "slug", "kind", "updated_at", "id"]
    ordering = ["start_date", "title"]
    rank_ordering = ["-rank", "start_date"]
    row_fields = MEETING_FIELDS
    lean_filters: dict = {}  # lists without filters and details take the lean path
    csv_columns = [
        ("slug", lambda m: m.slug),
        ("title", lambda m: m.title),
        ("kind", lambda m: m.kind),
        ("cameo_code", lambda m: m.cameo_code),
        ("place", lambda m: m.place),
        ("start_date", lambda m: m.start_date),
        ("start_precision", lambda m: m.start_precision),
        ("end_date", lambda m: m.end_date),
        ("end_precision", lambda m: m.end_precision),
        ("date_approximate", lambda m: m.date_approximate),
        ("last_day", lambda m: m.last_day),
        (
            "participants",
            lambda m: "; ".join(f"{p.actor.slug} ({p.role})" for p in m.participations.all()),
        ),
        ("mentioned_only", lambda m: m.mentioned_only),
        ("confidence", lambda m: m.confidence),
        ("origin", lambda m: m.origin),
        ("version", lambda m: m.version),
        ("updated_at", lambda m: m.updated_at.isoformat()),
    ]

    def get_queryset(self):
        return Meeting.objects.prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("actor")),
            Prefetch("relations_out", queryset=MeetingRelation.objects.select_related("target")),
        )

    def rows_json(self, rows, links):
        return meetings_json(rows, links)
