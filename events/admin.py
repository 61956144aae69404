from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Meeting, MeetingRelation, Participation


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["actor"]


class RelationInline(admin.TabularInline):
    model = MeetingRelation
    fk_name = "source"
    extra = 0
    autocomplete_fields = ["target"]
    verbose_name = "related meeting"


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "date_display", "place", "mentioned_only", "origin"]
    list_filter = ["kind", "mentioned_only", "origin"]
    search_fields = ["title", "place"]
    readonly_fields = ["version", "created_at", "updated_at", "last_day"]
    inlines = [ParticipationInline, RelationInline]

    @admin.display(description="date", ordering="start_date")
    def date_display(self, obj):
        return obj.date_display
