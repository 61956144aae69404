"""Presentation helpers for the reader's site: article segments, highlights, small SVGs.

Everything here is pure Python over rows the views already fetched (no queries), and every
piece of stored text or name is escaped on its way into HTML.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from html import escape as _html_escape
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django import template
from django.urls import reverse
from django.utils.dateformat import format as date_format
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from config.urlcache import url_named
from statements.search import fold

register = template.Library()


# --- timeline -----------------------------------------------------------------------------


@dataclass
class YearGroup:
    label: str
    year: int | None
    meetings: list = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"year-{self.year}" if self.year is not None else "year-unknown"


def year_groups(meetings) -> list[YearGroup]:
    """Meetings (already in time order, undated last) grouped by the year they start in."""
    groups: list[YearGroup] = []
    by_year: dict[int | None, YearGroup] = {}
    for meeting in meetings:
        year = meeting.start_date.year if meeting.start_date else None
        if year not in by_year:
            label = str(year) if year is not None else "Date unknown"
            by_year[year] = YearGroup(label, year)
            groups.append(by_year[year])
        by_year[year].meetings.append(meeting)
    return groups


def date_shape(meeting) -> str:
    """How a meeting's date is drawn: 'point' (one exact day), 'range' (a span or a month or
    year), 'approx' (an estimate) or 'unknown'."""
    if meeting.start_date is None:
        return "unknown"
    if meeting.date_approximate:
        return "approx"
    if meeting.start_precision == "day" and (
        meeting.end_date is None or meeting.end_date == meeting.start_date
    ):
        return "point"
    return "range"


register.filter("date_shape", date_shape)


def timeline_svg(meetings, *, width: int = 800) -> SafeString:
    """An overview of the dated meetings drawn to scale: one lane per meeting, a dot for an
    exact day, a bar for a range (the six-party talks, 2003–2009) or a month, dashed for an
    approximate date."""
    dated = [m for m in meetings if m.start_date is not None]
    if not dated:
        return SafeString("")
    first = min(m.start_date for m in dated).year
    last = max((m.last_day or m.start_date) for m in dated).year
    axis_start = dt.date(first, 1, 1)
    axis_end = dt.date(last + 1, 1, 1)
    days = (axis_end - axis_start).days
    pad, lane, top = 12, 22, 30
    inner = width - 2 * pad

    def x(day: dt.date) -> float:
        return round(pad + inner * (day - axis_start).days / days, 1)

    height = top + lane * len(dated) + 8
    # Built with str.format and html.escape on the text only (numbers need none): the same
    # bytes format_html gave, about four times faster (this was a fifth of the timeline).
    esc = _html_escape
    parts: list[str] = []
    years = last - first + 1
    step = max(1, math.ceil(years / 8))
    for year in range(first, last + 2):
        px = x(dt.date(year, 1, 1))
        parts.append(f'<line class="tl-tick" x1="{px}" x2="{px}" y1="{top - 6}" y2="{height}"/>')
        if year <= last and (year - first) % step == 0:
            parts.append(f'<text class="tl-year" x="{round(px + 3, 1)}" y="16">{year}</text>')
    for index, meeting in enumerate(dated):
        cy = round(top + lane * index + lane / 2, 1)
        shape = date_shape(meeting)
        label = f"{meeting.title} — {meeting.date_display}"
        x1 = x2 = x(meeting.start_date)
        if shape == "point":
            body = f'<circle class="tl-point" cx="{x(meeting.start_date)}" cy="{cy}" r="6"/>'
        else:
            x1 = x(meeting.start_date)
            end = (meeting.last_day or meeting.start_date) + dt.timedelta(days=1)
            x2 = max(x(min(end, axis_end)), x1 + 10)
            body = (
                f'<rect class="tl-{"approx" if shape == "approx" else "range"}" x="{x1}" '
                f'y="{round(cy - 6, 1)}" width="{round(x2 - x1, 1)}" height="12" rx="3"/>'
            )
        lx = x(meeting.start_date) if shape == "point" else x1
        right = lx > width * 0.6
        if shape != "point" and not right:
            lx = x2
        parts.append(
            f'<g><title>{esc(label)}</title>{body}<text class="tl-label" '
            f'x="{round(lx - 10 if right else lx + 10, 1)}" y="{round(cy + 5, 1)}" '
            f'text-anchor="{"end" if right else "start"}">{esc(_short(meeting.title, 40))}'
            "</text></g>"
        )
    title = (
        f"Overview of {len(dated)} dated meeting{'s' if len(dated) != 1 else ''}, {first}–{last}"
    )
    # safe: every text above is escaped, the rest are numbers and fixed markup
    return mark_safe(
        f'<svg class="timeline-overview" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="tl-title"><title id="tl-title">{esc(title)}</title>'
        f"{''.join(parts)}</svg>"
    )


# --- actors -------------------------------------------------------------------------------


@dataclass
class Counterpart:
    actor: object
    meetings: int


def counterparts(actor, meetings) -> list[Counterpart]:
    """Whom `actor` met, most often first, from the meetings' prefetched participants."""
    counts: dict[int, Counterpart] = {}
    for meeting in meetings:
        for participation in meeting.participations.all():
            other = participation.actor
            if other.pk == actor.pk:
                continue
            if other.pk not in counts:
                counts[other.pk] = Counterpart(other, 0)
            counts[other.pk].meetings += 1
    return sorted(counts.values(), key=lambda c: (-c.meetings, c.actor.name))


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[: limit - 1] + "…"


