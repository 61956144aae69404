"""Writes on actors that span models. Admin actions and API views call these."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import F
from simple_history.models import HistoricalChanges

from .models import Actor, ActorMerge, Alias, Curated, Origin


class MergeError(ValueError):
    pass


class StaleVersion(Exception):
    """Someone saved the record since the caller read it. (Defined here, at the root of the
    dependency chain, so that every app's versioned writes raise the same exception;
    `statements.services.StaleVersion` is this class.)"""

    def __init__(self, current: int, expected: int) -> None:
        super().__init__(
            f"This record was changed by someone else (now version {current}, "
            f"you edited version {expected}). Reload it and apply your change again."
        )
        self.current = current
        self.expected = expected


@transaction.atomic
def curated_update(
    *, obj: Curated, user: Any, expected_version: int | None = None, reason: str = "Edited"
) -> Curated:
    """Save an editor's change to a versioned record (an actor, a meeting) whose fields were
    set on `obj`: compare-and-swap on `version` (StaleVersion if someone saved it since
    `expected_version`), mark it corrected so a re-import keeps it, and record who and why."""
    model = type(obj)
    rows = model.objects.filter(pk=obj.pk)
    if expected_version is not None:
        rows = rows.filter(version=expected_version)
    if not rows.update(version=F("version") + 1):
        current = model.objects.filter(pk=obj.pk).values_list("version", flat=True).first()
        raise StaleVersion(current or 0, expected_version or 0)
    obj.version = model.objects.filter(pk=obj.pk).values_list("version", flat=True).get()
    obj.origin = Origin.CORRECTED
    obj._history_user = user if getattr(user, "is_authenticated", False) else None
    obj._change_reason = reason[:100]
    obj.save()
    return obj


def _relations_to_actor() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) whose foreign key points at Actor, found from the model
    registry so that actors need not import the apps built on top of them."""
    found = []
    for rel in Actor._meta.related_objects:
        if rel.many_to_many:
            continue
        model = rel.related_model
        # History rows keep pointing at what was true then. (Only the historical models are
        # skipped: `_meta.simple_history_manager_attribute` marks the *tracked* models, such
        # as Statement and Claim, whose references must move.)
        if issubclass(model, HistoricalChanges):
            continue
        found.append((model, rel.field.name))
    return found


@transaction.atomic
def actor_merge(*, keep: Actor, merge: Actor, user=None, note: str = "") -> ActorMerge:
    """Fold `merge` into `keep`: every statement, claim, participation, alias, role and other
    reference moves to `keep`, `merge`'s names become aliases of `keep`, and `merge` is
    deleted. All in one transaction, recorded as an ActorMerge.

    Rows that would collide with a unique constraint on `keep` (the same participation or
    alias twice) are dropped rather than duplicated.
    """
    if keep.pk == merge.pk:
        raise MergeError("An actor cannot be merged into itself.")
    keep = Actor.objects.select_for_update().get(pk=keep.pk)
    merge = Actor.objects.select_for_update().get(pk=merge.pk)
    moved: Counter[str] = Counter()

    # Names first, so the merged actor stays findable by every name it had.
    known = set(keep.aliases.values_list("key", flat=True)) | {keep.name_key}
    for alias in [*merge.aliases.all(), Alias(name=merge.name)]:
        if alias.name.casefold() in known:
            continue
        Alias.objects.create(actor=keep, name=alias.name, origin=Origin.CORRECTED)
        known.add(alias.name.casefold())
        moved["aliases"] += 1
    merge.aliases.all().delete()

    for model, field in _relations_to_actor():
        if model is Alias:
            continue
        label = model._meta.verbose_name_plural
        for row in model._base_manager.filter(**{field: merge}):
            try:
                with transaction.atomic():
                    model._base_manager.filter(pk=row.pk).update(**{field: keep})
                moved[str(label)] += 1
            except IntegrityError:
                row.delete()  # keep already has the same row (same meeting, same role…)
                moved[f"{label} (duplicates dropped)"] += 1

    # Many-to-many links (article authors) move too.
    for rel in Actor._meta.related_objects:
        if not rel.many_to_many:
            continue
        through = rel.through
        source_field = rel.field.m2m_reverse_field_name()
        other_field = rel.field.m2m_field_name()
        existing = set(
            through.objects.filter(**{source_field: keep}).values_list(other_field, flat=True)
        )
        for row in through.objects.filter(**{source_field: merge}):
            if getattr(row, f"{other_field}_id") in existing:
                row.delete()
            else:
                through.objects.filter(pk=row.pk).update(**{source_field: keep})
                moved[str(rel.related_model._meta.verbose_name_plural)] += 1

    record = ActorMerge.objects.create(
        kept=keep,
        merged_id=merge.pk,
        merged_name=merge.name,
        merged_slug=merge.slug,
        moved=dict(moved),
        merged_by=user,
        note=note,
    )
    merge._history_user = user
    merge.delete()
    Actor.objects.filter(pk=keep.pk).update(version=F("version") + 1)
    keep.refresh_from_db()
    keep._history_user = user
    keep._change_reason = f"Merged {record.merged_name} into this actor"
    keep.origin = Origin.CORRECTED
    keep.save()
    return record
