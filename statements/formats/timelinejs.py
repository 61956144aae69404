"""The timeline as TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

Partial dates stay partial: a month-precision meeting has {"year": 2019, "month": 2} and no
day, an estimated one a `display_date` of "c. Feb 2019". TimelineJS renders headline and text
as HTML, so every stored string is HTML-escaped here.

Groups: one per meeting series. A meeting's series is the root of its chain of `follows` /
`part_of` relations (the second Trump–Kim summit → the first one's title); a meeting that
starts a chain is its own series; a meeting of kind "series" names its own group; any other
meeting is grouped by its kind ("Bilateral talks").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils.html import escape

from events.models import Meeting, MeetingKind, MeetingRelation, RelationKind

from .dates import partial_parts

CHAIN = (RelationKind.FOLLOWS, RelationKind.PART_OF)


def series_links() -> tuple[dict[int, int], dict[int, str]]:
    """(meeting id → the meeting it follows or is part of, id → title of those targets);
    one query over the relations."""
    parent: dict[int, int] = {}
    titles: dict[int, str] = {}
    rows = (
        MeetingRelation.objects.filter(kind__in=CHAIN)
        .order_by("kind", "pk")  # 'follows' before 'part_of': one parent per meeting
        .values_list("source_id", "target_id", "target__title")
    )
    for source, target, title in rows:
        parent.setdefault(source, target)
        titles[target] = title
    return parent, titles


def series_title(meeting: Meeting, parent: dict[int, int], titles: dict[int, str]) -> str:
    node, seen = meeting.pk, {meeting.pk}
    while node in parent and parent[node] not in seen:
        node = parent[node]
        seen.add(node)
    if node != meeting.pk:
        return titles[node]
    if meeting.kind == MeetingKind.SERIES or meeting.pk in titles:
        return meeting.title
    return meeting.get_kind_display()


def meeting_event(meeting: Meeting, group: str, base: str = "") -> dict[str, Any]:
    """One TimelineJS event; `meeting` must be dated, its participations prefetched."""
    assert meeting.start_date is not None
    names = ", ".join(escape(p.actor.name) for p in meeting.participations.all())
    details = [escape(meeting.date_display)]
    if meeting.place:
        details.append(escape(meeting.place))
    text = f"<p>{' · '.join(details)}</p>"
    if names:
        text += f"<p>{names}</p>"
    url = escape(base + meeting.get_absolute_url())
    text += f'<p><a href="{url}">Sources and statements</a></p>'
    event: dict[str, Any] = {
        "unique_id": f"meeting-{meeting.pk}",
        "start_date": partial_parts(meeting.start_date, meeting.start_precision),
        "text": {"headline": escape(meeting.title), "text": text},
        "group": escape(group),
    }
    if meeting.end_date and meeting.end_date != meeting.start_date:
        event["end_date"] = partial_parts(meeting.end_date, meeting.end_precision)
    if meeting.date_approximate:
        event["start_date"]["display_date"] = escape(meeting.date_display)
    return event


def timeline(meetings: Iterable[Meeting], *, base: str = "", title: str = "") -> dict[str, Any]:
    """The whole document: a title slide and one event per dated meeting."""
    parent, titles = series_links()
    events = [
        meeting_event(m, series_title(m, parent, titles), base)
        for m in meetings
        if m.start_date is not None
    ]
    return {
        "title": {
            "text": {
                "headline": escape(title or "Parley: diplomatic meetings"),
                "text": "<p>Who met whom, when and where, traced to the source words.</p>",
            }
        },
        "events": events,
    }
