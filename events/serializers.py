"""API output for meetings, and the meeting summary statements embed."""

from __future__ import annotations

from rest_framework import serializers

from actors.serializers import ActorSummarySerializer
from config.api_base import CachedIdentityField, Links, actor_fields, iso_date, iso_datetime
from config.compiled import compiled_values

from .models import Meeting, MeetingRelation, Participation, format_fuzzy


class MeetingSummarySerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:meeting-detail", lookup_field="slug")

    class Meta:
        model = Meeting
        fields = ["url", "slug", "title", "start_date", "start_precision"]
        read_only_fields = fields


class ParticipantSerializer(serializers.ModelSerializer):
    actor = ActorSummarySerializer(read_only=True)

    class Meta:
        model = Participation
        fields = ["role", "actor"]
        read_only_fields = fields


class RelationSerializer(serializers.ModelSerializer):
    meeting = MeetingSummarySerializer(source="target", read_only=True)

    class Meta:
        model = MeetingRelation
        fields = ["kind", "meeting"]
        read_only_fields = fields


class MeetingSerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:meeting-detail", lookup_field="slug")
    participants = ParticipantSerializer(source="participations", many=True, read_only=True)
    related = RelationSerializer(source="relations_out", many=True, read_only=True)
    date_display = serializers.CharField(read_only=True)
    outcomes = serializers.ListField(child=serializers.JSONField(), read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "url",
            "slug",
            "title",
            "kind",
            "place",
            "start_date",
            "start_precision",
            "end_date",
            "end_precision",
            "date_approximate",
            "last_day",
            "date_display",
            "participants",
            "outcomes",
            "mentioned_only",
            "related",
            "cameo_code",
            "confidence",
            "origin",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


# --- the fast path: `MeetingSerializer`'s shape from `.values()` rows ------------------------

MEETING_FIELDS = (
    "id",
    "slug",
    "title",
    "kind",
    "place",
    "start_date",
    "start_precision",
    "end_date",
    "end_precision",
    "date_approximate",
    "last_day",
    "outcomes",
    "mentioned_only",
    "cameo_code",
    "confidence",
    "origin",
    "version",
    "created_at",
    "updated_at",
)


def date_display(row: dict) -> str:
    """`Meeting.date_display` from a row."""
    start = format_fuzzy(row["start_date"], row["start_precision"], row["date_approximate"])
    if row["end_date"] and row["end_date"] != row["start_date"]:
        return f"{start} – {format_fuzzy(row['end_date'], row['end_precision'])}"
    return start


def _participants_of(*meeting_ids):
    return (
        Participation.objects.filter(meeting_id__in=meeting_ids)
        # Participation's own order (meeting, actor name) within each meeting; by the raw
        # meeting_id, not "meeting" (that joins events_meeting and sorts by its default
        # order: 8 ms of the 1M list's SQL), since rows are grouped by meeting anyway.
        .order_by("meeting_id", "actor__name", "id")
        .values("meeting_id", "role", *actor_fields("actor"))
    )


def _relations_of(*meeting_ids):
    return (
        MeetingRelation.objects.filter(source_id__in=meeting_ids)
        .order_by("id")
        .values(
            "source_id",
            "kind",
            "target__slug",
            "target__title",
            "target__start_date",
            "target__start_precision",
        )
    )


def meetings_json(rows: list[dict], links: Links) -> list[dict]:
    """`MeetingSerializer(rows, many=True).data`: the rows, then one query for all the
    participants and one for all the relations (the same three queries as the prefetch)."""
    participants: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    related: dict[int, list[dict]] = {row["id"]: [] for row in rows}
    ids = list(participants)
    for p in compiled_values("meetings-participants", _participants_of, ids):
        participants[p["meeting_id"]].append(
            {"role": p["role"], "actor": links.actor_from(p, "actor")}
        )
    for r in compiled_values("meetings-related", _relations_of, ids):
        related[r["source_id"]].append(
            {
                "kind": r["kind"],
                "meeting": {
                    "url": links.url("api:meeting-detail", r["target__slug"], "slug"),
                    "slug": r["target__slug"],
                    "title": r["target__title"],
                    "start_date": iso_date(r["target__start_date"]),
                    "start_precision": r["target__start_precision"],
                },
            }
        )
    return [
        {
            "url": links.url("api:meeting-detail", row["slug"], "slug"),
            "slug": row["slug"],
            "title": row["title"],
            "kind": row["kind"],
            "place": row["place"],
            "start_date": iso_date(row["start_date"]),
            "start_precision": row["start_precision"],
            "end_date": iso_date(row["end_date"]),
            "end_precision": row["end_precision"],
            "date_approximate": row["date_approximate"],
            "last_day": iso_date(row["last_day"]),
            "date_display": date_display(row),
            "participants": participants[row["id"]],
            "outcomes": row["outcomes"],
            "mentioned_only": row["mentioned_only"],
            "related": related[row["id"]],
            "cameo_code": row["cameo_code"],
            "confidence": row["confidence"],
            "origin": row["origin"],
            "version": row["version"],
            "created_at": iso_datetime(row["created_at"]),
            "updated_at": iso_datetime(row["updated_at"]),
        }
        for row in rows
    ]