def met_svg(actor, people: list[Counterpart], *, limit: int = 10) -> SafeString:
    """A small star diagram: the actor in the middle, whom they met around, the line's weight
    the number of meetings together."""
    if not people:
        return SafeString("")
    shown = people[:limit]
    cx, cy, radius, w, h = 240, 150, 105, 480, 300
    # One or two counterparts sit either side of the actor, in a shorter picture.
    first_angle = -math.pi / 2
    if len(shown) <= 2:
        cy, h, first_angle = 60, 120, 0.0
    parts: list[str] = []
    for i, person in enumerate(shown):
        angle = first_angle + 2 * math.pi * i / len(shown)
        px, py = round(cx + radius * math.cos(angle), 1), round(cy + radius * math.sin(angle), 1)
        anchor = "start" if math.cos(angle) > 0.3 else "end" if math.cos(angle) < -0.3 else "middle"
        tx = round(px + (10 if anchor == "start" else -10 if anchor == "end" else 0), 1)
        ty = round(py + (18 if math.sin(angle) > 0.5 else -10 if math.sin(angle) < -0.5 else 4), 1)
        parts.append(
            format_html(
                '<line class="met-edge" x1="{}" y1="{}" x2="{}" y2="{}" stroke-width="{}"/>',
                cx,
                cy,
                px,
                py,
                min(1 + person.meetings, 6),
            )
        )
        parts.append(
            format_html(
                '<g><title>{} — {} meeting{}</title><circle class="met-node" cx="{}" cy="{}" r="7"/>'
                '<text class="met-label" x="{}" y="{}" text-anchor="{}">{}</text></g>',
                person.actor.name,
                person.meetings,
                "" if person.meetings == 1 else "s",
                px,
                py,
                tx,
                ty,
                anchor,
                _short(person.actor.name),
            )
        )
    parts.append(
        format_html(
            '<circle class="met-centre" cx="{}" cy="{}" r="11"/>'
            '<text class="met-label met-self" x="{}" y="{}" text-anchor="middle">{}</text>',
            cx,
            cy,
            cx,
            cy + 28,
            _short(actor.name),
        )
    )
    names = ", ".join(
        f"{p.actor.name} ({p.meetings} meeting{'s' if p.meetings != 1 else ''})" for p in shown
    )
    return format_html(
        '<svg class="met-graph" viewBox="0 0 {} {}" role="img" aria-labelledby="met-title met-desc">'
        '<title id="met-title">Whom {} met</title><desc id="met-desc">{}</desc>{}</svg>',
        w,
        h,
        actor.name,
        names,
        mark_safe("".join(parts)),
    )


# --- articles -----------------------------------------------------------------------------


@dataclass
class Piece:
    text: str
    statement: object | None = None
    first: bool = True  # the first piece of its statement carries the anchor


