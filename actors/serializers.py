"""API output for actors, and the small actor summary every other resource embeds."""

from __future__ import annotations

from rest_framework import serializers

from config.api_base import CachedIdentityField

from .models import Actor, Role


class ActorSummarySerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:actor-detail", lookup_field="slug")

    class Meta:
        model = Actor
        fields = ["url", "slug", "name", "kind"]
        read_only_fields = fields


class RoleSerializer(serializers.ModelSerializer):
    organization = ActorSummarySerializer(read_only=True, allow_null=True)

    class Meta:
        model = Role
        fields = ["title", "organization", "start_date", "end_date"]
        read_only_fields = fields


class ActorSerializer(serializers.ModelSerializer):
    url = CachedIdentityField(view_name="api:actor-detail", lookup_field="slug")
    country = ActorSummarySerializer(read_only=True, allow_null=True)
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    roles = RoleSerializer(many=True, read_only=True)

    class Meta:
        model = Actor
        fields = [
            "url",
            "slug",
            "name",
            "kind",
            "country",
            "aliases",
            "roles",
            "wikidata_id",
            "description",
            "origin",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
