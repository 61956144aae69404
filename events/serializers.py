"""API output for meetings, and the meeting summary statements embed."""

from __future__ import annotations

from rest_framework import serializers

from actors.serializers import ActorSummarySerializer
from config.api_base import CachedIdentityField

from .models import Meeting, MeetingRelation, Participation


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
