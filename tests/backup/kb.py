"""A small knowledge base with every kind of row a backup must carry: aliases, roles, a
country, a merge (and so a deleted actor named by history), meetings at three date
precisions with a relation, an article with authors and boilerplate, mentions, a corrected
statement, a deleted statement, a reviewed claim, an entered claim, placeholder-worthy
reviewers. Runs in a test, or in a subprocess against any database (see
`test_cross_engine.py`).
"""

from __future__ import annotations

import datetime as dt
import hashlib

from actors.models import Actor, ActorKind, Alias, Origin, Role
from actors.services import actor_merge, curated_update
from events.models import Meeting, MeetingRelation, Participation, Precision
from statements.models import ActorMention, Article, MeetingMention, ReviewStatus, Statement
from statements.services import claim_create, claim_review, statement_update
from tests import factories

TEXT = (
    "Putin and Kim meet on Russky Island\n\n"
    "By Lucian Kim\n\n"
    "VLADIVOSTOK, Russia (AP) — Russian President Vladimir Putin met North Korea's leader "
    'Kim Jong Un on Thursday. "We had a substantive conversation," Putin said, '
    "The Associated Press reported. Kim said the talks were \u201cvery meaningful\u201d.\n\n"
    "Sign up for our newsletter\n"
)


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def build_rich_kb() -> dict[str, object]:
    alice = factories.UserFactory(username="alice", is_staff=True)
    bob = factories.UserFactory(username="bob", is_staff=True)

    russia = Actor.objects.create(name="Russia", slug="russia", kind=ActorKind.STATE)
    korea = Actor.objects.create(name="North Korea", slug="north-korea", kind=ActorKind.STATE)
    putin = Actor.objects.create(
        name="Vladimir Putin",
        slug="vladimir-putin",
        kind=ActorKind.PERSON,
        country=russia,
        wikidata_id="Q7747",
        description="President of Russia.",
    )
    kim = Actor.objects.create(
        name="Kim Jong Un", slug="kim-jong-un", kind=ActorKind.PERSON, country=korea
    )
    ap = Actor.objects.create(
        name="The Associated Press", slug="the-associated-press", kind=ActorKind.MEDIA
    )
    npr = Actor.objects.create(name="NPR", slug="npr", kind=ActorKind.MEDIA)
    lucian = Actor.objects.create(name="Lucian Kim", slug="lucian-kim", kind=ActorKind.PERSON)
    duplicate = Actor.objects.create(name="V. Putin", slug="v-putin", kind=ActorKind.PERSON)
    Alias.objects.create(actor=putin, name="Putin")
    Alias.objects.create(actor=duplicate, name="Mr Putin")
    Role.objects.create(
        actor=putin, title="President", organization=russia, start_date=dt.date(2012, 5, 7)
    )
    Role.objects.create(actor=lucian, title="Moscow correspondent", organization=npr)

    summit = Meeting.objects.create(
        title="Putin–Kim summit",
        slug="putin-kim-summit",
        kind="summit",
        place="Russky Island, Vladivostok, Russia",
        start_date=dt.date(2019, 4, 25),
        outcomes=["no major agreements"],
        cameo_code="043",
        confidence=0.75,
    )
    earlier = Meeting.objects.create(
        title="Earlier contacts",
        slug="earlier-contacts",
        kind="visit",
        start_date=dt.date(2019, 2, 1),
        start_precision=Precision.MONTH,
        date_approximate=True,
    )
    series = Meeting.objects.create(
        title="Six-party talks",
        slug="six-party-talks",
        kind="series",
        start_date=dt.date(2003, 1, 1),
        start_precision=Precision.YEAR,
        end_date=dt.date(2009, 1, 1),
        end_precision=Precision.YEAR,
        mentioned_only=True,
    )
    Meeting.objects.create(title="Undated call", slug="undated-call", kind="call", start_date=None)
    Participation.objects.create(meeting=summit, actor=putin, role="host")
    Participation.objects.create(meeting=summit, actor=kim, role="guest")
    Participation.objects.create(meeting=summit, actor=duplicate, role="host")
    MeetingRelation.objects.create(source=summit, target=earlier, kind="follows")
    MeetingRelation.objects.create(source=earlier, target=series, kind="related")
    summit.place = "Russky Island, Russia"
    curated_update(obj=summit, user=alice, expected_version=1, reason="Place shortened")

    boiler = _span(TEXT, "Sign up for our newsletter")
    article = Article.objects.create(
        slug="putin-and-kim-meet-b90af3eb",
        title="Putin and Kim meet on Russky Island",
        text=TEXT,
        content_hash=hashlib.sha256(TEXT.encode()).hexdigest(),
        publisher=npr,
        byline="Lucian Kim",
        published_at=dt.datetime(2019, 4, 25, 11, 37, 12, 345678, tzinfo=dt.UTC),
        published_tz="America/New_York",
        url="https://example.org/2019/04/25/putin-kim",
        body_start=TEXT.index("VLADIVOSTOK"),
        body_end=boiler[0],
        boilerplate=[list(boiler)],
        source_name="000_putin_kim.txt",
        encoding="cp1252",
        warnings=["repaired mojibake"],
    )
    article.authors.add(lucian)
    for actor, words in [(putin, "Vladimir Putin"), (kim, "Kim Jong Un"), (ap, "Associated Press")]:
        start, end = _span(TEXT, words)
        ActorMention.objects.create(article=article, actor=actor, start=start, end=end, text=words)
    start, end = _span(TEXT, "met North Korea's leader")
    MeetingMention.objects.create(article=article, meeting=summit, start=start, end=end)

    start, end = _span(TEXT, "We had a substantive conversation,")
    quote = Statement.objects.create(
        article=article,
        start=start,
        end=end,
        text=TEXT[start:end],
        speaker=putin,
        direct=True,
        reported_via=ap,
        meeting=summit,
        date=dt.date(2019, 4, 25),
        utterance="b90af3ebd2cb-1",
        cue_start=end + 2,
        cue_end=end + 13,
        confidence=0.9,
        cameo_code="010",
    )
    start, end = _span(TEXT, "the talks were \u201cvery meaningful\u201d")
    reported = Statement.objects.create(
        article=article,
        start=start,
        end=end,
        text=TEXT[start:end],
        speaker=lucian,  # the "Kim" trap: corrected below to Kim Jong Un
        direct=False,
        date=dt.date(2019, 4, 1),
        date_precision=Precision.MONTH,
        date_approximate=True,
        confidence=0.4,
    )
    statement_update(
        statement=reported, user=alice, expected_version=1, speaker=kim, meeting=summit
    )
    start, end = _span(TEXT, "Putin met North Korea")
    doomed = Statement.objects.create(
        article=article, start=start, end=end, text=TEXT[start:end], speaker=kim, direct=False
    )
    doomed.delete()  # history keeps a '-' row naming a statement that no longer exists

    reviewed = factories.ClaimFactory(
        claimant=putin,
        subject=kim,
        reported_via=ap,
        text="Kim Jong Un would be willing to denuclearize",
        condition="if given security guarantees",
        confidence=0.85,
    )
    reviewed.evidence.add(quote, reported)
    claim_review(
        claim=reviewed,
        status=ReviewStatus.CONFIRMED,
        reviewer=alice,
        note="Matches the AP wire copy.",
        expected_version=1,
    )
    entered = claim_create(
        user=bob,
        claimant=kim,
        subject=None,
        text="The talks were very meaningful",
        evidence=[reported],
    )
    merge = actor_merge(keep=putin, merge=duplicate, user=bob, note="Same person")
    ghost = factories.UserFactory(username="carol")
    claim_review(
        claim=entered, status=ReviewStatus.DISPUTED, reviewer=ghost, note="Kim said 'meaningful'."
    )
    ghost.delete()  # her review survives (reviewed_by is now empty); her history rows too

    russia.description = "Russian Federation"
    russia.origin = Origin.CORRECTED
    curated_update(obj=russia, user=bob, reason="Described")
    return {"merge": merge, "reviewed": reviewed, "entered": entered, "quote": quote}
