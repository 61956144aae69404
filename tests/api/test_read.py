"""Each resource's list and detail: the payload, embedded summaries, links, ETags."""

from __future__ import annotations

import pytest

from statements.models import Statement
from tests import factories as f
from tests.api.factories import full_actor, full_claim, full_meeting, full_statement

pytestmark = pytest.mark.django_db


def test_actor_list_and_detail(api):
    actor = full_actor(name="Vladimir Putin", slug="vladimir-putin")
    rows = api.get("/api/v1/actors/", {"kind": "person"}).json()["results"]
    assert [r["slug"] for r in rows] == ["vladimir-putin"]
    detail = api.get("/api/v1/actors/vladimir-putin/")
    assert detail.status_code == 200
    body = detail.json()
    assert body["url"] == "http://testserver/api/v1/actors/vladimir-putin/"
    assert body["country"]["slug"] == actor.country.slug
    assert body["country"]["url"].endswith(f"/api/v1/actors/{actor.country.slug}/")
    assert body["aliases"] == [actor.aliases.get().name]
    assert body["roles"][0]["title"] == "President"
    assert detail["ETag"] == '"1"'


def test_meeting_detail_embeds_participants(api):
    meeting = full_meeting(
        slug="vladivostok-summit", title="Vladivostok summit", place="Russky Island"
    )
    body = api.get("/api/v1/meetings/vladivostok-summit/").json()
    assert body["title"] == "Vladivostok summit"
    assert {p["role"] for p in body["participants"]} == {"participant", "host"}
    assert {p["actor"]["slug"] for p in body["participants"]} == set(
        meeting.participations.values_list("actor__slug", flat=True)
    )
    assert body["date_display"] == "25 Apr 2019"


def test_article_list_omits_text_detail_has_it(api):
    article = f.ArticleFactory(slug="npr-1")
    listed = api.get("/api/v1/articles/").json()["results"][0]
    assert "text" not in listed
    assert listed["publisher"]["slug"] == article.publisher.slug
    detail = api.get("/api/v1/articles/npr-1/")
    assert detail.json()["text"] == article.text
    assert detail["ETag"].startswith('"a')


def test_statement_embeds_summaries_and_span(api):
    statement = full_statement()
    body = api.get(f"/api/v1/statements/{statement.pk}/").json()
    assert body["text"] == "We talked for hours,"
    assert body["span"] == {"start": statement.start, "end": statement.end}
    assert body["span_valid"] is True
    assert body["speaker"] == {
        "url": f"http://testserver/api/v1/actors/{statement.speaker.slug}/",
        "slug": statement.speaker.slug,
        "name": statement.speaker.name,
        "kind": "person",
    }
    assert body["meeting"]["slug"] == statement.meeting.slug
    assert body["meeting"]["title"] == statement.meeting.title
    assert body["article"]["slug"] == statement.article.slug
    assert body["article"]["publisher"]["slug"] == statement.article.publisher.slug
    assert body["reported_via"]["slug"] == statement.reported_via.slug
    assert body["direct"] is True


def test_broken_span_is_reported_not_hidden(api):
    statement = full_statement()
    Statement.objects.filter(pk=statement.pk).update(text="We talked for days,X")
    detail = api.get(f"/api/v1/statements/{statement.pk}/").json()
    assert detail["span_valid"] is False
    assert detail["text"] == "We talked for days,X"
    listed = api.get("/api/v1/statements/").json()["results"]
    assert listed[0]["span_valid"] is False


def test_claim_attribution_chain(api):
    """Kim Jong Un (subject) → Putin (claimant) → AP (reported) → NPR (published)."""
    kim = f.ActorFactory(name="Kim Jong Un", slug="kim-jong-un")
    putin = f.ActorFactory(name="Vladimir Putin", slug="vladimir-putin")
    ap = f.MediaFactory(name="The Associated Press", slug="ap")
    npr = f.MediaFactory(name="NPR", slug="npr")
    statement = full_statement(
        article=f.ArticleFactory(publisher=npr), reported_via=ap, speaker=putin
    )
    claim = full_claim(
        claimant=putin, subject=kim, evidence=[statement], condition="if given guarantees"
    )
    body = api.get(f"/api/v1/claims/{claim.pk}/").json()
    assert [(link["role"], link["actor"]["slug"]) for link in body["attribution_chain"]] == [
        ("subject", "kim-jong-un"),
        ("claimant", "vladimir-putin"),
        ("reported_via", "ap"),
        ("publisher", "npr"),
    ]
    assert body["condition"] == "if given guarantees"
    assert body["has_condition"] is True
    assert body["status"] == "unreviewed"
    assert body["reviewed_by"] is None
    assert body["evidence"][0]["id"] == statement.pk
    assert body["evidence"][0]["url"].endswith(f"/api/v1/statements/{statement.pk}/")


def test_attribution_chain_skips_missing_links(api):
    claim = f.ClaimFactory(subject=None)
    body = api.get(f"/api/v1/claims/{claim.pk}/").json()
    assert [link["role"] for link in body["attribution_chain"]] == ["claimant"]


@pytest.mark.parametrize(
    "url", ["/api/v1/actors/nobody/", "/api/v1/statements/999999/", "/api/v1/claims/999999/"]
)
def test_unknown_record_is_404(api, url):
    assert api.get(url).status_code == 404


def test_if_none_match_gives_304(api):
    claim = full_claim()
    first = api.get(f"/api/v1/claims/{claim.pk}/")
    again = api.get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]
    assert not again.content
    stale = api.get(f"/api/v1/claims/{claim.pk}/", HTTP_IF_NONE_MATCH='"0"')
    assert stale.status_code == 200


def test_detail_offers_no_csv(api):
    actor = f.ActorFactory()
    assert api.get(f"/api/v1/actors/{actor.slug}/", HTTP_ACCEPT="text/csv").status_code == 406


def test_site_urls_are_not_shadowed_by_the_api():
    actor = f.ActorFactory(slug="npr")
    assert actor.get_absolute_url() == "/actors/npr/"