@dataclass
class Block:
    kind: str  # body | boilerplate | outside
    start: int
    end: int
    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


def _zones(length: int, body_start: int, body_end: int, boilerplate) -> list[tuple[int, int, str]]:
    """Cut [0, length) into outside-the-body, body and boilerplate zones."""
    if not 0 <= body_start < body_end <= length:
        body_start, body_end = 0, length
    spans = []
    for span in boilerplate or []:
        try:
            s, e = max(int(span[0]), body_start), min(int(span[1]), body_end)
        except (TypeError, ValueError, IndexError):
            continue
        if s < e:
            spans.append((s, e))
    spans.sort()
    zones: list[tuple[int, int, str]] = []
    if body_start > 0:
        zones.append((0, body_start, "outside"))
    cursor = body_start
    for s, e in spans:
        s = max(s, cursor)
        if s >= e:
            continue
        if s > cursor:
            zones.append((cursor, s, "body"))
        zones.append((s, e, "boilerplate"))
        cursor = e
    if cursor < body_end:
        zones.append((cursor, body_end, "body"))
    if body_end < length:
        zones.append((body_end, length, "outside"))
    return zones


def article_blocks(
    text: str, body_start: int, body_end: int, boilerplate, statements
) -> list[Block]:
    """The stored text cut into blocks (body, boilerplate, outside the body), each cut into
    plain pieces and statement pieces at the statements' spans. Overlapping spans are
    clipped (the earlier statement keeps the shared words); the pieces of each block join
    back to exactly the stored text."""
    statements = sorted(statements, key=lambda s: (s.start, s.end))
    seen: set[int] = set()
    blocks: list[Block] = []
    for zs, ze, kind in _zones(len(text), body_start, body_end, boilerplate):
        block = Block(kind, zs, ze)
        cursor = zs
        for statement in statements:
            s, e = max(statement.start, cursor), min(statement.end, ze)
            if s >= e:
                continue
            if s > cursor:
                block.pieces.append(Piece(text[cursor:s]))
            block.pieces.append(Piece(text[s:e], statement, statement.pk not in seen))
            seen.add(statement.pk)
            cursor = e
        if cursor < ze:
            block.pieces.append(Piece(text[cursor:ze]))
        blocks.append(block)
    return blocks


def render_pieces(block: Block) -> SafeString:
    """One block's HTML: plain text escaped, each statement a highlighted link with its
    speaker and claims named beside it."""
    out: list[str] = []
    last = len(block.pieces) - 1
    for i, piece in enumerate(block.pieces):
        statement = piece.statement
        if statement is None:
            # Blank lines at the block's edges would show as gaps in pre-wrapped text.
            text = piece.text
            if i == 0:
                text = text.lstrip("\n")
            if i == last:
                text = text.rstrip()
            out.append(escape(text))
            continue
        claims = list(statement.claims.all())
        tag = format_html_join(
            "",
            ' · <a class="quote-claim" href="{}">claim {}</a>',
            ((reverse("claim-detail", args=[c.pk]), c.pk) for c in claims),
        )
        kind = "quote" if statement.direct else "reported"
        out.append(
            format_html(
                '<mark class="hl hl-{}"{}><a class="hl-link" href="{}">{}</a></mark>'
                '<span class="hl-tag"> [<span class="visually-hidden">{} by </span>{}{}]</span>',
                kind,
                format_html(' id="statement-{}"', statement.pk) if piece.first else "",
                statement.get_absolute_url(),
                piece.text,
                "quote" if statement.direct else "reported speech",
                statement.speaker.name,
                tag,
            )
        )
    return mark_safe("".join(out))


register.simple_tag(render_pieces, name="render_pieces")


@dataclass
class Snippet:
    before: str
    quote: str
    after: str


