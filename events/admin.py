"""The editors' admin for meetings: participants, dates at their precision, related meetings."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count

from actors.admin_versioning import CuratedAdmin

from .models import Meeting, MeetingRelation, Participation


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = ["actor", "role", "origin"]
    readonly_fields = ["origin"]
    autocomplete_fields = ["actor"]
    verbose_name = "participant"


class RelationInline(admin.TabularInline):
    model = MeetingRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]
    verbose_name = "related meeting"
    verbose_name_plural = "related meetings (this meeting … the other)"


@admin.register(Meeting)
class MeetingAdmin(CuratedAdmin):
    list_display = [
        "title",
        "kind",
        "date_display",
        "place",
        "participant_count",
        "mentioned_only",
        "origin",
    ]
    list_filter = ["kind", "mentioned_only", "date_approximate", "origin"]
    search_fields = ["title", "place"]
    ordering = ["start_date", "title", "pk"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "place", "mentioned_only", "outcomes"]}),
        (
            "Date (stored at its true precision)",
            {
                "fields": [
                    ("start_date", "start_precision"),
                    ("end_date", "end_precision"),
                    "date_approximate",
                    "last_day",
                ],
                "description": "A month-precise date is stored as the first day of the "
                "month (2019-02-01 + month = February 2019).",
            },
        ),
        (
            "Record",
            {
                "fields": [
                    "origin",
                    "confidence",
                    "version",
                    "created_at",
                    "updated_at",
                    "expected_version",
                ]
            },
        ),
    ]
    readonly_fields = ["origin", "confidence", "version", "created_at", "updated_at", "last_day"]
    inlines = [ParticipationInline, RelationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(participant_total=Count("participations"))

    @admin.display(description="date", ordering="start_date")
    def date_display(self, obj):
        return obj.date_display

    @admin.display(description="participants", ordering="participant_total")
    def participant_count(self, obj):
        return obj.participant_total
