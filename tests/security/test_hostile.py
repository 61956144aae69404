"""Hostile content in articles, names and notes is shown as text everywhere: every page, the
API, CSV, feeds, calendar, linked data and the admin. Oversized bodies are refused."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from django.urls import reverse

from actors.models import Alias
from events.models import Participation
from statements.models import ReviewStatus
from tests.factories import (
    ActorFactory,
    ArticleFactory,
    ClaimFactory,
    MediaFactory,
    MeetingFactory,
    StatementFactory,
    UserFactory,
)

SCRIPT = "<script>alert(1)</script>"
SVG = '<svg onload="alert(2)">'
IMG = "<img src=x onerror=alert(3)>"
CLOSE = "</script><script>alert(4)</script>"
FORMULA = '=HYPERLINK("http://evil.example","click")'
RAW_MARKUP = (SCRIPT, SVG, IMG, "<script>alert(4)")


@pytest.fixture
def hostile(db):
    text = f'Headline {SCRIPT}\n\n"{IMG} we agreed {SVG}," the envoy said. {CLOSE} Talks went on.\n'
    publisher = MediaFactory(name=f"Wire {SVG}", slug="wire")
    article = ArticleFactory(
        title=f"Talks {SCRIPT}",
        slug="hostile",
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        publisher=publisher,
    )
    envoy = ActorFactory(name=f"Envoy {SCRIPT}", slug="envoy")
    Alias.objects.create(actor=envoy, name=SVG)
    other = ActorFactory(name=FORMULA, slug="formula")
    meeting = MeetingFactory(
        title=f"Summit {CLOSE}",
        slug="summit",
        place=IMG,
        outcomes=[SCRIPT],
        start_date=dt.date(2019, 4, 25),
    )
    Participation.objects.create(meeting=meeting, actor=envoy)
    Participation.objects.create(meeting=meeting, actor=other)
    start = text.index(IMG)
    end = text.index(',"', start)
    statement = StatementFactory(
        article=article,
        start=start,
        end=end,
        text=text[start:end],
        speaker=envoy,
        meeting=meeting,
    )
    claim = ClaimFactory(
        claimant=envoy,
        subject=other,
        text=f"{FORMULA} {SCRIPT}",
        condition=IMG,
        status=ReviewStatus.DISPUTED,
        review_note=f"{CLOSE} {FORMULA}",
        reviewed_at=dt.datetime(2019, 5, 1, tzinfo=dt.UTC),
        reported_via=publisher,
    )
    claim.evidence.add(statement)
    return {
        "article": article,
        "envoy": envoy,
        "meeting": meeting,
        "statement": statement,
        "claim": claim,
    }


def assert_no_raw_markup(body: str, where: str) -> None:
    for raw in RAW_MARKUP:
        assert raw not in body, f"{raw!r} unescaped in {where}"


def pages(h) -> list[str]:
    return [
        reverse("home"),
        h["envoy"].get_absolute_url(),
        h["meeting"].get_absolute_url(),
        h["article"].get_absolute_url(),
        h["statement"].get_absolute_url(),
        h["claim"].get_absolute_url(),
        reverse("search") + "?q=envoy",
        "/no/such/page/" + SCRIPT,
    ]


def test_every_page_shows_hostile_text_as_text(client, hostile):
    for url in pages(hostile):
        response = client.get(url)
        assert response.status_code in (200, 404), url
        body = response.content.decode()
        assert_no_raw_markup(body, url)
    article_page = client.get(hostile["article"].get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article_page  # shown, as text


def test_embedded_json_ld_cannot_close_its_script_block(client, hostile):
    body = client.get(hostile["claim"].get_absolute_url()).content.decode()
    blocks = body.split('<script type="application/ld+json">')[1:]
    assert blocks, "the claim page embeds JSON-LD"
    for block in blocks:
        data = block.split("</script>", 1)[0]
        json.loads(data)  # the whole document is inside the block: nothing broke out
        assert "<script" not in data and "</script" not in data


def test_api_json_carries_the_text_verbatim_as_data(client, hostile):
    response = client.get(f"/api/v1/claims/{hostile['claim'].pk}/")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["note"] == f"{CLOSE} {FORMULA}"


@pytest.mark.parametrize("resource", ["claims", "actors", "statements", "meetings", "articles"])
def test_csv_cells_cannot_run_as_formulas(client, hostile, resource):
    response = client.get(f"/api/v1/{resource}/?format=csv")
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode()
    for line in body.splitlines()[1:]:
        for cell in line.split(","):
            assert not cell.lstrip('"').startswith(("=", "+", "@")), (resource, cell)
    if resource in ("claims", "actors"):
        assert "'=HYPERLINK" in body


def test_feeds_and_calendar_escape(client, hostile):
    from xml.etree import ElementTree

    for url in ["/feeds/meetings.atom", "/feeds/claims.atom", "/feeds/claims/reviewed.atom"]:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        ElementTree.fromstring(body)  # still well-formed XML
        assert_no_raw_markup(body, url)
    ics = client.get("/meetings.ics").content.decode()
    assert "BEGIN:VEVENT" in ics and "Summit" in ics


def test_admin_escapes(client, hostile):
    admin = UserFactory(username="root", is_staff=True, is_superuser=True)
    client.force_login(admin)
    urls = [
        "/admin/",
        "/admin/statements/claim/",
        f"/admin/statements/claim/{hostile['claim'].pk}/change/",
        "/admin/statements/statement/",
        f"/admin/statements/statement/{hostile['statement'].pk}/change/",
        "/admin/actors/actor/",
        f"/admin/actors/actor/{hostile['envoy'].pk}/change/",
        "/admin/events/meeting/",
        f"/admin/events/meeting/{hostile['meeting'].pk}/change/",
        "/admin/statements/article/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_no_raw_markup(response.content.decode(), url)


def test_oversized_request_body_is_refused_with_413(client, settings, db):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.patch(
        "/api/v1/claims/1/",
        data=json.dumps({"note": "x" * 5000}),
        content_type="application/json",
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    page = client.post("/search/", data={"q": "y" * 5000})
    assert page.status_code == 413
