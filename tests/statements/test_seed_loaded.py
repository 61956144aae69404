"""The first article, loaded into the database: what a reader of it would agree with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command

from actors.models import Actor
from events.models import Meeting
from statements.models import Article, Claim, Statement

SEED = next((Path(__file__).resolve().parents[2] / "seeds").glob("000_*.txt"))


@pytest.fixture
def seeded(db):
    call_command("load_seeds", str(SEED), verbosity=0)
    return Article.objects.get()


def said(speaker: str, fragment: str, direct: bool | None = None) -> Statement:
    qs = Statement.objects.filter(speaker__name=speaker, text__contains=fragment)
    if direct is not None:
        qs = qs.filter(direct=direct)
    assert qs.exists(), f"{speaker} should have said {fragment!r}; has: " + repr(
        list(Statement.objects.filter(speaker__name=speaker).values_list("text", flat=True))
    )
    return qs.get()


def test_article(seeded):
    assert seeded.title == (
        "Kim Jong Un Willing To Denuclearize If Given Security Guarantees, Putin Says"
    )
    assert seeded.publisher.name == "NPR" and seeded.publisher.kind == "media"
    assert [a.name for a in seeded.authors.all()] == ["Matthew S. Schwartz"]
    assert seeded.published_tz == "America/New_York"
    assert seeded.published_at == dt.datetime(2019, 4, 25, 11, 37, tzinfo=dt.UTC)
    body = seeded.clean_body
    assert body.startswith("If North Korea is given security guarantees")
    assert "Sign Up" not in body and "Alexei Nikolsky" not in body
    assert body.endswith("returning to North Korea on Friday.")
    noise = [seeded.text[s:e] for s, e in seeded.boilerplate]
    assert any("Sign Up For The NPR Daily Newsletter" in n for n in noise)
    assert any("Alexei Nikolsky/AP" in n for n in noise)


def test_actors(seeded):
    kinds = dict(Actor.objects.values_list("name", "kind"))
    for name in ("Vladimir Putin", "Kim Jong Un", "Lucian Kim", "Anthony Kuhn", "Donald Trump"):
        assert kinds.get(name) == "person", name
    for name in ("NPR", "The Associated Press", "USA Today"):
        assert kinds.get(name) == "media", name
    for name in ("Russia", "North Korea", "South Korea", "United States", "China", "Japan"):
        assert kinds.get(name) == "state", name
    putin = Actor.objects.get(name="Vladimir Putin")
    assert {"Putin", "Russian President Vladimir Putin"} <= set(
        putin.aliases.values_list("name", flat=True)
    )
    assert putin.country.name == "Russia"
    kim = Actor.objects.get(name="Kim Jong Un")
    assert "Kim" in set(kim.aliases.values_list("name", flat=True))
    lucian = Actor.objects.get(name="Lucian Kim")
    assert "Kim" not in set(lucian.aliases.values_list("name", flat=True))


def test_meetings(seeded):
    talks = Meeting.objects.get(start_date=dt.date(2019, 4, 25))
    assert talks.start_precision == "day" and not talks.mentioned_only
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(
        talks.participations.values_list("actor__name", flat=True)
    )
    assert "Vladivostok" in talks.place or "Russky Island" in talks.place
    six = Meeting.objects.get(title__icontains="six-party")
    assert (six.start_date.year, six.end_date.year) == (2003, 2009)
    assert six.start_precision == six.end_precision == "year" and six.mentioned_only
    assert set(six.participations.values_list("actor__name", flat=True)) == {
        "North Korea",
        "South Korea",
        "Russia",
        "United States",
        "China",
        "Japan",
    }
    second = Meeting.objects.get(start_date=dt.date(2019, 2, 1))
    assert second.start_precision == "month" and second.date_approximate and second.mentioned_only
    assert {"Donald Trump", "Kim Jong Un"} <= set(
        second.participations.values_list("actor__name", flat=True)
    )


def test_statements(seeded):
    headline = said("Vladimir Putin", "Kim Jong Un would be willing to denuclearize", direct=False)
    assert headline.date == dt.date(2019, 4, 25)
    assert said("Kim Jong Un", "candid and meaningful", direct=True)
    ap = said("Vladimir Putin", "Above all, he focuses on protecting national interests", True)
    assert ap.reported_via.name == "The Associated Press"
    usa = said("Vladimir Putin", "another round of six-party talks", direct=False)
    assert usa.reported_via.name == "USA Today"
    said("Anthony Kuhn", "The failure of that meeting to produce an agreement", direct=True)
    first = said("Lucian Kim", "That's not just Putin being sarcastic", direct=True)
    second = said("Lucian Kim", "North Korea is really one of those areas", direct=True)
    assert first.utterance and first.utterance == second.utterance
    said("Lucian Kim", "Relations between Russia and North Korea go back a long way", False)
    said("Lucian Kim", "Russia is always eager to step in", direct=True)
    said("Kim Jong Un", "be useful for strengthening and developing", direct=True)
    said("Vladimir Putin", "help to develop bilateral relations", direct=True)
    # Lucian Kim's words are never Kim Jong Un's.
    kim_said = " ".join(
        Statement.objects.filter(speaker__name="Kim Jong Un").values_list("text", flat=True)
    )
    assert "sarcastic" not in kim_said and "eager to step in" not in kim_said
    for statement in Statement.objects.select_related("article"):
        assert statement.article.text[statement.start : statement.end] == statement.text


def test_headline_claim_and_its_chain(seeded):
    claim = Claim.objects.get(claimant__name="Vladimir Putin", text__icontains="denuclearize")
    assert claim.subject.name == "Kim Jong Un"
    assert "security guarantees" in claim.condition
    assert claim.reported_via.name == "The Associated Press"
    publishers = {
        s.article.publisher.name for s in claim.evidence.select_related("article__publisher")
    }
    assert publishers == {"NPR"}
    assert claim.status == "unreviewed"


def test_cameo_codes_are_stored_on_import(seeded):
    talks = Meeting.objects.get(start_date=dt.date(2019, 4, 25))
    assert talks.cameo_code == "043"  # Kim visits Russia: Russia hosts a visit
    appeal = said("Vladimir Putin", "another round of six-party talks", direct=False)
    assert appeal.cameo_code == "020"  # "called for": make an appeal or request
    assert not Statement.objects.filter(cameo_code="").exists()
