"""A small world that mirrors the first seed article, built with factories.

Putin and Kim Jong Un meet in Vladivostok (an exact day); the six-party talks run 2003–2009
(a range of years); the second Trump–Kim summit is "c. Feb 2019" (approximate); one meeting
has no date. NPR publishes, The Associated Press relays, NPR's Lucian Kim comments.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from actors.models import Actor, ActorKind
from events.models import Meeting, MeetingRelation, Participation, Precision
from statements.models import Article, Claim, MeetingMention, Statement
from tests import factories as f

HEADER = "Kim Jong Un Willing To Denuclearize If Given Security Guarantees, Putin Says\n\nApril 25, 2019\n\n"
BODY = (
    "If North Korea is given security guarantees, Kim Jong Un would be willing to "
    "denuclearize, Russian President Vladimir Putin said after talks with Kim Thursday. "
    "The two met on Russky Island.\n\n"
    "Sign Up For The NPR Daily Newsletter\n\n"
    '"Above all, he focuses on protecting national interests and security," Putin said, '
    "The Associated Press reported.\n\n"
    "\"That's not just Putin being sarcastic,\" NPR's Moscow correspondent Lucian Kim told "
    "NPR's Up First.\n"
)
TRAILER = "\nCopyright 2019 NPR\n"
TEXT = HEADER + BODY + TRAILER


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


@dataclass
class World:
    putin: Actor
    kim: Actor
    lucian: Actor
    trump: Actor
    npr: Actor
    ap: Actor
    russia: Actor
    north_korea: Actor
    article: Article
    vladivostok: Meeting
    six_party: Meeting
    hanoi: Meeting
    undated: Meeting
    willing: Statement
    above_all: Statement
    sarcastic: Statement
    claim: Claim


def person(name: str, slug: str, **kw) -> Actor:
    return f.ActorFactory(name=name, slug=slug, kind=ActorKind.PERSON, **kw)


def build_world(text: str = TEXT) -> World:
    russia = f.StateFactory(name="Russia", slug="russia")
    north_korea = f.StateFactory(name="North Korea", slug="north-korea")
    putin = person("Vladimir Putin", "vladimir-putin", country=russia)
    f.AliasFactory(actor=putin, name="Putin")
    f.RoleFactory(actor=putin, title="President", organization=russia)
    kim = person("Kim Jong Un", "kim-jong-un", country=north_korea)
    lucian = person("Lucian Kim", "lucian-kim")
    trump = person("Donald Trump", "donald-trump")
    npr = f.MediaFactory(name="NPR", slug="npr")
    ap = f.MediaFactory(name="The Associated Press", slug="the-associated-press")

    body_start = text.index("If North Korea")
    body_end = text.index("Copyright") - 1 if "Copyright" in text else len(text)
    article = f.ArticleFactory(
        title="Kim Jong Un Willing To Denuclearize If Given Security Guarantees, Putin Says",
        slug="kim-willing-to-denuclearize",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        publisher=npr,
        byline="Matthew S. Schwartz",
        url="https://www.npr.org/2019/04/25/kim-putin",
        body_start=body_start,
        body_end=body_end,
        boilerplate=[list(span(text, "Sign Up For The NPR Daily Newsletter"))],
        published_tz="America/New_York",
    )

    vladivostok = f.MeetingFactory(
        title="Putin–Kim talks on Russky Island",
        slug="putin-kim-talks-2019",
        kind="summit",
        place="Russky Island, Vladivostok, Russia",
        start_date=dt.date(2019, 4, 25),
        outcomes=["No major agreements", "Both sides said they were satisfied"],
    )
    six_party = f.MeetingFactory(
        title="Six-party talks",
        slug="six-party-talks",
        kind="series",
        start_date=dt.date(2003, 1, 1),
        start_precision=Precision.YEAR,
        end_date=dt.date(2009, 1, 1),
        end_precision=Precision.YEAR,
        mentioned_only=True,
    )
    hanoi = f.MeetingFactory(
        title="Second Trump–Kim summit",
        slug="second-trump-kim-summit",
        kind="summit",
        start_date=dt.date(2019, 2, 1),
        start_precision=Precision.MONTH,
        date_approximate=True,
        outcomes=["Signing ceremony cancelled"],
    )
    undated = f.MeetingFactory(
        title="A future round of talks", slug="future-round", kind="negotiation", start_date=None
    )
    for meeting, actor, role in [
        (vladivostok, putin, "host"),
        (vladivostok, kim, "guest"),
        (six_party, russia, "participant"),
        (six_party, north_korea, "participant"),
        (hanoi, kim, "participant"),
        (hanoi, trump, "participant"),
        (undated, putin, "participant"),
    ]:
        Participation.objects.create(meeting=meeting, actor=actor, role=role)
    MeetingRelation.objects.create(source=vladivostok, target=hanoi, kind="follows")
    MeetingMention.objects.create(
        article=article,
        meeting=vladivostok,
        **dict(zip(("start", "end"), span(text, "talks with Kim Thursday"), strict=True)),
    )

    def statement(speaker, needle, **kw) -> Statement:
        s, e = span(text, needle)
        return f.StatementFactory(
            article=article, speaker=speaker, start=s, end=e, text=text[s:e], **kw
        )

    willing = statement(
        putin,
        "Kim Jong Un would be willing to denuclearize",
        direct=False,
        meeting=vladivostok,
    )
    above_all = statement(
        putin,
        "Above all, he focuses on protecting national interests and security,",
        direct=True,
        reported_via=ap,
        meeting=vladivostok,
    )
    sarcastic = statement(lucian, "That's not just Putin being sarcastic,", direct=True)
    claim = f.ClaimFactory(
        claimant=putin,
        subject=kim,
        text="Kim Jong Un is willing to denuclearize",
        condition="given security guarantees",
        reported_via=ap,
    )
    claim.evidence.add(willing, above_all)
    return World(
        putin, kim, lucian, trump, npr, ap, russia, north_korea, article,
        vladivostok, six_party, hanoi, undated, willing, above_all, sarcastic, claim,
    )  # fmt: skip


def add_rows(world: World, n: int) -> None:
    """n more of everything each page lists: meetings with Putin, statements by Putin in a
    new article (one at the Vladivostok talks), claims by and about Putin and Kim."""
    words = [f"Sentence number {i} was said here." for i in range(n)]
    text = "Another article\n\n" + " ".join(words) + "\n"
    article = f.ArticleFactory(text=text, publisher=world.npr, body_end=len(text))
    for i in range(n):
        other = person(f"Envoy {i}", f"envoy-{i}")
        meeting = f.MeetingFactory(start_date=dt.date(2010 + i % 9, 1 + i % 12, 1))
        Participation.objects.create(meeting=meeting, actor=world.putin)
        Participation.objects.create(meeting=meeting, actor=other)
        Participation.objects.create(meeting=meeting, actor=world.kim)
        MeetingMention.objects.create(
            article=article, meeting=world.vladivostok, start=i, end=i + 1
        )
        s, e = span(text, words[i])
        statement = f.StatementFactory(
            article=article, speaker=world.putin, start=s, end=e, text=text[s:e],
            meeting=world.vladivostok, reported_via=world.ap,
        )  # fmt: skip
        claim = f.ClaimFactory(claimant=world.putin, subject=world.kim, reported_via=world.ap)
        claim.evidence.add(statement)
        world.claim.evidence.add(statement)
        world.willing.claims.add(claim)
        f.AliasFactory(actor=world.putin, name=f"Putin alias {i}")
