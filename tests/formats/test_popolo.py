"""Popolo export: collections, fields, ids that cross-reference, fixed queries."""

from __future__ import annotations

import pytest

from .conftest import HOSTILE, more_meetings, more_statements

pytestmark = pytest.mark.urls("tests.formats.urls")


def export(client) -> dict:
    response = client.get("/api/v1/popolo.json")
    assert response.status_code == 200
    return response.json()


def test_collections_and_cross_references(client, world):
    doc = export(client)
    assert set(doc) == {"persons", "organizations", "memberships", "events", "speeches"}
    person_ids = {p["id"] for p in doc["persons"]}
    org_ids = {o["id"] for o in doc["organizations"]}
    event_ids = {e["id"] for e in doc["events"]}
    assert {"vladimir-putin", "kim-jong-un"} <= person_ids
    assert not person_ids & org_ids
    for membership in doc["memberships"]:
        assert membership.get("person_id", "") in person_ids | {""}
        assert membership.get("organization_id") in org_ids | {None}
    for event in doc["events"]:
        for attendee in event["attendees"]:
            assert attendee["id"] in person_ids | org_ids
    for speech in doc["speeches"]:
        assert speech["creator_id"] in person_ids | org_ids
        assert speech.get("event_id") in event_ids | {None}


def test_fields(client, world):
    doc = export(client)
    putin = next(p for p in doc["persons"] if p["id"] == "vladimir-putin")
    assert putin["other_names"] == [{"name": "Putin"}]
    assert putin["identifiers"] == [{"scheme": "wikidata", "identifier": "Q7747"}]
    orgs = {o["id"]: o for o in doc["organizations"]}
    assert orgs["russia"]["classification"] == "state"
    assert orgs["npr"]["classification"] == "media"
    assert doc["memberships"] == [
        {
            "id": doc["memberships"][0]["id"],
            "role": "President",
            "person_id": "vladimir-putin",
            "organization_id": "russia",
        }
    ]
    events = {e["id"]: e for e in doc["events"]}
    assert events["putin-kim-talks"]["start_date"] == "2019-04-25"
    assert events["second-summit"]["start_date"] == "2019-02"
    assert events["second-summit"]["date_approximate"] is True
    assert (events["six-party-talks"]["start_date"], events["six-party-talks"]["end_date"]) == (
        "2003",
        "2009",
    )
    assert "start_date" not in events["first-summit"]
    assert [a["id"] for a in events["putin-kim-talks"]["attendees"]] == [
        "kim-jong-un",
        "vladimir-putin",
    ]
    (speech,) = doc["speeches"]
    assert speech == {
        "id": f"statement-{world.statement.pk}",
        "creator_id": "vladimir-putin",
        "type": "summary",
        "text": "If given guarantees, Kim would be willing to disarm",
        "event_id": "putin-kim-talks",
        "attribution_text": "Putin said, The Associated Press reported",
        "reported_via_id": "the-associated-press",
        "date": "2019-04-25",
        "source_url": "https://www.npr.org/2019/04/25/kim-putin",
        "article_id": world.article.slug,
    }


def test_hostile_names_are_plain_json(client, world):
    world.putin.name = HOSTILE
    world.putin.save()
    names = {p["name"] for p in export(client)["persons"]}
    assert HOSTILE in names


def test_query_count_does_not_grow(client, world, django_assert_num_queries):
    with django_assert_num_queries(7):
        export(client)
    more_meetings(4)
    more_statements(4, world)
    with django_assert_num_queries(7):
        assert len(export(client)["speeches"]) == 5


@pytest.mark.parametrize(
    ("cue", "tail", "expected"),
    [
        (
            "Putin said",
            ", The Associated Press reported. The two met",
            "Putin said, The Associated Press reported",
        ),
        ("Putin said", " after the talks.", "Putin said"),
        ("Putin said", ", adding that talks went well.", "Putin said"),
        ("Putin said", None, "Putin said"),
        (None, ", AP reported.", None),
    ],
)
def test_attribution_text(cue, tail, expected):
    from statements.formats.popolo import attribution_text

    assert attribution_text(cue, tail) == expected
