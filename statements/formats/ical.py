"""Meetings as an iCalendar feed (RFC 5545), built with the `icalendar` library.

- UID `meeting-<pk>@parley`: stable across requests, renames and re-imports.
- Every event is all-day (VALUE=DATE); DTEND is exclusive, the day after the last day.
- Dates are never invented. A day-precision date is the day itself. A month- or year-precision
  date, or an estimated one, spans its whole period and says so twice: in SUMMARY
  ("Second summit (month only)", "(approximate)", "(year only)") and in
  X-PARLEY-PRECISION (day | month | year) and X-PARLEY-APPROXIMATE (TRUE/FALSE).
  `?precision=day` leaves such meetings out altogether. Undated meetings are left out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar, Event, vText

from events.models import Meeting

from .dates import DAY, coarsest

PRODID = "-//Parley//Meetings//EN"
MARKS = {"month": "month only", "year": "year only"}


def meeting_precision(meeting: Meeting) -> str:
    if meeting.end_date is not None:
        return coarsest(meeting.start_precision, meeting.end_precision)
    return meeting.start_precision


def is_exact(meeting: Meeting) -> bool:
    return meeting.start_date is not None and (
        meeting_precision(meeting) == DAY and not meeting.date_approximate
    )


def summary(meeting: Meeting) -> str:
    """'Putin–Kim talks', 'Second summit (month only)', 'Talks (approximate, year only)'."""
    marks = []
    if meeting.date_approximate:
        marks.append("approximate")
    precision = meeting_precision(meeting)
    if precision in MARKS:
        marks.append(MARKS[precision])
    return f"{meeting.title} ({', '.join(marks)})" if marks else meeting.title


def meeting_event(meeting: Meeting, base: str = "") -> Event:
    """One VEVENT; `meeting` must be dated and have its participations prefetched."""
    assert meeting.start_date is not None and meeting.last_day is not None
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@parley")
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("sequence", max(meeting.version - 1, 0))
    event.add("summary", summary(meeting))
    event.add("dtstart", meeting.start_date)  # a date → VALUE=DATE
    event.add("dtend", meeting.last_day + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("url", base + meeting.get_absolute_url())
    if meeting.place:
        event.add("location", meeting.place)
    event.add("categories", [meeting.get_kind_display()])
    lines = [f"Date: {meeting.date_display}"]
    participants = [
        f"{p.actor.name} ({p.get_role_display().lower()})"
        if p.role != "participant"
        else p.actor.name
        for p in meeting.participations.all()
    ]
    if participants:
        lines.append("Participants: " + ", ".join(participants))
    if meeting.outcomes:
        lines.append("Outcomes: " + "; ".join(str(o) for o in meeting.outcomes))
    event.add("description", "\n".join(lines))
    event.add("x-parley-precision", vText(meeting_precision(meeting)))
    event.add("x-parley-approximate", vText("TRUE" if meeting.date_approximate else "FALSE"))
    if meeting.cameo_code:
        event.add("x-parley-cameo", vText(meeting.cameo_code))
    return event


def meetings_calendar(
    meetings: Iterable[Meeting], *, base: str = "", exact_only: bool = False, name: str = ""
) -> bytes:
    """The VCALENDAR of the dated meetings among `meetings` (undated ones are left out)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name or "Parley: diplomatic meetings")
    for meeting in meetings:
        if meeting.start_date is None or (exact_only and not is_exact(meeting)):
            continue
        calendar.add_component(meeting_event(meeting, base))
    return calendar.to_ical()