def snippet(text: str, start: int, end: int, radius: int = 220) -> Snippet:
    """The words around a span, cut at word boundaries, with an ellipsis where cut."""
    lo = max(0, start - radius)
    hi = min(len(text), end + radius)
    before = text[lo:start]
    after = text[end:hi]
    # Stay inside the paragraph: the stored text has one paragraph (or caption) per line.
    if "\n" in before:
        before = before[before.rfind("\n") + 1 :]
    elif lo > 0:
        before = "…" + before[before.find(" ") + 1 :] if " " in before else "…" + before
    if "\n" in after:
        after = after[: after.find("\n")]
    elif hi < len(text):
        after = after[: after.rfind(" ")] + "…" if " " in after else after + "…"
    return Snippet(before, text[start:end], after)


@register.filter
def in_context(statement, radius: int = 220) -> Snippet:
    return snippet(statement.article.text, statement.start, statement.end, int(radius))


# --- claims -------------------------------------------------------------------------------


@dataclass
class Link:
    role: str
    actor: object


def claim_chain(claim, evidence) -> list[Link]:
    """Subject → claimant → the outlet that relayed it → the publisher of the evidence:
    Kim Jong Un → Vladimir Putin → The Associated Press → NPR. Missing links are left out;
    an actor already in the chain is not repeated."""
    chain: list[Link] = []
    ids: set[int] = set()

    def add(role: str, actor) -> None:
        if actor is not None and actor.pk not in ids:
            ids.add(actor.pk)
            chain.append(Link(role, actor))

    add("subject", claim.subject)
    add("claimant", claim.claimant)
    add("reported by", claim.reported_via)
    for statement in evidence:
        add("reported by", statement.reported_via)
    for statement in evidence:
        add("published by", statement.article.publisher)
    return chain


# --- search -------------------------------------------------------------------------------

_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def _stem(term: str) -> str:
    folded = fold(term)
    stemmed = _SUFFIX.sub("", folded) if len(folded) > 4 else folded
    return stemmed or folded


@register.filter
def highlight(text, terms) -> SafeString:
    """`text` escaped, with every word that starts like one of `terms` marked — accent- and
    case-insensitively, as the search matched it ('Pyongyang' marks 'PYÖNGYANG's')."""
    text = "" if text is None else str(text)
    if not terms:
        return escape(text)
    folded: list[str] = []
    index: list[int] = []
    for i, char in enumerate(text):
        f = fold(char)
        folded.append(f)
        index.extend([i] * len(f))
    haystack = "".join(folded)
    stems = sorted({_stem(t) for t in terms if t}, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in stems) + r")\w*")
    out: list[str] = []
    pos = 0
    for match in pattern.finditer(haystack):
        s, e = index[match.start()], index[match.end() - 1] + 1
        if s < pos:
            continue
        out.append(escape(text[pos:s]))
        out.append(format_html("<mark>{}</mark>", text[s:e]))
        pos = e
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


@register.filter
def condition_text(condition: str) -> str:
    """'given security guarantees' → 'if given security guarantees'; an 'if …' stays as is."""
    condition = (condition or "").strip()
    if not condition:
        return ""
    lowered = condition.casefold()
    if lowered.startswith(("if ", "unless ", "provided ", "as long as ", "when ", "once ")):
        return condition
    return f"if {condition}"


@register.filter
def first_outcome(meeting) -> str:
    outcomes = meeting.outcomes or []
    for outcome in outcomes:
        if isinstance(outcome, str) and outcome.strip():
            return outcome.strip()
        if isinstance(outcome, dict):
            text = outcome.get("text") or outcome.get("outcome") or ""
            if text:
                return str(text)
    return ""


@register.filter
def outcome_text(outcome) -> str:
    if isinstance(outcome, dict):
        return str(outcome.get("text") or outcome.get("outcome") or outcome)
    return str(outcome)


@register.filter
def in_zone(value: dt.datetime | None, zone: str) -> str:
    """A publication time as the article gave it: 11:37 UTC in America/New_York →
    '25 April 2019, 07:37 EDT'. An unknown zone falls back to UTC."""
    if value is None:
        return ""
    try:
        tz = ZoneInfo(zone) if zone else dt.UTC
    except (ZoneInfoNotFoundError, ValueError):
        tz = dt.UTC
    return date_format(value.astimezone(tz), "j F Y, H:i T")


@register.simple_tag
def site_url(name: str) -> str:
    """`{% url name %}` for a route without arguments, reversed once per process (the base
    template links to five of them ten times on every page)."""
    return url_named(name)


