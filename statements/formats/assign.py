"""Fill empty CAMEO codes on stored meetings and statements, in batches.

Per batch of meetings: 2 queries to read (the meetings, their participants) and 1 to write;
per batch of statements: 1 to read (the reporting cue is cut out of the article text by the
database) and 1 to write; plus 1 query up front for the states' names. Codes an editor set are
never touched: only empty ones are filled. The writes are derived data, so they bypass
`version` and the history (like `last_day`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import F, Prefetch
from django.db.models.functions import Substr

from actors.models import Actor, ActorKind
from events.models import Meeting, ParticipantRole, Participation
from statements.models import Statement

from .cameo import meeting_cameo, statement_cameo


@dataclass
class AssignResult:
    meetings: Counter[str] = field(default_factory=Counter)
    statements: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        def fmt(counts: Counter[str]) -> str:
            return ", ".join(f"{code}×{n}" for code, n in sorted(counts.items())) or "none"

        return (
            f"{sum(self.meetings.values())} meetings ({fmt(self.meetings)}), "
            f"{sum(self.statements.values())} statements ({fmt(self.statements)})"
        )


def state_names() -> dict[str, int]:
    """Every name and alias of every state, casefolded → the state's id (one query)."""
    names: dict[str, int] = {}
    rows = Actor.objects.filter(kind=ActorKind.STATE).values_list("pk", "name", "aliases__name")
    for actor_id, name, alias in rows:
        names[name.casefold()] = actor_id
        if alias:
            names[alias.casefold()] = actor_id
    return names


def states_in_place(place: str, names: dict[str, int]) -> set[int]:
    """The states a place names: 'Russky Island in eastern Russia' → {Russia's id}."""
    folded = place.casefold()
    return {
        actor_id
        for name, actor_id in names.items()
        if name and re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", folded)
    }


def meeting_code(meeting: Meeting, names: dict[str, int]) -> str:
    participations = list(meeting.participations.all())
    host = True if any(p.role == ParticipantRole.HOST for p in participations) else None
    place_states = states_in_place(meeting.place, names) if meeting.place else set()
    at_home: bool | None = None
    if place_states:
        countries = {
            p.actor_id if p.actor.kind == ActorKind.STATE else p.actor.country_id
            for p in participations
        }
        at_home = bool(place_states & countries)
    return meeting_cameo(meeting.kind, host, at_home)


def assign_cameo_codes(*, batch_size: int = 500, dry_run: bool = False) -> AssignResult:
    result = AssignResult()
    names = state_names()
    last = 0
    while True:
        batch = list(
            Meeting.objects.filter(cameo_code="", pk__gt=last)
            .order_by("pk")
            .only("pk", "kind", "place")
            .prefetch_related(
                Prefetch(
                    "participations",
                    queryset=Participation.objects.select_related("actor").only(
                        "meeting_id", "role", "actor_id", "actor__kind", "actor__country_id"
                    ),
                )
            )[:batch_size]
        )
        if not batch:
            break
        for meeting in batch:
            meeting.cameo_code = meeting_code(meeting, names)
            result.meetings[meeting.cameo_code] += 1
        if not dry_run:
            with transaction.atomic():
                Meeting.objects.bulk_update(batch, ["cameo_code"])
        last = batch[-1].pk
    last = 0
    while True:
        batch = list(
            Statement.objects.filter(cameo_code="", pk__gt=last)
            .order_by("pk")
            .only("pk", "text", "direct")
            .annotate(
                cue=Substr("article__text", F("cue_start") + 1, F("cue_end") - F("cue_start"))
            )[:batch_size]
        )
        if not batch:
            break
        for statement in batch:
            statement.cameo_code = statement_cameo(
                statement.cue or "", statement.text, statement.direct
            )
            result.statements[statement.cameo_code] += 1
        if not dry_run:
            with transaction.atomic():
                Statement.objects.bulk_update(batch, ["cameo_code"])
        last = batch[-1].pk
    return result
