from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Actor, ActorMerge, Alias, Role


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 0
    fields = ["name", "origin"]


class RoleInline(admin.TabularInline):
    model = Role
    fk_name = "actor"
    extra = 0
    autocomplete_fields = ["organization"]


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "country", "origin", "updated_at"]
    list_filter = ["kind", "origin"]
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    readonly_fields = ["version", "created_at", "updated_at"]
    inlines = [AliasInline, RoleInline]


@admin.register(ActorMerge)
class ActorMergeAdmin(admin.ModelAdmin):
    list_display = ["merged_name", "kept", "merged_by", "merged_at"]
    list_select_related = ["kept", "merged_by"]
    readonly_fields = [f.name for f in ActorMerge._meta.fields]
