"""TimelineJS3 JSON: required keys, partial dates, series groups, filters, escaping."""

from __future__ import annotations

import pytest

from events.models import MeetingRelation

from .conftest import HOSTILE, more_meetings

pytestmark = pytest.mark.urls("tests.formats.urls")


def timeline(client, query: str = "") -> dict:
    response = client.get("/api/v1/timeline.json" + query)
    assert response.status_code == 200, response.content
    assert response["Access-Control-Allow-Origin"] == "*"
    doc = response.json()
    assert doc["title"]["text"]["headline"]
    for event in doc["events"]:
        assert {"start_date", "text", "group", "unique_id"} <= set(event)
        assert "year" in event["start_date"]
        assert "headline" in event["text"]
    return doc


def by_id(doc: dict) -> dict[str, dict]:
    return {e["unique_id"]: e for e in doc["events"]}


def test_events_and_partial_dates(client, world):
    events = by_id(timeline(client))
    assert set(events) == {
        f"meeting-{m.pk}" for m in (world.talks, world.second, world.series)
    }  # the undated first summit is left out
    assert events[f"meeting-{world.talks.pk}"]["start_date"] == {
        "year": 2019,
        "month": 4,
        "day": 25,
    }
    second = events[f"meeting-{world.second.pk}"]
    assert second["start_date"] == {"year": 2019, "month": 2, "display_date": "c. Feb 2019"}
    series = events[f"meeting-{world.series.pk}"]
    assert (series["start_date"], series["end_date"]) == ({"year": 2003}, {"year": 2009})


def test_groups_are_series(client, world):
    events = by_id(timeline(client))
    # the second summit follows the (undated) first one: it is in the first one's series
    assert events[f"meeting-{world.second.pk}"]["group"] == "First Trump–Kim summit"
    assert events[f"meeting-{world.series.pk}"]["group"] == "Six-party talks"
    assert events[f"meeting-{world.talks.pk}"]["group"] == "Bilateral talks"
    # a round that is part of the series joins its group
    MeetingRelation.objects.create(source=world.talks, target=world.series, kind="part_of")
    assert by_id(timeline(client))[f"meeting-{world.talks.pk}"]["group"] == "Six-party talks"


def test_filters(client, world):
    assert set(by_id(timeline(client, "?actor=kim-jong-un"))) == {
        f"meeting-{world.talks.pk}",
        f"meeting-{world.second.pk}",
    }
    assert set(by_id(timeline(client, "?kind=series&from=2000&to=2010"))) == {
        f"meeting-{world.series.pk}"
    }
    assert client.get("/api/v1/timeline.json?to=20x9").status_code == 400


def test_hostile_text_is_escaped(client, world):
    world.talks.title = HOSTILE
    world.talks.save()
    world.putin.name = HOSTILE
    world.putin.save()
    event = by_id(timeline(client))[f"meeting-{world.talks.pk}"]
    assert "<script>" not in event["text"]["headline"] + event["text"]["text"]
    assert event["text"]["headline"].startswith("Evil &lt;/script&gt;&lt;script&gt;")


def test_query_count_does_not_grow(client, world, django_assert_num_queries):
    with django_assert_num_queries(3):  # meetings, participants, series relations
        timeline(client)
    more_meetings(5)
    with django_assert_num_queries(3):
        assert len(timeline(client)["events"]) == 8
