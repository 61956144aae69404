"""The pipeline's data: frozen dataclasses in, frozen dataclasses out.

Nothing here knows about Django. The loader (`statements.loader`) maps an
`Extraction` onto models; the dry run serialises it with `Extraction.to_dry_run()`.
Actors are referred to by their canonical name everywhere inside one extraction,
so the loader can resolve them to rows once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class ActorKind(StrEnum):
    PERSON = "person"
    STATE = "state"
    ORGANIZATION = "organization"
    MEDIA = "media"
    GROUP = "group"


class Precision(StrEnum):
    """How much of a date is known. `approximate` is a separate flag on FuzzyDate."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class FuzzyDate:
    """A date with its precision: 2019-04-25 (day), 2019-02 (month, maybe approximate), 2003 (year).

    `value` is the first day of the period (2019-02-01 for "February 2019").
    """

    value: dt.date
    precision: Precision = Precision.DAY
    approximate: bool = False

    def iso(self) -> str:
        """'2019-04-25', '2019-02' or '2003' — the dry-run form."""
        if self.precision == Precision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision == Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class ArticleMeta:
    title: str
    published: dt.datetime | None  # timezone-aware when known; None when no date was found
    authors: tuple[str, ...] = ()
    publisher: str | None = None  # canonical name of a media actor
    url: str | None = None
    body: Span | None = None  # the article body inside the stored text
    boilerplate: tuple[Span, ...] = ()  # recognised page noise, kept out of the body


@dataclass(frozen=True)
class Role:
    title: str  # "President", "Moscow correspondent"
    organization: str | None = None  # canonical actor name: "Russia", "NPR"


@dataclass(frozen=True)
class Actor:
    name: str  # canonical name, the key used throughout the extraction
    kind: ActorKind
    aliases: tuple[str, ...] = ()  # every surface form met in the text
    country: str | None = None  # canonical name of a state actor
    roles: tuple[Role, ...] = ()


@dataclass(frozen=True)
class Mention:
    actor: str  # canonical actor name
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Participant:
    actor: str
    role: str = "participant"  # participant | host | guest | mediator


@dataclass(frozen=True)
class Meeting:
    title: str
    kind: str  # summit | bilateral | multilateral | visit | call | negotiation | series
    participants: tuple[Participant, ...]
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    place: str | None = None
    mentioned_only: bool = False  # referred to, not the event the article reports
    outcomes: tuple[str, ...] = ()
    evidence: tuple[Span, ...] = ()  # where the article talks about it
    follows: str | None = None  # title of the meeting this one follows in a series


@dataclass(frozen=True)
class Statement:
    speaker: str  # canonical actor name
    text: str  # == stored_text[start:end]
    start: int
    end: int
    direct: bool
    reported_via: str | None = None  # canonical name of a media actor
    meeting: str | None = None  # meeting title
    date: FuzzyDate | None = None
    utterance: int | None = None  # statements of one quote split by "he said" share this id
    confidence: float = 1.0
    cue: Span | None = None  # the attribution words ("Putin said")


@dataclass(frozen=True)
class Claim:
    claimant: str  # canonical actor name
    subject: str | None  # canonical actor name the proposition is about
    text: str  # normalised proposition
    condition: str | None = None
    evidence: tuple[int, ...] = ()  # indices into Extraction.statements
    reported_via: str | None = None  # outlet that carried the claimant's words, from the evidence
    confidence: float = 1.0


@dataclass(frozen=True)
class Extraction:
    text: str  # the stored text: every span points into it
    content_hash: str  # sha256 hex of `text` encoded as UTF-8
    article: ArticleMeta
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    statements: tuple[Statement, ...] = ()
    claims: tuple[Claim, ...] = ()
    warnings: tuple[str, ...] = field(default=())  # e.g. "no publication date found"

    def to_dry_run(self) -> dict:
        """The `load_seeds --dry-run --format json` object for this article."""
        published = self.article.published
        return {
            "article": {
                "title": self.article.title,
                "published": published.date().isoformat() if published else None,
                "authors": list(self.article.authors),
                "publisher": self.article.publisher,
            },
            "actors": [
                {"name": a.name, "kind": str(a.kind), "aliases": list(a.aliases)}
                for a in self.actors
            ],
            "meetings": [
                {
                    "title": m.title,
                    "participants": [p.actor for p in m.participants],
                    "start": m.start.iso() if m.start else None,
                    "end": m.end.iso() if m.end else None,
                    "place": m.place,
                    "mentioned_only": m.mentioned_only,
                }
                for m in self.meetings
            ],
            "statements": [
                {
                    "speaker": s.speaker,
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "direct": s.direct,
                    "reported_via": s.reported_via,
                }
                for s in self.statements
            ],
            "claims": [
                {
                    "claimant": c.claimant,
                    "subject": c.subject,
                    "text": c.text,
                    "condition": c.condition,
                }
                for c in self.claims
            ],
        }
