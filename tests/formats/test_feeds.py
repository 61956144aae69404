"""Atom feeds: well-formed XML with the elements RFC 4287 requires, filters, escaping,
fixed query counts."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from statements.models import ReviewStatus
from tests import factories

from .conftest import HOSTILE, more_meetings, more_statements

pytestmark = pytest.mark.urls("tests.formats.urls")
NS = {"a": "http://www.w3.org/2005/Atom"}


def feed(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"a:{required}", NS) is not None, required
    assert root.find("a:author/a:name", NS).text == "Parley"
    for entry in root.findall("a:entry", NS):
        for required in ("id", "title", "updated"):
            assert (entry.find(f"a:{required}", NS).text or "").strip(), required
        assert entry.find("a:link", NS).get("href").startswith("http://testserver/")
    return root


def titles(root: ET.Element) -> list[str]:
    return [e.find("a:title", NS).text for e in root.findall("a:entry", NS)]


def test_meetings_feed(client, world):
    root = feed(client, "/feeds/meetings.atom")
    assert root.find("a:title", NS).text == "Parley: new meetings"
    # newest recorded first; an undated meeting is news too
    assert titles(root) == [
        "Six-party talks (2003 – 2009)",
        "Second Trump–Kim summit (c. Feb 2019)",
        "First Trump–Kim summit (date unknown)",
        "Putin–Kim talks (25 Apr 2019)",
    ]


def test_meetings_feed_by_actor(client, world):
    root = feed(client, "/feeds/meetings.atom?actor=vladimir-putin")
    assert root.find("a:title", NS).text == "Parley: new meetings with Vladimir Putin"
    assert titles(root) == ["Putin–Kim talks (25 Apr 2019)"]
    self_link = root.find("a:link[@rel='self']", NS).get("href")
    assert self_link == "http://testserver/feeds/meetings.atom?actor=vladimir-putin"


def test_claims_feed(client, world):
    other = factories.ClaimFactory(text="Someone else's claim")
    root = feed(client, "/feeds/claims.atom")
    assert titles(root) == [
        f"{other.claimant.name}: Someone else's claim",
        "Vladimir Putin: Kim would be willing to disarm",
    ]
    by_subject = feed(client, "/feeds/claims.atom?actor=kim-jong-un")  # claims about Kim
    assert titles(by_subject) == ["Vladimir Putin: Kim would be willing to disarm"]


def test_reviewed_feed(client, world):
    factories.ClaimFactory(text="Never reviewed")
    root = feed(client, "/feeds/claims/reviewed.atom")
    assert titles(root) == ["Confirmed (accurately attributed): Kim would be willing to disarm"]
    entry = root.find("a:entry", NS)
    assert entry.find("a:updated", NS).text.startswith("2024-05-01T12:00:00")
    assert "Matches the AP wire." in entry.find("a:summary", NS).text
    first_id = entry.find("a:id", NS).text
    assert first_id.startswith("urn:uuid:")
    assert feed(client, "/feeds/claims/reviewed.atom").find("a:entry/a:id", NS).text == first_id
    # a new review is a new entry
    world.claim.status = ReviewStatus.DISPUTED
    world.claim.reviewed_at = timezone.make_aware(dt.datetime(2024, 6, 1))
    world.claim.save()
    root = feed(client, "/feeds/claims/reviewed.atom?actor=vladimir-putin")
    assert root.find("a:entry/a:id", NS).text != first_id
    assert titles(root) == ["Disputed: Kim would be willing to disarm"]
    assert titles(feed(client, "/feeds/claims/reviewed.atom?actor=npr")) == []


def test_unknown_actor_is_400(client, world):
    assert client.get("/feeds/claims.atom?actor=nobody").status_code == 400


def test_hostile_text_is_escaped(client, world):
    world.claim.text = HOSTILE
    world.claim.review_note = HOSTILE
    world.claim.save()
    factories.MeetingFactory(title=HOSTILE, place=HOSTILE)
    for url in ("/feeds/meetings.atom", "/feeds/claims.atom", "/feeds/claims/reviewed.atom"):
        root = feed(client, url)  # still well-formed XML
        entry = root.find("a:entry", NS)
        assert HOSTILE in entry.find("a:title", NS).text
        # summaries are type="html": the hostile markup arrives as text, not as tags
        summary = entry.find("a:summary", NS)
        assert summary.get("type") == "html"
        assert "<script>" not in summary.text
        assert "&lt;/script&gt;&lt;script&gt;" in summary.text


def test_query_counts_do_not_grow(client, world, django_assert_num_queries):
    counts = {}
    for url in ("/feeds/meetings.atom", "/feeds/claims.atom", "/feeds/claims/reviewed.atom"):
        with django_assert_num_queries(2 if url.endswith("meetings.atom") else 1) as ctx:
            feed(client, url)
        counts[url] = len(ctx.captured_queries)
    more_meetings(4)
    more_statements(4, world)
    for url, count in counts.items():
        with django_assert_num_queries(count):
            feed(client, url)
    with django_assert_num_queries(3):  # + the actor
        feed(client, "/feeds/meetings.atom?actor=vladimir-putin")


@pytest.mark.parametrize(
    "url", ["/feeds/claims.atom", "/meetings.ics", "/api/v1/timeline.json", "/api/v1/popolo.json"]
)
def test_conditional_get(client, world, url):
    first = client.get(url)
    etag = first["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    world.putin.name = "Vladimir V. Putin"
    world.putin.save()
    world.claim.text = "Changed"
    world.claim.save()
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