# --- the timeline's items, without the template engine ------------------------------------


# The reference for `actor_options` (tests/site compares the two byte for byte).
ACTOR_OPTIONS_TEMPLATE = (
    '{% for actor in actor_choices %}<option value="{{ actor.slug }}"'
    "{% if actor.slug in selected_slugs %} selected{% endif %}>{{ actor.name }}</option>"
    "{% endfor %}"
)


@register.simple_tag
def actor_options(actor_choices, selected_slugs) -> SafeString:
    """The timeline filter's `<option>`s (a few hundred actors), as ACTOR_OPTIONS_TEMPLATE
    renders them, without the template engine's per-variable lookups."""
    esc = _html_escape
    # safe: slugs and names are escaped
    return mark_safe(
        "".join(
            f'<option value="{esc(str(a.slug))}"'
            f"{' selected' if a.slug in selected_slugs else ''}>{esc(str(a.name))}</option>"
            for a in actor_choices
        )
    )


def _url_prefix(name: str) -> tuple[str, str]:
    prefix, _, suffix = reverse(name, args=["parley-slug-0"]).partition("parley-slug-0")
    return prefix, suffix


@register.simple_tag
def meeting_items(meetings, people=None) -> SafeString:
    """The `<li>` of each meeting, exactly as `site/_meeting_item.html` renders it (the test
    in tests/site compares the two), built in Python: on a page of 100 meetings the template
    engine's per-variable lookups and one reverse() per link were most of the page's time."""
    from events.models import MeetingKind, ParticipantRole

    esc = _html_escape
    kinds, roles = dict(MeetingKind.choices), dict(ParticipantRole.choices)
    m_pre, m_suf = _url_prefix("meeting-detail")
    a_pre, a_suf = _url_prefix("actor-detail")
    out: list[str] = []
    for meeting in meetings:
        if meeting.start_date:
            when = (
                f'<time datetime="{meeting.start_date.isoformat()}">'
                f"{esc(meeting.date_display)}</time>"
            )
        else:
            when = "Date unknown"
        if meeting.date_approximate:
            when += ' <span class="badge">approximate</span>'
        if meeting.end_date and meeting.end_date != meeting.start_date:
            when += ' <span class="badge">range</span>'
        meta = esc(str(kinds.get(meeting.kind, meeting.kind)))  # = get_kind_display()
        if meeting.place:
            meta += " · " + esc(meeting.place)
        people_html = ""
        # (role, slug, name) of each participant: from `people` (Meeting.objects.people_of)
        # when the view fetched them as rows, else from the prefetched participations
        if people is not None:
            participants = people.get(meeting.pk, ())
        else:
            participants = [
                (p.role, p.actor.slug, p.actor.name) for p in meeting.participations.all()
            ]
        if participants:
            links = []
            for role, slug, name in participants:
                link = f'<a href="{esc(a_pre + slug + a_suf)}">{esc(name)}</a>'
                if role != "participant":
                    link += (
                        f' <span class="role">({esc(str(roles.get(role, role)).lower())})</span>'
                    )
                links.append(link)
            people_html = (
                '\n    <p class="tl-people"><span class="visually-hidden">Participants: </span>'
                + ", ".join(links)
                + "</p>\n    "
            )
        outcome = first_outcome(meeting)
        outcome_html = (
            f'<p class="tl-outcome"><span class="label">Outcome:</span> {esc(outcome)}</p>'
            if outcome
            else ""
        )
        out.append(
            f'<li class="tl-item tl-{date_shape(meeting)}">\n'
            '  <span class="tl-marker" aria-hidden="true"></span>\n'
            '  <div class="tl-body">\n'
            f'    <p class="tl-date">{when}</p>\n'
            f'    <h3 class="tl-title"><a href="{esc(m_pre + meeting.slug + m_suf)}">'
            f"{esc(meeting.title)}</a></h3>\n"
            f'    <p class="tl-meta">{meta}</p>\n'
            f"    {people_html}\n"
            f"    {outcome_html}\n"
            "  </div>\n"
            "</li>\n"
        )
    return mark_safe("".join(out))  # every value above is escaped
