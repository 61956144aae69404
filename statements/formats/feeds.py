"""Atom feeds (django.contrib.syndication): new meetings, new claims, claim reviews.

Each takes `?actor=<slug>` (meetings: repeatable, every one took part; claims: made by or about
the actor). Summaries are sent as `type="html"`, so every stored string is HTML-escaped before
it goes in: a feed reader renders `<script>` in an editor's note as text, never as markup.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import Q, QuerySet
from django.http import HttpResponseBadRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from actors.models import Actor
from events.models import Meeting
from statements.models import Claim

from .queries import BadFilter, MeetingFilter

LIMIT = 50


@dataclass(frozen=True)
class Scope:
    """What one request asked for (Feed instances are shared between requests: no state
    on `self`)."""

    filter: MeetingFilter
    query: str

    @property
    def actors(self) -> tuple[Actor, ...]:
        return self.filter.actors


class ParleyFeed(Feed):
    feed_type = Atom1Feed
    author_name = "Parley"
    path = ""
    noun = ""

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except BadFilter as exc:
            return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")

    def get_object(self, request, *args, **kwargs) -> Scope:
        return Scope(MeetingFilter.from_query(request.GET), request.GET.urlencode())

    def _with(self, obj: Scope) -> str:
        return f" with {' and '.join(a.name for a in obj.actors)}" if obj.actors else ""

    def title(self, obj: Scope) -> str:
        return f"Parley: {self.noun}{self._with(obj)}"

    def link(self, obj: Scope) -> str:
        return self.path + (f"?{obj.query}" if obj.query else "")

    def feed_url(self, obj: Scope) -> str:
        return self.link(obj)

    def subtitle(self, obj: Scope) -> str:
        return f"The latest {LIMIT} {self.noun} recorded by Parley{self._with(obj)}."

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class MeetingsFeed(ParleyFeed):
    """New meetings, newest recorded first (undated ones too: a new meeting is news)."""

    path = "/feeds/meetings.atom"
    noun = "new meetings"

    def items(self, obj: Scope) -> QuerySet[Meeting]:
        return Meeting.objects.for_site_timeline(actors=obj.actors, kind=obj.filter.kind).order_by(
            "-created_at", "-pk"
        )[:LIMIT]

    def item_title(self, item: Meeting) -> str:
        return f"{item.title} ({item.date_display})"

    def item_description(self, item: Meeting) -> str:
        names = ", ".join(escape(p.actor.name) for p in item.participations.all())
        parts = [f"<p>{escape(item.get_kind_display())}, {escape(item.date_display)}"]
        if item.place:
            parts.append(f", {escape(item.place)}")
        parts.append(".</p>")
        if names:
            parts.append(f"<p>Participants: {names}.</p>")
        return "".join(parts)

    def item_categories(self, item: Meeting) -> list[str]:
        return [item.kind]


class ClaimsFeed(ParleyFeed):
    """New claims, made by or about `?actor=`, newest first."""

    path = "/feeds/claims.atom"
    noun = "new claims"

    def claims(self, obj: Scope) -> QuerySet[Claim]:
        qs = Claim.objects.select_related("claimant", "subject")
        for actor in obj.actors:
            qs = qs.filter(Q(claimant=actor) | Q(subject=actor))
        return qs

    def items(self, obj: Scope) -> QuerySet[Claim]:
        return self.claims(obj).order_by("-created_at", "-pk")[:LIMIT]

    def item_title(self, item: Claim) -> str:
        return f"{item.claimant.name}: {item.text}"

    def item_description(self, item: Claim) -> str:
        parts = [f"<p>{escape(item.claimant.name)} claims: {escape(item.text)}"]
        if item.condition:
            parts.append(f" (on condition: {escape(item.condition)})")
        parts.append(".</p>")
        if item.subject_id:
            parts.append(f"<p>About: {escape(item.subject.name)}.</p>")
        parts.append(f"<p>Review: {escape(item.get_status_display())}.</p>")
        return "".join(parts)


class ReviewedClaimsFeed(ClaimsFeed):
    """Claims whose review status changed, latest review first; a re-review is a new entry
    (its id carries the review time)."""

    path = "/feeds/claims/reviewed.atom"
    noun = "claim reviews"

    def items(self, obj: Scope) -> QuerySet[Claim]:
        return (
            self.claims(obj)
            .filter(reviewed_at__isnull=False)
            .order_by("-reviewed_at", "-pk")[:LIMIT]
        )

    def item_title(self, item: Claim) -> str:
        return f"{item.get_status_display()}: {item.text}"

    def item_description(self, item: Claim) -> str:
        note = f"<p>Editor's note: {escape(item.review_note)}</p>" if item.review_note else ""
        return super().item_description(item) + note

    def item_guid(self, item: Claim) -> str:
        """A stable id per (claim, review): the same review is the same entry on every
        request, a new review of the same claim a new entry."""
        key = f"parley:claim:{item.pk}:review:{item.reviewed_at.isoformat()}"
        return uuid.uuid5(uuid.NAMESPACE_URL, key).urn

    def item_guid_is_permalink(self, item: Claim) -> bool:
        return False

    def item_pubdate(self, item):
        return item.reviewed_at

    def item_updateddate(self, item):
        return item.reviewed_at
