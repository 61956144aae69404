"""Actors: anyone or anything that acts or speaks — people, states, organisations, media, groups.

This app sits at the root of the dependency chain (actors ← events ← statements), so the
abstract provenance/versioning bases that every curated record shares live here too.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


def history_records(*indexed_fields: str, **kwargs) -> HistoricalRecords:
    """A model's history, indexed only for how it is read: by the record's id and by date (the
    admin's history and version views, the review queue). `indexed_fields` names the model's
    other indexed fields, whose copies in the history table would only slow each insert —
    every imported row writes one history row (docs/performance.md, fifth round)."""
    return HistoricalRecords(no_db_index=list(indexed_fields), **kwargs)


class Origin(models.TextChoices):
    """How a record came to be. Anything but EXTRACTED is an editor's work and is never
    overwritten by a re-import."""

    EXTRACTED = "extracted", "Extracted automatically"
    ENTERED = "entered", "Entered by an editor"
    CORRECTED = "corrected", "Corrected by an editor"


class Curated(models.Model):
    """Provenance, an optimistic-locking version (the API's ETag) and timestamps."""

    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.EXTRACTED)
    version = models.PositiveIntegerField(default=1, help_text="Bumped on every change.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True

    @property
    def is_curated(self) -> bool:
        return self.origin != Origin.EXTRACTED


class ActorKind(models.TextChoices):
    PERSON = "person", "Person"
    STATE = "state", "State"
    ORGANIZATION = "organization", "Organization"
    MEDIA = "media", "Media outlet"
    GROUP = "group", "Group"


class ActorQuerySet(models.QuerySet):
    def media(self) -> ActorQuerySet:
        return self.filter(kind=ActorKind.MEDIA)

    def people(self) -> ActorQuerySet:
        return self.filter(kind=ActorKind.PERSON)

    def with_names(self, names: list[str]) -> ActorQuerySet:
        """Actors whose canonical name or any alias is one of `names` (case-insensitive)."""
        lowered = [n.casefold() for n in names]
        return self.filter(Q(name_key__in=lowered) | Q(aliases__key__in=lowered)).distinct()

    # --- the reader's site -------------------------------------------------------------

    def by_slug_or_name(self, values: list[str]) -> ActorQuerySet:
        """Actors whose slug, or canonical name (case-insensitive), is one of `values`: the
        timeline's actor filter, chosen from its list or typed."""
        return self.filter(
            Q(slug__in=values) | Q(name_key__in=[v.casefold() for v in values])
        ).order_by("name", "pk")

    def for_page(self) -> ActorQuerySet:
        """An actor's page: country, aliases and roles (with their organisation)."""
        return self.select_related("country").prefetch_related(
            "aliases",
            models.Prefetch("roles", queryset=Role.objects.select_related("organization")),
        )

    def participants(self) -> ActorQuerySet:
        """Actors who took part in at least one meeting (the timeline's actor filter)."""
        from django.apps import apps

        participation = apps.get_model("events", "Participation")
        return self.filter(
            models.Exists(participation.objects.filter(actor=models.OuterRef("pk")))
        ).order_by("name")


class Actor(Curated):
    name = models.CharField(max_length=200)
    # casefolded name: lookups by name are case-insensitive on every database
    name_key = models.CharField(max_length=200, db_index=True, editable=False)
    slug = models.SlugField(max_length=220, unique=True)
    kind = models.CharField(max_length=12, choices=ActorKind.choices, db_index=True)
    country = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nationals",
        limit_choices_to={"kind": ActorKind.STATE},
    )
    wikidata_id = models.CharField(
        max_length=20, blank=True, default="", help_text="For example Q7747 (Vladimir Putin)."
    )
    description = models.TextField(blank=True, default="")

    history = history_records("country", "kind", "name_key", "slug", "updated_at")
    objects = ActorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["wikidata_id"],
                condition=~Q(wikidata_id=""),
                name="actor_unique_wikidata_id",
            ),
            models.CheckConstraint(condition=~Q(name=""), name="actor_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # Derived column, not business logic: keep the lookup key in step with the name.
        self.name_key = self.name.casefold()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        from config.urlcache import url_for

        return url_for("actor-detail", self.slug)


class Alias(models.Model):
    """A surface form met in text ("Putin", "Russian President Vladimir Putin")."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    key = models.CharField(max_length=200, db_index=True, editable=False)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.EXTRACTED)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "name"], name="alias_unique_per_actor")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.key = self.name.casefold()
        super().save(*args, **kwargs)


class Role(models.Model):
    """A position held, optionally over a period: Putin — President of Russia."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(max_length=200)
    organization = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.SET_NULL, related_name="role_holders"
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.EXTRACTED)

    class Meta:
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "title", "organization"], name="role_unique_per_actor"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="role_end_not_before_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} of {self.organization}" if self.organization else self.title


class ActorMerge(models.Model):
    """The record of folding a duplicate actor into another (see `actors.services.actor_merge`)."""

    kept = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="merges")
    merged_id = models.BigIntegerField()
    merged_name = models.CharField(max_length=200)
    merged_slug = models.CharField(max_length=220)
    moved = models.JSONField(default=dict, help_text="How many rows of each kind moved.")
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    merged_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True, default="")

    class Meta:
        ordering = ["-merged_at"]

    def __str__(self) -> str:
        return f"{self.merged_name} → {self.kept}"
