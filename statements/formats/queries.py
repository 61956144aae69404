"""The reads every format makes: one place, a fixed number of queries each.

These compose the models' own QuerySet methods where they fit (`for_page`,
`for_site_timeline`) and add only what a format needs beyond a page (article authors).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import QueryDict

from actors.models import Actor
from events.models import Meeting, MeetingKind, Participation
from statements.models import Article, Claim, Statement


class BadFilter(ValueError):
    """A filter parameter that cannot be read; the view answers 400 with the message."""


@dataclass(frozen=True)
class MeetingFilter:
    """The timeline's filters, shared by the calendar, the TimelineJS JSON and the feeds:
    `actor` (slug, repeatable: every one took part), `kind`, `from`/`to` (years)."""

    actors: tuple[Actor, ...] = ()
    kind: str = ""
    year_from: int | None = None
    year_to: int | None = None

    @classmethod
    def from_query(cls, query: QueryDict) -> MeetingFilter:
        slugs = [s for s in query.getlist("actor") if s]
        actors: tuple[Actor, ...] = ()
        if slugs:
            found = {a.slug: a for a in Actor.objects.filter(slug__in=slugs)}
            missing = sorted(set(slugs) - set(found))
            if missing:
                raise BadFilter(f"Unknown actor: {', '.join(missing)}")
            actors = tuple(found[s] for s in dict.fromkeys(slugs))
        kind = query.get("kind", "")
        if kind and kind not in MeetingKind.values:
            raise BadFilter(f"Unknown kind {kind!r}; one of: {', '.join(MeetingKind.values)}")
        return cls(actors, kind, _year(query, "from"), _year(query, "to"))

    def meetings(self) -> QuerySet[Meeting]:
        """Dated meetings only (formats never show an undated one), participants prefetched."""
        return (
            Meeting.objects.for_site_timeline(
                actors=self.actors, kind=self.kind, year_from=self.year_from, year_to=self.year_to
            )
            .exclude(start_date__isnull=True)
            .order_by("start_date", "title", "pk")
        )


def _year(query: QueryDict, name: str) -> int | None:
    raw = query.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit() or not 1 <= int(raw) <= 9999:
        raise BadFilter(f"{name!r} must be a year, like 2019")
    return int(raw)


def _articles() -> QuerySet[Article]:
    return Article.objects.select_related("publisher").prefetch_related("authors")


def actors_for_jsonld() -> QuerySet[Actor]:
    """Three queries: the actor with its country, aliases, roles with their organisation."""
    return Actor.objects.for_page()


def meetings_for_jsonld() -> QuerySet[Meeting]:
    """Four queries: the meeting, participants, relations out, relations in."""
    return Meeting.objects.for_page()


def statements_for_jsonld() -> QuerySet[Statement]:
    """Two queries: the statement with speaker, outlet, meeting, article and publisher;
    the article's authors."""
    return Statement.objects.select_related(
        "speaker", "reported_via", "meeting", "article__publisher"
    ).prefetch_related("article__authors")


def claims_for_jsonld() -> QuerySet[Claim]:
    """Three queries: the claim with its chain's actors; its evidence statements with their
    speakers and articles; those articles' authors."""
    return Claim.objects.select_related("claimant", "subject", "reported_via").prefetch_related(
        Prefetch(
            "evidence",
            queryset=Statement.objects.select_related(
                "speaker", "reported_via", "article__publisher"
            )
            .prefetch_related("article__authors")
            .order_by("article__published_at", "article_id", "start"),
        )
    )


def participations_of(meeting_ids: list[int]) -> QuerySet[Participation]:
    return Participation.objects.filter(meeting_id__in=meeting_ids).select_related("actor")
