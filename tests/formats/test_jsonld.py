"""schema.org JSON-LD: the expected @type and properties per resource, the views, the
template tag's escaping, and fixed query counts."""

from __future__ import annotations

import json
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from statements.formats import jsonld, queries
from statements.models import ReviewStatus
from tests import factories

from .conftest import HOSTILE, more_statements

pytestmark = pytest.mark.urls("tests.formats.urls")
BASE = "http://testserver"


def get_jsonld(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    doc = json.loads(response.content)
    assert doc["@context"][0] == "https://schema.org"
    return doc


def test_person(client, world):
    doc = get_jsonld(client, "/api/v1/actors/vladimir-putin.jsonld")
    assert doc["@type"] == "Person"
    assert doc["@id"] == f"{BASE}/actors/vladimir-putin/"
    assert doc["name"] == "Vladimir Putin"
    assert doc["alternateName"] == ["Putin"]
    assert doc["sameAs"] == ["https://www.wikidata.org/wiki/Q7747"]
    assert doc["nationality"] == {"@type": "Country", "name": "Russia"}
    assert doc["memberOf"][0]["roleName"] == "President"
    assert doc["memberOf"][0]["memberOf"]["@type"] == "GovernmentOrganization"


@pytest.mark.parametrize(
    ("slug", "kind_type"),
    [("russia", "GovernmentOrganization"), ("npr", "NewsMediaOrganization")],
)
def test_organisations(client, world, slug, kind_type):
    doc = get_jsonld(client, f"/api/v1/actors/{slug}.jsonld")
    assert doc["@type"] == kind_type
    if slug == "russia":
        assert doc["areaServed"] == {"@type": "Country", "name": "Russia"}


def test_group_and_organisation_are_organization(world):
    for kind in ("group", "organization"):
        actor = factories.ActorFactory(kind=kind)
        assert jsonld.actor_jsonld(actor)["@type"] == "Organization"


def test_event_at_day_precision(client, world):
    doc = get_jsonld(client, "/api/v1/meetings/putin-kim-talks.jsonld")
    assert doc["@type"] == "Event"
    assert doc["name"] == "Putin–Kim talks"
    assert doc["startDate"] == "2019-04-25"
    assert "endDate" not in doc
    assert doc["location"] == {"@type": "Place", "name": "Russky Island, Russia"}
    assert {a["name"] for a in doc["attendee"]} == {"Vladimir Putin", "Kim Jong Un"}
    assert all(a["@type"] == "Person" for a in doc["attendee"])


def test_event_dates_keep_their_precision(client, world):
    second = get_jsonld(client, "/api/v1/meetings/second-summit.jsonld")
    assert second["startDate"] == "2019-02"
    assert second["parley:dateApproximate"] is True
    series = get_jsonld(client, "/api/v1/meetings/six-party-talks.jsonld")
    assert (series["startDate"], series["endDate"]) == ("2003", "2009")
    assert {a["@type"] for a in series["attendee"]} == {"GovernmentOrganization"}
    first = get_jsonld(client, "/api/v1/meetings/first-summit.jsonld")
    assert "startDate" not in first


def test_quotation(client, world):
    doc = get_jsonld(client, f"/api/v1/statements/{world.statement.pk}.jsonld")
    assert doc["@type"] == "Quotation"
    assert doc["text"] == "If given guarantees, Kim would be willing to disarm"
    assert doc["creator"]["name"] == "Vladimir Putin"
    # reported speech is the reporter's wording: no spokenByCharacter
    assert "spokenByCharacter" not in doc
    assert doc["parley:reportedVia"]["name"] == "The Associated Press"
    article = doc["isBasedOn"]
    assert article["@type"] == "NewsArticle"
    assert article["url"] == "https://www.npr.org/2019/04/25/kim-putin"
    assert article["publisher"] == {
        "@type": "NewsMediaOrganization",
        "@id": f"{BASE}/actors/npr/",
        "name": "NPR",
    }
    assert [a["name"] for a in article["author"]] == ["Matthew S. Schwartz"]
    assert article["datePublished"] == "2019-04-25T11:37:00+00:00"
    assert doc["recordedAt"]["name"] == "Putin–Kim talks"


def test_direct_quote_is_spoken_by_its_speaker(world):
    statement = factories.StatementFactory(speaker=world.kim, direct=True)
    doc = jsonld.statement_jsonld(statement)
    assert doc["spokenByCharacter"]["name"] == "Kim Jong Un"


def test_claim_with_review(client, world):
    doc = get_jsonld(client, f"/api/v1/claims/{world.claim.pk}.jsonld")
    assert doc["@type"] == "Claim"
    assert doc["author"]["name"] == "Vladimir Putin"
    assert doc["about"]["name"] == "Kim Jong Un"
    assert doc["parley:condition"] == "if given guarantees"
    assert [a["@type"] for a in doc["appearance"]] == ["NewsArticle"]
    assert doc["firstAppearance"]["url"] == "https://www.npr.org/2019/04/25/kim-putin"
    review = doc["review"]
    assert review["@type"] == "ClaimReview"
    assert review["author"] == {"@type": "Organization", "name": "Parley"}
    assert review["reviewBody"] == "Matches the AP wire."
    assert review["reviewRating"]["alternateName"] == "Accurately attributed"
    assert review["reviewRating"]["ratingValue"] == 5
    assert review["itemReviewed"]["@id"] == doc["@id"]


@pytest.mark.parametrize(
    ("status", "value", "name"),
    [(ReviewStatus.DISPUTED, 2, "Disputed"), (ReviewStatus.RETRACTED, 1, "Retracted")],
)
def test_review_ratings(world, status, value, name):
    world.claim.status = status
    rating = jsonld.claim_jsonld(world.claim)["review"]["reviewRating"]
    assert (rating["ratingValue"], rating["alternateName"]) == (value, name)


def test_unreviewed_claim_has_no_review(world):
    claim = factories.ClaimFactory()
    assert "review" not in jsonld.claim_jsonld(claim)


def test_first_appearance_is_the_earliest_article(world):
    import datetime as dt

    earlier = factories.ArticleFactory(published_at=dt.datetime(2019, 4, 24, tzinfo=dt.UTC))
    world.claim.evidence.add(factories.StatementFactory(article=earlier))
    claim = queries.claims_for_jsonld().get(pk=world.claim.pk)
    doc = jsonld.claim_jsonld(claim)
    assert len(doc["appearance"]) == 2
    assert doc["firstAppearance"]["headline"] == earlier.title


@pytest.mark.parametrize(
    "url",
    ["/api/v1/actors/nobody.jsonld", "/api/v1/meetings/none.jsonld", "/api/v1/claims/999.jsonld"],
)
def test_unknown_is_404(client, world, url):
    assert client.get(url).status_code == 404


def test_builders_run_no_queries_on_prefetched_rows(world, django_assert_num_queries):
    actor = queries.actors_for_jsonld().get(pk=world.putin.pk)
    meeting = queries.meetings_for_jsonld().get(pk=world.talks.pk)
    statement = queries.statements_for_jsonld().get(pk=world.statement.pk)
    claim = queries.claims_for_jsonld().get(pk=world.claim.pk)
    with django_assert_num_queries(0):
        jsonld.actor_jsonld(actor)
        jsonld.meeting_jsonld(meeting)
        jsonld.statement_jsonld(statement)
        jsonld.claim_jsonld(claim)


def test_claim_view_queries_do_not_grow_with_evidence(client, world, django_assert_num_queries):
    url = f"/api/v1/claims/{world.claim.pk}.jsonld"
    with django_assert_num_queries(3):
        client.get(url)
    for _ in range(4):
        world.claim.evidence.add(factories.StatementFactory())
    with django_assert_num_queries(3):
        assert len(client.get(url).json()["appearance"]) == 5


def test_view_query_counts(client, world, django_assert_num_queries):
    more_statements(3, world)
    with django_assert_num_queries(3):
        client.get("/api/v1/actors/vladimir-putin.jsonld")
    with django_assert_num_queries(4):
        client.get("/api/v1/meetings/putin-kim-talks.jsonld")
    with django_assert_num_queries(2):
        client.get(f"/api/v1/statements/{world.statement.pk}.jsonld")


# --- the template tag -------------------------------------------------------------------


def render_tag(obj) -> str:
    request = RequestFactory().get("/")
    return Template("{% load parley_jsonld %}{% jsonld obj %}").render(
        Context({"obj": obj, "request": request})
    )


def test_tag_renders_the_same_document_as_the_view(client, world):
    html = render_tag(world.claim)
    match = re.fullmatch(r'<script type="application/ld\+json">(.*)</script>', html, re.S)
    assert match
    assert (
        json.loads(match.group(1)) == client.get(f"/api/v1/claims/{world.claim.pk}.jsonld").json()
    )


@pytest.mark.parametrize("kind", ["actor", "meeting", "claim"])
def test_tag_escapes_hostile_text(world, kind):
    if kind == "actor":
        obj = factories.ActorFactory(name=HOSTILE, description=HOSTILE)
    elif kind == "meeting":
        obj = factories.MeetingFactory(title=HOSTILE, place=HOSTILE)
    else:
        obj = world.claim
        obj.review_note = HOSTILE
        obj.text = HOSTILE
        obj.save()
    html = render_tag(obj)
    body = html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")
    # nothing inside can end the block, open a tag or a comment, or form an entity
    assert not re.search(r"[<>&]", body)
    assert HOSTILE in set(strings(json.loads(body)))


def strings(value):
    """Every string anywhere in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_tag_ignores_other_objects(world):
    assert render_tag(world.article) == ""


def test_statement_page_embeds_the_document_without_reading_it_again(client, world):
    """The statement page loads every relation the JSON-LD needs; the tag reuses them and
    the embedded document is the one `/api/v1/statements/<id>.jsonld` serves."""
    html = client.get(world.statement.get_absolute_url()).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match
    expected = client.get(f"/api/v1/statements/{world.statement.pk}.jsonld").json()
    assert json.loads(match.group(1)) == expected


def test_tag_rereads_an_object_without_its_relations(world, django_assert_num_queries):
    from statements.models import Statement

    bare = Statement.objects.get(pk=world.statement.pk)
    with django_assert_num_queries(2):  # the statement with its context, the authors
        html = render_tag(bare)
    assert html.startswith('<script type="application/ld+json">')
