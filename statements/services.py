"""Editors' writes on claims and statements. The admin and the API both call these, so a
change is versioned, stamped and recorded the same way wherever it is made."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from actors.models import Actor, Origin
from actors.services import StaleVersion  # re-exported: the one versioning exception
from events.models import Meeting

from .models import Claim, ReviewStatus, Statement


def _claim_version(obj: models.Model, expected_version: int | None) -> None:
    """Compare-and-swap on the version column: atomic on every database, so of two editors
    saving the same version exactly one wins."""
    model = type(obj)
    if expected_version is None:
        model.objects.filter(pk=obj.pk).update(version=F("version") + 1)
    else:
        won = model.objects.filter(pk=obj.pk, version=expected_version).update(
            version=F("version") + 1
        )
        if not won:
            current = model.objects.filter(pk=obj.pk).values_list("version", flat=True).first()
            raise StaleVersion(current or 0, expected_version)
    obj.version = model.objects.filter(pk=obj.pk).values_list("version", flat=True).get()


def _save_with_history(obj: models.Model, user: Any, reason: str) -> None:
    obj._history_user = user if getattr(user, "is_authenticated", False) else None
    obj._change_reason = reason[:100]
    obj.save()


@transaction.atomic
def claim_review(
    *,
    claim: Claim,
    status: str,
    reviewer: Any,
    note: str,
    expected_version: int | None = None,
) -> Claim:
    """Set a claim's review status; the reviewer and time are stamped, the note is required
    for anything but 'unreviewed' so that the why is never lost."""
    if status not in ReviewStatus.values:
        raise ValueError(f"Unknown review status {status!r}.")
    if status != ReviewStatus.UNREVIEWED and not note.strip():
        raise ValueError("A review needs a note saying why.")
    _claim_version(claim, expected_version)
    claim.status = status
    claim.review_note = note.strip()
    claim.reviewed_by = reviewer if getattr(reviewer, "is_authenticated", False) else None
    claim.reviewed_at = timezone.now()
    _save_with_history(claim, reviewer, f"Review: {status}")
    return claim


CLAIM_CONTENT_FIELDS = ("text", "condition", "subject", "claimant")


@transaction.atomic
def claim_create(
    *,
    user: Any,
    claimant: Actor,
    text: str,
    subject: Actor | None = None,
    condition: str = "",
    reported_via: Actor | None = None,
    evidence: Iterable[Statement] = (),
) -> Claim:
    """An editor enters a claim the importer missed. Its fingerprint is the one the loader
    would compute, so a later import of the same claim finds it (and keeps it, as curated)."""
    from .loader import claim_fingerprint

    if not text.strip():
        raise ValueError("A claim's proposition cannot be empty.")
    claim = Claim(
        claimant=claimant,
        subject=subject,
        text=text.strip(),
        condition=condition.strip(),
        reported_via=reported_via,
        fingerprint=claim_fingerprint(
            claimant.name, subject.name if subject else None, text, condition
        ),
        origin=Origin.ENTERED,
    )
    _save_with_history(claim, user, "Entered by an editor")
    claim.evidence.set(list(evidence))
    return claim


@transaction.atomic
def claim_update(
    *,
    claim: Claim,
    user: Any,
    expected_version: int | None = None,
    text: str | None = None,
    condition: str | None = None,
    subject: Actor | object | None = ...,
    status: str | None = None,
    note: str | None = None,
    claimant: Actor | None = None,
    reported_via: Actor | object | None = ...,
) -> Claim:
    """Correct a claim's content and/or review it in one versioned change."""
    changes: dict[str, Any] = {}
    if claimant is not None and claimant.pk != claim.claimant_id:
        changes["claimant"] = claimant
    if reported_via is not ... and getattr(reported_via, "pk", None) != claim.reported_via_id:
        changes["reported_via"] = reported_via
    if text is not None and text != claim.text:
        if not text.strip():
            raise ValueError("A claim's proposition cannot be empty.")
        changes["text"] = text.strip()
    if condition is not None and condition != claim.condition:
        changes["condition"] = condition.strip()
    if subject is not ... and subject != claim.subject:
        changes["subject"] = subject
    _claim_version(claim, expected_version)
    for field, value in changes.items():
        setattr(claim, field, value)
    if changes:
        claim.origin = Origin.CORRECTED
    if status is not None and (status != claim.status or note):
        if status not in ReviewStatus.values:
            raise ValueError(f"Unknown review status {status!r}.")
        claim.status = status
        claim.reviewed_by = user if getattr(user, "is_authenticated", False) else None
        claim.reviewed_at = timezone.now()
    if note is not None:
        claim.review_note = note.strip()
    _save_with_history(claim, user, "Edited: " + ", ".join(sorted(changes) or ["review"]))
    return claim


@transaction.atomic
def statement_update(
    *,
    statement: Statement,
    user: Any,
    expected_version: int | None = None,
    speaker: Actor | None = None,
    meeting: Meeting | object | None = ...,
) -> Statement:
    """Reassign a statement's speaker or meeting. The change is an editor's correction, so a
    later re-import of the same article keeps it (the loader never touches curated rows)."""
    changes = []
    _claim_version(statement, expected_version)
    if speaker is not None and speaker.pk != statement.speaker_id:
        statement.speaker = speaker
        changes.append("speaker")
    if meeting is not ... and getattr(meeting, "pk", None) != statement.meeting_id:
        statement.meeting = meeting
        changes.append("meeting")
    if changes:
        statement.origin = Origin.CORRECTED
    _save_with_history(statement, user, "Corrected: " + ", ".join(changes or ["nothing"]))
    return statement
