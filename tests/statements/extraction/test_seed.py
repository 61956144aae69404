"""End-to-end acceptance test on the seed article (NPR, 25 April 2019)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from statements.extraction import extract
from statements.extraction.types import ActorKind, Extraction, Precision

SEED = Path("/work/shared/seeds/000_8870a815817aef9b.txt")
if not SEED.exists():
    SEED = Path(__file__).resolve().parents[3] / "seeds" / "000_8870a815817aef9b.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="seed article not available")


@pytest.fixture(scope="module")
def ex() -> Extraction:
    return extract(SEED.read_bytes())


def _actor(ex: Extraction, name: str):
    found = [a for a in ex.actors if a.name == name]
    assert found, f"{name} missing from {[a.name for a in ex.actors]}"
    return found[0]


def _statement(ex: Extraction, speaker: str, starts: str):
    found = [s for s in ex.statements if s.speaker == speaker and s.text.startswith(starts)]
    assert found, (
        f"no statement by {speaker} starting {starts!r}: {[(s.speaker, s.text[:30]) for s in ex.statements]}"
    )
    return found[0]


def test_article_meta(ex: Extraction) -> None:
    a = ex.article
    assert a.title == "Kim Jong Un Willing To Denuclearize If Given Security Guarantees, Putin Says"
    assert a.published == dt.datetime(2019, 4, 25, 7, 37, tzinfo=ZoneInfo("America/New_York"))
    assert a.published.utcoffset() == dt.timedelta(hours=-4)
    assert a.authors == ("Matthew S. Schwartz",)
    assert a.publisher == "NPR"
    assert "â€" not in ex.text and "two hours — twice" in ex.text
    assert ex.warnings == ()


def test_boilerplate(ex: Extraction) -> None:
    noise = {ex.text[s.start : s.end] for s in ex.article.boilerplate}
    for line in (
        "Matthew S. Schwartz 2018 square",
        "Twitter",
        "Alexei Nikolsky/AP",
        "Sign Up For The NPR Daily Newsletter",
        "Catch up on the latest headlines and unique NPR stories, sent every weekday.",
        "E-mail address",
        "By subscribing, you agree to NPR's terms of use and privacy policy.",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
    ):
        assert line in noise
    assert any(n.startswith("Russian President Vladimir Putin, right, toasts") for n in noise)
    for st in ex.statements:
        assert not any(b.start <= st.start < b.end for b in ex.article.boilerplate)


def test_actors(ex: Extraction) -> None:
    putin = _actor(ex, "Vladimir Putin")
    assert putin.kind == ActorKind.PERSON
    assert {"Putin", "Russian President Vladimir Putin", "Vladimir Putin"} <= set(putin.aliases)
    assert putin.country == "Russia"
    assert any(r.title == "President" and r.organization == "Russia" for r in putin.roles)
    kim = _actor(ex, "Kim Jong Un")
    assert kim.kind == ActorKind.PERSON and "Kim" in kim.aliases
    lucian = _actor(ex, "Lucian Kim")
    assert lucian.kind == ActorKind.PERSON and "Kim" not in lucian.aliases
    assert any(r.title == "Moscow correspondent" and r.organization == "NPR" for r in lucian.roles)
    for person in ("Anthony Kuhn", "Donald Trump"):
        assert _actor(ex, person).kind == ActorKind.PERSON
    for media in ("NPR", "The Associated Press", "USA Today", "Russian state TV"):
        assert _actor(ex, media).kind == ActorKind.MEDIA
    assert _actor(ex, "Russian state TV").country == "Russia"
    for state in ("Russia", "North Korea", "South Korea", "United States", "China", "Japan"):
        assert _actor(ex, state).kind == ActorKind.STATE
    assert _actor(ex, "analysts").kind == ActorKind.GROUP
    # "NPR's Moscow correspondent" is not Russia speaking, and nobody is called "Moscow"
    assert all(m.text != "Moscow" for m in ex.mentions)
    # every bare "Kim" is Kim Jong Un's
    assert all(m.actor == "Kim Jong Un" for m in ex.mentions if m.text == "Kim")
    father = ex.text.index("Kim's father")
    assert any(m.actor == "Kim Jong Un" and m.start == father for m in ex.mentions)


def test_meetings(ex: Extraction) -> None:
    by_kind = {m.title: m for m in ex.meetings}
    main = ex.meetings[0]
    assert not main.mentioned_only
    assert [p.actor for p in main.participants] == ["Vladimir Putin", "Kim Jong Un"]
    assert main.start is not None and main.start.value == dt.date(2019, 4, 25)
    assert main.start.precision == Precision.DAY
    assert main.place is not None and ("Russky Island" in main.place or "Vladivostok" in main.place)
    assert main.title == "Putin–Kim Jong Un talks on Russky Island, 2019"
    assert any("No major agreements" in o for o in main.outcomes)

    second = by_kind["Second Trump–Kim Jong Un summit"]
    assert second.mentioned_only
    assert {p.actor for p in second.participants} == {"Donald Trump", "Kim Jong Un"}
    assert second.start is not None and second.start.iso() == "2019-02" and second.start.approximate
    assert second.follows == "First Trump–Kim Jong Un summit"
    assert any("cancelled a planned signing ceremony" in o for o in second.outcomes)

    first = by_kind["First Trump–Kim Jong Un summit"]
    assert first.mentioned_only and first.start is None

    six = by_kind["Six-party talks"]
    assert six.kind == "series" and six.mentioned_only
    assert [p.actor for p in six.participants] == [
        "North Korea", "South Korea", "Russia", "United States", "China", "Japan",
    ]  # fmt: skip
    assert six.start.iso() == "2003" and six.end.iso() == "2009"
    assert len(ex.meetings) == 4


def test_statement_spans(ex: Extraction) -> None:
    for st in ex.statements:
        assert ex.text[st.start : st.end] == st.text
        assert 0.0 <= st.confidence <= 1.0


def test_statements(ex: Extraction) -> None:
    s = _statement(ex, "Vladimir Putin", "If North Korea")
    assert (
        s.text
        == "If North Korea is given security guarantees, Kim Jong Un would be willing to denuclearize"
    )
    assert not s.direct and s.date.value == dt.date(2019, 4, 25)
    assert s.meeting == ex.meetings[0].title

    s = _statement(ex, "Kim Jong Un", "candid")
    assert s.text == "candid and meaningful." and s.direct

    s = _statement(ex, "Vladimir Putin", "Above all")
    assert s.text == "Above all, he focuses on protecting national interests and security,"
    assert s.direct and s.reported_via == "The Associated Press"
    s = _statement(ex, "Vladimir Putin", "Kim was open")
    assert s.reported_via == "The Associated Press" and not s.direct

    s = _statement(ex, "Vladimir Putin", "another round")
    assert s.text == "another round of six-party talks to discuss North Korea's nuclear program"
    assert s.reported_via == "USA Today" and not s.direct

    s = _statement(ex, "Russian state TV", "several bottles")
    assert (
        s.text
        == "several bottles of champagne were brought into the room where the delegations were meeting"
    )

    s = _statement(ex, "Anthony Kuhn", "The failure of that meeting")
    assert s.direct and s.text.endswith("domestic audience,")

    first = _statement(ex, "Lucian Kim", "That's not just Putin being sarcastic,")
    second = _statement(ex, "Lucian Kim", "North Korea is really one")
    assert first.text == "That's not just Putin being sarcastic,"
    assert second.text.endswith("lasting peace in North Korea.")
    assert first.utterance == second.utterance and first.direct and second.direct

    s = _statement(ex, "Vladimir Putin", "help to develop bilateral relations")
    assert s.direct and s.text.endswith("going on right now.")
    s = _statement(ex, "Kim Jong Un", "be useful for strengthening")
    assert s.direct and s.text.endswith("which run deep.")

    s = _statement(ex, "Lucian Kim", "Relations between Russia and North Korea")
    assert s.text == "Relations between Russia and North Korea go back a long way" and not s.direct
    s = _statement(ex, "Lucian Kim", "But today, of course,")
    assert s.direct and s.text.endswith("eager to step in.") and s.confidence < 0.9

    # nothing Lucian Kim said is given to Kim Jong Un
    lucian_words = ("sarcastic", "eye-to-eye", "long way", "eager to step in")
    for st in ex.statements:
        if st.speaker == "Kim Jong Un":
            assert not any(w in st.text for w in lucian_words)
    # no statement comes from inside another one or from boilerplate
    assert not any(st.speaker == "analysts" and "embarrassment" in st.text for st in ex.statements)


def test_headline_claim(ex: Extraction) -> None:
    claims = [c for c in ex.claims if c.subject == "Kim Jong Un" and c.claimant == "Vladimir Putin"]
    assert len(claims) == 1
    c = claims[0]
    assert c.text == "Kim Jong Un would be willing to denuclearize"
    assert c.condition == "if North Korea is given security guarantees"
    assert c.reported_via == "The Associated Press"
    evidence = [ex.statements[i].text for i in c.evidence]
    assert evidence == [
        "If North Korea is given security guarantees, Kim Jong Un would be willing to denuclearize",
        "Kim was open to denuclearization",
    ]
    # the chain: subject -> claimant -> outlet -> publisher
    assert (c.subject, c.claimant, c.reported_via, ex.article.publisher) == (
        "Kim Jong Un", "Vladimir Putin", "The Associated Press", "NPR",
    )  # fmt: skip


def test_dry_run_shape(ex: Extraction) -> None:
    d = ex.to_dry_run()
    assert d["article"] == {
        "title": "Kim Jong Un Willing To Denuclearize If Given Security Guarantees, Putin Says",
        "published": "2019-04-25",
        "authors": ["Matthew S. Schwartz"],
        "publisher": "NPR",
    }
    assert len(ex.content_hash) == 64
