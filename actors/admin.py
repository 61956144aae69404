"""The editors' admin for actors: names, aliases and roles, and merging duplicates."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db import transaction
from django.db.models import Count
from django.template.response import TemplateResponse

from .admin_versioning import CuratedAdmin
from .models import Actor, ActorMerge, Alias, Role
from .services import MergeError, _relations_to_actor, actor_merge


def references_to(actors: list[Actor]) -> dict[int, dict[str, int]]:
    """How many rows of each kind point at each actor (what a merge would move): one query
    per kind of reference, found from the model registry like `actor_merge` does."""
    usage: dict[int, dict[str, int]] = {}
    for model, field in _relations_to_actor():
        label = str(model._meta.verbose_name_plural)
        rows = (
            model._base_manager.filter(**{f"{field}__in": actors})
            .values_list(field)
            .annotate(n=Count("pk"))
            .order_by()
        )
        for actor_id, n in rows:
            counts = usage.setdefault(actor_id, {})
            counts[label] = counts.get(label, 0) + n
    return usage


class CuratedRowsInline(admin.TabularInline):
    """Rows an editor adds are 'entered'; rows an editor changes are 'corrected'."""

    extra = 0
    readonly_fields = ["origin"]


class AliasInline(CuratedRowsInline):
    model = Alias
    fields = ["name", "origin"]


class RoleInline(CuratedRowsInline):
    model = Role
    fk_name = "actor"
    fields = ["title", "organization", "start_date", "end_date", "origin"]
    autocomplete_fields = ["organization"]


class MergeInline(admin.TabularInline):
    """The duplicates folded into this actor (read-only; merge with the list's action)."""

    model = ActorMerge
    fk_name = "kept"
    extra = 0
    fields = ["merged_name", "merged_slug", "moved", "merged_by", "merged_at", "note"]
    readonly_fields = fields
    verbose_name = "merged duplicate"
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("merged_by")


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(
        queryset=Actor.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        help_text="The actor that remains; the others are folded into it and deleted.",
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text="Why these are one actor (recorded with the merge).",
    )

    def __init__(self, *args, actors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = actors


@admin.register(Actor)
class ActorAdmin(CuratedAdmin):
    list_display = ["name", "kind", "country", "alias_count", "origin", "updated_at"]
    list_filter = ["kind", "origin"]
    ordering = ["name", "pk"]  # explicit: the annotated queryset drops Meta.ordering
    list_select_related = ["country"]
    search_fields = ["name", "aliases__name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country"]
    fields = [
        "name",
        "slug",
        "kind",
        "country",
        "wikidata_id",
        "description",
        "origin",
        "version",
        "created_at",
        "updated_at",
        "expected_version",
    ]
    readonly_fields = ["origin", "version", "created_at", "updated_at"]
    inlines = [AliasInline, RoleInline, MergeInline]
    actions = ["merge_actors"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(alias_total=Count("aliases"))

    @admin.display(description="aliases", ordering="alias_total")
    def alias_count(self, obj):
        return obj.alias_total

    def has_merge_permission(self, request):
        return request.user.has_perms(["actors.change_actor", "actors.add_actormerge"])

    @admin.action(permissions=["merge"], description="Merge selected actors into one…")
    def merge_actors(self, request, queryset):
        """An intermediate page picks the actor to keep and asks for a note; then each other
        selected actor is folded into it by `actor_merge`, all in one transaction."""
        actors = list(queryset.order_by("name", "pk"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two actors to merge.", messages.WARNING)
            return None
        form = MergeForm(
            request.POST if "apply" in request.POST else None,
            actors=queryset.order_by("name", "pk"),
        )
        if "apply" in request.POST and form.is_valid():
            keep = form.cleaned_data["keep"]
            note = form.cleaned_data["note"]
            others = [a for a in actors if a.pk != keep.pk]
            try:
                with transaction.atomic():
                    records = [
                        actor_merge(keep=keep, merge=other, user=request.user, note=note)
                        for other in others
                    ]
            except MergeError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return None
            self.message_user(
                request,
                f"Merged {', '.join(r.merged_name for r in records)} into {keep}.",
                messages.SUCCESS,
            )
            return None
        usage = references_to(actors)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Merge {len(actors)} actors",
            "opts": self.model._meta,
            "actors": [(actor, usage.get(actor.pk, {})) for actor in actors],
            "form": form,
            "action": request.POST.get("action", ""),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/actors/actor/merge_confirmation.html", context)


@admin.register(ActorMerge)
class ActorMergeAdmin(admin.ModelAdmin):
    """Merges are made with the actors list's action and are never edited afterwards."""

    list_display = ["merged_name", "kept", "merged_by", "merged_at", "note"]
    list_select_related = ["kept", "merged_by"]
    search_fields = ["merged_name", "kept__name", "note"]
    readonly_fields = [f.name for f in ActorMerge._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
