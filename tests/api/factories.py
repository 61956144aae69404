"""Builders for the API tests: a statement or claim with everything it embeds."""

from __future__ import annotations

import datetime as dt

from events.models import Precision
from statements.models import Claim, Statement
from tests import factories as f


def full_statement(**overrides) -> Statement:
    """A statement with a speaker, an outlet that relayed it, a meeting and a publisher."""
    article = overrides.pop("article", None) or f.ArticleFactory()
    meeting = overrides.pop("meeting", None) or f.MeetingFactory(
        start_date=dt.date(2019, 4, 25), start_precision=Precision.DAY
    )
    return f.StatementFactory(
        article=article,
        meeting=meeting,
        reported_via=overrides.pop("reported_via", None) or f.MediaFactory(),
        **overrides,
    )


def full_claim(**overrides) -> Claim:
    evidence = overrides.pop("evidence", None) or [full_statement()]
    claim = f.ClaimFactory(**overrides)
    claim.evidence.set(evidence)
    return claim


def full_actor(**overrides):
    actor = f.ActorFactory(country=overrides.pop("country", None) or f.StateFactory(), **overrides)
    f.AliasFactory(actor=actor)
    f.RoleFactory(actor=actor, organization=f.StateFactory())
    return actor


def full_meeting(**overrides):
    meeting = f.MeetingFactory(**overrides)
    f.ParticipationFactory(meeting=meeting)
    f.ParticipationFactory(meeting=meeting, role="host")
    return meeting
