from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Article, Claim, Statement


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_at", "source_name", "imported_at"]
    list_select_related = ["publisher"]
    search_fields = ["title", "byline", "source_name"]
    readonly_fields = ["content_hash", "text", "imported_at", "updated_at"]
    autocomplete_fields = ["publisher", "authors"]


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = [
        "short_text",
        "speaker",
        "direct",
        "reported_via",
        "meeting",
        "date",
        "confidence",
    ]
    list_filter = ["direct", "origin"]
    list_select_related = ["speaker", "reported_via", "meeting"]
    search_fields = ["text", "speaker__name"]
    autocomplete_fields = ["speaker", "reported_via", "meeting"]
    readonly_fields = ["article", "start", "end", "text", "version", "created_at", "updated_at"]

    @admin.display(description="text")
    def short_text(self, obj):
        return obj.text[:90]


@admin.register(Claim)
class ClaimAdmin(SimpleHistoryAdmin):
    list_display = ["text", "claimant", "subject", "condition", "status", "reviewed_by"]
    list_filter = ["status", "origin"]
    list_select_related = ["claimant", "subject", "reviewed_by"]
    search_fields = ["text", "condition", "claimant__name", "subject__name"]
    autocomplete_fields = ["claimant", "subject", "reported_via"]
    readonly_fields = ["fingerprint", "version", "created_at", "updated_at"]
    filter_horizontal = ["evidence"]
