"""A small world for the formats: two leaders, their states, an outlet, meetings at each
precision, a statement with a reporting cue, and a reviewed claim."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from actors.models import Actor, ActorKind, Alias, Role
from events.models import Meeting, MeetingRelation, Participation, Precision
from statements.models import Article, Claim, ReviewStatus, Statement
from tests import factories

HOSTILE = 'Evil </script><script>alert(1)</script> ]]> & "quoted" <b>'

ARTICLE_TEXT = (
    "Leaders meet\n\n"
    "If given guarantees, Kim would be willing to disarm, Putin said, "
    "The Associated Press reported. The two met on Russky Island.\n"
)


@dataclass
class World:
    putin: Actor
    kim: Actor
    russia: Actor
    ap: Actor
    npr: Actor
    article: Article
    talks: Meeting  # day precision, Russky Island
    second: Meeting  # month precision, approximate, follows `first`
    first: Meeting  # undated
    series: Meeting  # year range, 2003–2009
    statement: Statement
    claim: Claim


def participate(meeting: Meeting, *actors: Actor, role: str = "participant") -> None:
    for actor in actors:
        Participation.objects.create(meeting=meeting, actor=actor, role=role)


def make_world() -> World:
    russia = factories.StateFactory(name="Russia", slug="russia")
    north_korea = factories.StateFactory(name="North Korea", slug="north-korea")
    putin = factories.ActorFactory(
        name="Vladimir Putin", slug="vladimir-putin", country=russia, wikidata_id="Q7747"
    )
    Alias.objects.create(actor=putin, name="Putin")
    Role.objects.create(actor=putin, title="President", organization=russia)
    kim = factories.ActorFactory(name="Kim Jong Un", slug="kim-jong-un", country=north_korea)
    ap = factories.MediaFactory(name="The Associated Press", slug="the-associated-press")
    npr = factories.MediaFactory(name="NPR", slug="npr")
    author = factories.ActorFactory(name="Matthew S. Schwartz", slug="matthew-s-schwartz")
    article = factories.ArticleFactory(
        text=ARTICLE_TEXT, publisher=npr, url="https://www.npr.org/2019/04/25/kim-putin"
    )
    article.authors.add(author)
    talks = factories.MeetingFactory(
        title="Putin–Kim talks",
        slug="putin-kim-talks",
        kind="bilateral",
        place="Russky Island, Russia",
        start_date=dt.date(2019, 4, 25),
    )
    participate(talks, putin, kim)
    first = factories.MeetingFactory(
        title="First Trump–Kim summit", slug="first-summit", start_date=None
    )
    second = factories.MeetingFactory(
        title="Second Trump–Kim summit",
        slug="second-summit",
        start_date=dt.date(2019, 2, 1),
        start_precision=Precision.MONTH,
        date_approximate=True,
    )
    participate(second, kim)
    MeetingRelation.objects.create(source=second, target=first, kind="follows")
    series = factories.MeetingFactory(
        title="Six-party talks",
        slug="six-party-talks",
        kind="series",
        start_date=dt.date(2003, 1, 1),
        start_precision=Precision.YEAR,
        end_date=dt.date(2009, 1, 1),
        end_precision=Precision.YEAR,
    )
    participate(series, russia, north_korea)
    start = ARTICLE_TEXT.index("If given")
    end = ARTICLE_TEXT.index(", Putin said")
    cue_start = ARTICLE_TEXT.index("Putin said")
    statement = factories.StatementFactory(
        article=article,
        start=start,
        end=end,
        speaker=putin,
        direct=False,
        reported_via=ap,
        meeting=talks,
        cue_start=cue_start,
        cue_end=cue_start + len("Putin said"),
    )
    claim = factories.ClaimFactory(
        claimant=putin,
        subject=kim,
        text="Kim would be willing to disarm",
        condition="if given guarantees",
        reported_via=ap,
        status=ReviewStatus.CONFIRMED,
        # no password: hashing one costs a second per test
        reviewed_by=get_user_model().objects.create(username="reviewer"),
        reviewed_at=timezone.make_aware(dt.datetime(2024, 5, 1, 12, 0)),
        review_note="Matches the AP wire.",
    )
    claim.evidence.add(statement)
    return World(
        putin, kim, russia, ap, npr, article, talks, second, first, series, statement, claim
    )


@pytest.fixture
def world(db) -> World:
    return make_world()


def more_meetings(n: int, actor: Actor | None = None) -> None:
    """`n` more dated meetings (each with a participant), for query-count comparisons."""
    for i in range(n):
        meeting = factories.MeetingFactory(start_date=dt.date(2020, 1, 1 + i))
        participate(meeting, actor or factories.ActorFactory(kind=ActorKind.PERSON))


def more_statements(n: int, world: World) -> None:
    for _ in range(n):
        article = factories.ArticleFactory(publisher=world.npr)
        statement = factories.StatementFactory(article=article, speaker=world.putin)
        claim = factories.ClaimFactory(claimant=world.putin)
        claim.evidence.add(statement)
