"""Query-string filters for the meetings API (documented in the OpenAPI schema)."""

from __future__ import annotations

import django_filters as df
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from actors.models import Actor
from config.api_base import CameoCodeFilter, UpdatedSinceFilter

from .models import Meeting, MeetingKind


def search(queryset, name, value):
    # statements.search serves every app; imported here so events stays importable alone.
    from statements.search import apply_search

    return apply_search(queryset, value)


@extend_schema_field(OpenApiTypes.STR)
class ActorSlugsFilter(df.ModelMultipleChoiceFilter):
    """Repeatable actor slugs (?participant=a&participant=b); an unknown slug is a 400."""


class MeetingFilter(df.FilterSet):
    participant = ActorSlugsFilter(
        queryset=Actor.objects.all(),
        to_field_name="slug",
        method="filter_participants",
        help_text="Actor slug; repeatable — every one of them took part.",
    )
    kind = df.MultipleChoiceFilter(choices=MeetingKind.choices, help_text="Repeatable.")
    place = df.CharFilter(
        field_name="place", lookup_expr="icontains", help_text="Substring of the place."
    )
    date_from = df.DateFilter(
        method="filter_date_from",
        help_text="Meetings whose span (at its precision: a month-precision meeting covers "
        "the whole month) ends on or after this date.",
    )
    date_to = df.DateFilter(
        method="filter_date_to", help_text="Meetings whose span starts on or before this date."
    )
    cameo_code = CameoCodeFilter()
    updated_since = UpdatedSinceFilter()
    q = df.CharFilter(method=search, help_text="Full-text search over title and place.")

    class Meta:
        model = Meeting
        fields = [
            "participant",
            "kind",
            "place",
            "date_from",
            "date_to",
            "cameo_code",
            "updated_since",
            "q",
        ]

    def filter_participants(self, queryset, name, value):
        return queryset.with_participants(list(value)) if value else queryset

    def filter_date_from(self, queryset, name, value):
        return queryset.overlapping(value, None)

    def filter_date_to(self, queryset, name, value):
        return queryset.overlapping(None, value)
