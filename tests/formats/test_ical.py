"""iCalendar: parses with the icalendar library, one VEVENT per dated meeting, stable UIDs,
all-day dates, partial dates marked and never invented, filters, query counts."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from events.models import Meeting

from .conftest import HOSTILE, more_meetings, participate

pytestmark = pytest.mark.urls("tests.formats.urls")


def calendar(client, query: str = "") -> Calendar:
    response = client.get("/meetings.ics" + query)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_one_vevent_per_dated_meeting(client, world):
    cal = calendar(client)
    assert str(cal["version"]) == "2.0"
    assert str(cal["prodid"]) == "-//Parley//Meetings//EN"
    dated = Meeting.objects.exclude(start_date=None)
    assert set(events(cal)) == {f"meeting-{m.pk}@parley" for m in dated}
    assert f"meeting-{world.first.pk}@parley" not in events(cal)  # undated: left out


def test_uids_are_stable_across_requests(client, world):
    first = [str(e["uid"]) for e in calendar(client).walk("VEVENT")]
    second = [str(e["uid"]) for e in calendar(client).walk("VEVENT")]
    assert first == second
    assert len(set(first)) == len(first) == 3


def test_day_precision_is_an_all_day_event(client, world):
    event = events(calendar(client))[f"meeting-{world.talks.pk}@parley"]
    assert event["dtstart"].params["VALUE"] == "DATE"
    assert event["dtstart"].dt == dt.date(2019, 4, 25)
    assert event["dtend"].dt == dt.date(2019, 4, 26)  # exclusive
    assert str(event["summary"]) == "Putin–Kim talks"
    assert str(event["x-parley-precision"]) == "day"
    assert str(event["location"]) == "Russky Island, Russia"
    assert "Vladimir Putin" in str(event["description"])
    assert str(event["url"]).endswith("/meetings/putin-kim-talks/")


def test_partial_dates_span_their_period_and_say_so(client, world):
    found = events(calendar(client))
    second = found[f"meeting-{world.second.pk}@parley"]
    assert str(second["summary"]) == "Second Trump–Kim summit (approximate, month only)"
    assert str(second["x-parley-precision"]) == "month"
    assert str(second["x-parley-approximate"]) == "TRUE"
    assert (second["dtstart"].dt, second["dtend"].dt) == (dt.date(2019, 2, 1), dt.date(2019, 3, 1))
    series = found[f"meeting-{world.series.pk}@parley"]
    assert str(series["summary"]) == "Six-party talks (year only)"
    assert (series["dtstart"].dt, series["dtend"].dt) == (dt.date(2003, 1, 1), dt.date(2010, 1, 1))


def test_precision_day_leaves_out_partial_dates(client, world):
    assert set(events(calendar(client, "?precision=day"))) == {f"meeting-{world.talks.pk}@parley"}


def test_filters(client, world):
    assert set(events(calendar(client, "?actor=vladimir-putin"))) == {
        f"meeting-{world.talks.pk}@parley"
    }
    # repeatable: every actor took part
    participate(world.second, world.putin)
    both = events(calendar(client, "?actor=vladimir-putin&actor=kim-jong-un"))
    assert len(both) == 2
    assert len(events(calendar(client, "?kind=series"))) == 1
    assert set(events(calendar(client, "?from=2019&to=2019"))) == {
        f"meeting-{world.talks.pk}@parley",
        f"meeting-{world.second.pk}@parley",
    }
    assert set(events(calendar(client, "?to=2005"))) == {f"meeting-{world.series.pk}@parley"}


@pytest.mark.parametrize("query", ["?actor=nobody", "?kind=party", "?from=soon"])
def test_bad_filters_are_400(client, world, query):
    assert client.get("/meetings.ics" + query).status_code == 400


def test_hostile_text_stays_text(client, world):
    world.talks.title = HOSTILE
    world.talks.place = "Line one\nLine two; a,b"
    world.talks.save()
    event = events(calendar(client))[f"meeting-{world.talks.pk}@parley"]
    assert str(event["summary"]) == HOSTILE
    assert str(event["location"]) == "Line one\nLine two; a,b"


def test_query_count_does_not_grow(client, world, django_assert_num_queries):
    with django_assert_num_queries(2):
        calendar(client)
    more_meetings(5)
    with django_assert_num_queries(2):
        assert len(events(calendar(client))) == 8
    with django_assert_num_queries(3):  # + the actor
        calendar(client, "?actor=vladimir-putin")
