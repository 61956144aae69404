"""Parley in the formats other tools read (issue 9).

One module per format, each a set of small functions from model rows (or `.values()` rows)
to plain Python data, plus thin views in `views.py` and routes in `urls.py`:

- `jsonld`      schema.org JSON-LD for actors, meetings, statements and claims
- `annotation`  a statement's span as a W3C Web Annotation (with a span check)
- `ical`        meetings as an iCalendar feed (RFC 5545, the `icalendar` library)
- `feeds`       Atom feeds (django.contrib.syndication) of meetings, claims and reviews
- `timelinejs`  the timeline as TimelineJS3 JSON
- `popolo`      a Popolo-shaped export (persons, organizations, memberships, events, speeches)
- `cameo`       CAMEO event codes for meetings and statements (plain Python, no Django)

See docs/formats.md for one example of each.
"""
