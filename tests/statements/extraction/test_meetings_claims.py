"""Meetings (reported and mentioned) and claims with conditions, on a made-up story."""

from __future__ import annotations

import datetime as dt

from statements.extraction import extract

STORY = """Leaders Hold Talks

June 6, 2019 9:00 AM ET

Tom Hale will lift sanctions as long as Vera Ostrova keeps her promise, Chancellor Eva Lind said after talks with Ostrova on Wednesday. The two met in Bergen, Norway.

No agreement came out of the meeting. Lind said later that Hale was ready to lift sanctions.

The talks came three months after Ostrova and Hale held their third summit, which built on the second one.
"""


def test_meetings() -> None:
    ex = extract(STORY)
    main = ex.meetings[0]
    assert {p.actor for p in main.participants} == {"Eva Lind", "Vera Ostrova"}
    assert main.start.value == dt.date(2019, 6, 5)
    assert main.place == "Bergen, Norway"
    assert main.title == "Lind–Ostrova talks in Bergen, 2019"
    assert main.outcomes == ("No agreement came out of the meeting",)
    third = next(m for m in ex.meetings if m.title.startswith("Third"))
    assert third.mentioned_only and third.start.iso() == "2019-03" and third.start.approximate
    assert {p.actor for p in third.participants} == {"Tom Hale", "Vera Ostrova"}


def test_claim_with_condition_merged() -> None:
    ex = extract(STORY)
    (claim,) = [c for c in ex.claims if c.subject == "Tom Hale"]
    assert claim.claimant == "Eva Lind"
    assert claim.text == "Tom Hale will lift sanctions"
    assert claim.condition == "as long as Vera Ostrova keeps her promise"
    assert len(claim.evidence) == 2
