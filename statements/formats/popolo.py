"""A Popolo-shaped export (https://www.popoloproject.com/specs/): persons, organizations,
memberships, events and speeches, built from `.values()` rows in seven queries whatever the
number of rows.

Ids are Parley's slugs (actors, meetings) and `statement-<pk>` / `role-<pk>` (speeches,
memberships); every `*_id` in the document refers to an id in it. States, media outlets,
organisations and groups are all organizations, told apart by `classification`. A speech is
`type: "speech"` when it is a direct quote and `"summary"` when the article reports it in its
own words; `attribution_text` is the article's own cue with the relay clause that follows it
("Putin said, The Associated Press reported").
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from django.db.models import F
from django.db.models.functions import Substr
from django.urls import reverse

from actors.models import Actor, ActorKind, Alias, Role
from events.models import Meeting, MeetingRelation, Participation, RelationKind
from statements.models import Statement

from .dates import partial_iso


def _actors() -> tuple[list[dict], list[dict]]:
    aliases: dict[int, list[str]] = defaultdict(list)
    for actor_id, name in Alias.objects.order_by("actor_id", "name").values_list(
        "actor_id", "name"
    ):
        aliases[actor_id].append(name)
    persons, organizations = [], []
    rows = Actor.objects.order_by("name", "pk").values(
        "pk", "slug", "name", "kind", "wikidata_id", "country__slug", "description"
    )
    for row in rows:
        doc: dict[str, Any] = {"id": row["slug"], "name": row["name"]}
        other = [n for n in aliases[row["pk"]] if n != row["name"]]
        if other:
            doc["other_names"] = [{"name": n} for n in other]
        if row["wikidata_id"]:
            doc["identifiers"] = [{"scheme": "wikidata", "identifier": row["wikidata_id"]}]
        if row["description"]:
            doc["summary"] = row["description"]
        if row["kind"] == ActorKind.PERSON:
            if row["country__slug"]:
                doc["national_identity"] = row["country__slug"]
            persons.append(doc)
        else:
            doc["classification"] = row["kind"]
            if row["country__slug"]:
                doc["area_id"] = row["country__slug"]
            organizations.append(doc)
    return persons, organizations


def _memberships() -> list[dict]:
    out = []
    rows = Role.objects.order_by("actor__slug", "title", "pk").values(
        "pk", "title", "actor__slug", "actor__kind", "organization__slug", "start_date", "end_date"
    )
    for row in rows:
        doc: dict[str, Any] = {"id": f"role-{row['pk']}", "role": row["title"]}
        if row["actor__kind"] == ActorKind.PERSON:
            doc["person_id"] = row["actor__slug"]
        else:
            doc["member"] = {"@type": "Organization", "id": row["actor__slug"]}
        if row["organization__slug"]:
            doc["organization_id"] = row["organization__slug"]
        if row["start_date"]:
            doc["start_date"] = row["start_date"].isoformat()
        if row["end_date"]:
            doc["end_date"] = row["end_date"].isoformat()
        out.append(doc)
    return out


def _events() -> list[dict]:
    attendees: dict[int, list[dict]] = defaultdict(list)
    for row in Participation.objects.order_by("meeting_id", "actor__name").values(
        "meeting_id", "role", "actor__slug", "actor__name", "actor__kind"
    ):
        attendees[row["meeting_id"]].append(
            {
                "id": row["actor__slug"],
                "name": row["actor__name"],
                "classification": row["actor__kind"],
                "role": row["role"],
            }
        )
    parents = dict(
        MeetingRelation.objects.filter(kind=RelationKind.PART_OF)
        .order_by("-pk")
        .values_list("source_id", "target__slug")
    )
    out = []
    rows = Meeting.objects.order_by(F("start_date").asc(nulls_last=True), "title", "pk").values(
        "pk",
        "slug",
        "title",
        "kind",
        "place",
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "date_approximate",
        "cameo_code",
    )
    for row in rows:
        doc: dict[str, Any] = {
            "id": row["slug"],
            "name": row["title"],
            "classification": row["kind"],
        }
        start = partial_iso(row["start_date"], row["start_precision"])
        if start:
            doc["start_date"] = start
        end = partial_iso(row["end_date"], row["end_precision"])
        if end:
            doc["end_date"] = end
        if row["date_approximate"]:
            doc["date_approximate"] = True
        if row["place"]:
            doc["location"] = row["place"]
        if row["pk"] in parents:
            doc["parent_id"] = parents[row["pk"]]
        if row["cameo_code"]:
            doc["identifiers"] = [{"scheme": "cameo", "identifier": row["cameo_code"]}]
        doc["attendees"] = attendees[row["pk"]]
        out.append(doc)
    return out


# The article's relay clause right after the cue: "Putin said|, The Associated Press reported."
RELAY = re.compile(
    r"^,\s+((?:the\s+)?[A-Z][^,.;:!?\"“”\n]{0,60}?\s+(?:reported|reports|said|says|told))(?!\w)"
)
TAIL = 80


def attribution_text(cue: str | None, tail: str | None) -> str | None:
    """The cue as the article words it, with the relay clause when the article puts one
    right after it: ("Putin said", ", The Associated Press reported. …") →
    "Putin said, The Associated Press reported". Only the article's own words, never built."""
    if not cue:
        return None
    match = RELAY.match(tail or "")
    return f"{cue}, {match.group(1)}" if match else cue


def _speeches(base: str) -> list[dict]:
    out = []
    rows = (
        Statement.objects.order_by("article_id", "start", "pk")
        .annotate(
            cue=Substr("article__text", F("cue_start") + 1, F("cue_end") - F("cue_start")),
            cue_tail=Substr("article__text", F("cue_end") + 1, TAIL),
        )
        .values(
            "pk",
            "text",
            "direct",
            "speaker__slug",
            "meeting__slug",
            "reported_via__slug",
            "date",
            "date_precision",
            "cue",
            "cue_tail",
            "article__slug",
            "article__url",
            "cameo_code",
        )
    )
    for row in rows:
        doc: dict[str, Any] = {
            "id": f"statement-{row['pk']}",
            "creator_id": row["speaker__slug"],
            "type": "speech" if row["direct"] else "summary",
            "text": row["text"],
        }
        if row["meeting__slug"]:
            doc["event_id"] = row["meeting__slug"]
        attribution = attribution_text(row["cue"], row["cue_tail"])
        if attribution:
            doc["attribution_text"] = attribution
        if row["reported_via__slug"]:
            doc["reported_via_id"] = row["reported_via__slug"]
        date = partial_iso(row["date"], row["date_precision"])
        if date:
            doc["date"] = date
        doc["source_url"] = row["article__url"] or base + reverse(
            "article-detail", args=[row["article__slug"]]
        )
        doc["article_id"] = row["article__slug"]
        if row["cameo_code"]:
            doc["identifiers"] = [{"scheme": "cameo", "identifier": row["cameo_code"]}]
        out.append(doc)
    return out


def popolo_export(base: str = "") -> dict[str, list[dict]]:
    persons, organizations = _actors()
    return {
        "persons": persons,
        "organizations": organizations,
        "memberships": _memberships(),
        "events": _events(),
        "speeches": _speeches(base),
    }
