"""Split the stored text into header (title, date line, byline) and body.

Works on lines; returns spans so nothing in the stored text is rewritten.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .names import LO, UP
from .reference import reference
from .types import Span

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
ZONES = {
    "ET": "America/New_York",
    "EDT": "America/New_York",
    "EST": "America/New_York",
    "CT": "America/Chicago",
    "CDT": "America/Chicago",
    "CST": "America/Chicago",
    "MT": "America/Denver",
    "MDT": "America/Denver",
    "MST": "America/Denver",
    "PT": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "GMT": "UTC",
    "UTC": "UTC",
    "Z": "UTC",
    "BST": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "KST": "Asia/Seoul",
    "JST": "Asia/Tokyo",
    "MSK": "Europe/Moscow",
}

# "April 25, 2019" / "Tue June 30, 2019" (year may be glued to the time: "20197:37")
_MDY = re.compile(
    rf"\b(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})", re.I
)
_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<mon>{MONTH_RE}),?\s+(?P<year>\d{{4}})\b", re.I)
_ISO = re.compile(
    r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"
)
_TIME = re.compile(
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2})\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?"
    r"(?:\s*(?P<zone>" + "|".join(sorted(ZONES, key=len, reverse=True)) + r")\b)?"
)
_DOT_TIME = re.compile(
    r"\b(?P<hour>\d{1,2})\.(?P<minute>\d{2})\s*(?P<zone>"
    + "|".join(sorted(ZONES, key=len, reverse=True))
    + r")\b"
)
# numeric dates of outlets outside the US: day first ("Date 15.04.2021" on Deutsche Welle,
# "Issued on: 26/10/2022 - 19:05" on France 24); month first only when the day cannot be a
# month ("10/26/2022")
_NUMERIC = re.compile(
    r"\b(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)\d\d)\b"
)
_YEAR_GLUED_TIME = re.compile(r"(?P<year>\d{4})(?P<hour>\d{1,2}):(?P<minute>\d{2})")

_NAME_TOKEN = rf"(?:[{UP}][{LO}'’]+(?:-[A-Za-z{LO}][{LO}]*)*|[{UP}]\.)"
_BARE_NAME = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,3}}$")
_ALT_TEXT = re.compile(rf"^{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}\s+(?:19|20)\d\d\s+\w+$")
_SOCIAL = re.compile(
    r"^(?:Twitter|Facebook|Instagram|LinkedIn|Email|E-mail|Threads|Bluesky|Mastodon|YouTube|"
    r"TikTok|X|Share|Tweet|Print|Comments?|Social(?: Sharing)?|Share (?:this|on \w+))$",
    re.I,
)
_ROLE_LINE = re.compile(
    r"^(?:(?:[a-z-]+\s+){0,3}(?:writer|reporter|correspondent|contributor|editor|columnist)|"
    r"\d+\s+min(?:ute)?s?\s+read)$",
    re.I,
)
# "By Jane Doe", "Author Markus Brandt", "Text by: Claire Roe", "By political reporter Tom Hale"
_BYLINE = re.compile(
    r"^(?:By|BY|by|Authors?|Text by|Written by|Words by)\s*:?\s+"
    r"(?:(?:[a-z][\w-]*\s+){0,3}(?:reporter|correspondent|editor|writer)\s+)?(?P<names>.+)$"
)
# "Gulf News", "The EastAfrican", "Nation Media Group": an outlet's name on a line of its own
_MEDIA_WORDS = (
    "News|Times|Post|Herald|Tribune|Journal|Daily|Nation|Express|Standard|Gazette|Monitor|"
    "Telegraph|Guardian|Observer|Mail|Star|Chronicle|Review|Today|Insider|Press|Media|Radio|"
    "TV|Television|Agency|Wire|Independent|Courier|Dispatch|Record|Week|Weekly|Online"
)
_OUTLET_LINE = re.compile(
    rf"^(?:The\s+[A-Z][\w'’&.-]+|(?:The\s+)?(?:[A-Z][\w'’&.-]*\s+){{0,2}}(?:{_MEDIA_WORDS})"
    rf"(?:\s+(?:Group|Network|Online|International))?)$"
)
# "NEW DELHI, Oct 11, 2021 (PTI) -", "EFE | Buenos Aires | 23 Jan. 2023": the agency on the
# date line
_LINE_AGENCY = re.compile(r"\((?P<paren>[A-Za-z][\w .&/-]{0,40})\)|^(?P<lead>[^|]{2,40}?)\s*\|")


@dataclass(frozen=True)
class Header:
    title: str
    title_span: Span | None
    published: dt.datetime | None
    authors: tuple[str, ...]
    body_start: int
    agency: str | None = None  # outlet named in the byline ("By JANE DOE Associated Press")
    noise: tuple[Span, ...] = ()  # alt text / social labels inside the header


def _zone(name: str | None) -> dt.tzinfo | None:
    if not name:
        return None
    return ZoneInfo(ZONES[name.upper()]) if name.upper() in ZONES else None


def parse_datetime(line: str) -> dt.datetime | dt.date | None:
    """Find a publication date (and time, zone) in one header line.

    'April 25, 20197:37 AM ET' -> datetime(2019, 4, 25, 7, 37, tzinfo=America/New_York)
    'Updated 3:15 PM EDT, Tue June 30, 2019' -> datetime(2019, 6, 30, 15, 15, tz=New_York)
    '30 June 2019' -> date(2019, 6, 30)
    """
    date: dt.date | None = None
    rest = line
    m = _ISO.search(line)
    if m:
        try:
            date = dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
        if m["hour"]:
            tz: dt.tzinfo | None = None
            off = m["offset"]
            if off == "Z":
                tz = dt.UTC
            elif off:
                sign = 1 if off[0] == "+" else -1
                digits = off[1:].replace(":", "")
                tz = dt.timezone(
                    sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
                )
            else:
                zm = re.match(r"\s*([A-Z]{1,4})\b", line[m.end() :])
                tz = _zone(zm.group(1)) if zm else None
            try:
                return dt.datetime.combine(date, dt.time(int(m["hour"]), int(m["minute"])), tz)
            except ValueError:
                return date
        return date
    for rx in (_MDY, _DMY):
        m = rx.search(line)
        if m:
            try:
                date = dt.date(
                    int(m["year"][:4]), MONTHS[m["mon"].lower().rstrip(".")], int(m["day"])
                )
            except (ValueError, KeyError):
                return None
            rest = line[: m.start()] + " " + line[m.end() :]
            glued = _YEAR_GLUED_TIME.match(line, m.start("year"))
            if glued:
                rest = line[: m.start()] + " " + line[glued.start("hour") :]
            break
    if date is None:
        m = _NUMERIC.search(line)
        if m:
            a, b = int(m["a"]), int(m["b"])
            day, month = (b, a) if b > 12 and m["sep"] == "/" else (a, b)
            try:
                date = dt.date(int(m["year"]), month, day)
            except ValueError:
                return None
            rest = line[: m.start()] + " " + line[m.end() :]
    if date is None:
        return None
    tm = _TIME.search(rest) or _DOT_TIME.search(rest)
    if not tm:
        return date
    hour, minute = int(tm["hour"]), int(tm["minute"])
    ampm = (tm.groupdict().get("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    try:
        return dt.datetime.combine(date, dt.time(hour, minute), _zone(tm["zone"]))
    except ValueError:
        return date


def _as_datetime(value: dt.datetime | dt.date) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.combine(value, dt.time(0, 0))


def split_names(names: str) -> tuple[tuple[str, ...], str | None]:
    """'JANE DOE and JOHN ROE Associated Press' -> (('Jane Doe', 'John Roe'), 'The Associated Press')."""
    ref = reference()
    agency = None
    for surface in sorted(ref.surface, key=len, reverse=True):
        ent = ref.entities[ref.surface[surface]]
        if ent.kind != "media":
            continue
        idx = names.find(surface)
        if idx > 0 and names[idx - 1] in " ,|/" and len(surface) > 2:
            agency = ent.name
            names = names[:idx]
            break
    names = re.sub(r"\s*[|/,]\s*$", "", names.strip())
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", names) if p.strip()]
    out = []
    parts = [re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", p) for p in parts]
    parts = [
        " ".join(
            w.capitalize() if w.isupper() and len(w.rstrip(".")) >= 2 else w for w in p.split()
        )
        for p in parts
    ]
    for p in parts:
        if p.isupper():
            p = " ".join(
                w.capitalize() if len(w) > 2 or not w.endswith(".") else w for w in p.split()
            )
        if (_BARE_NAME.match(p) or re.fullmatch(_NAME_TOKEN, p)) and not _ROLE_LINE.match(p):
            out.append(p)  # "Nada Al Hashimi, Staff Reporter": the role is not a name
    return tuple(out), agency


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def _date_ahead(text: str, pos: int, lines: int = 8) -> bool:
    """Is there a short date line among the next few (non-empty) lines?"""
    seen = 0
    for raw in text[pos : pos + 3000].split("\n")[: 3 * lines + 2]:
        s = raw.strip()
        if not s:
            continue
        if len(s.split()) <= 14 and parse_datetime(s) is not None:
            return True
        if len(s.split()) <= 30 and any(
            len(f.split()) <= 10 and parse_datetime(_DATE_PREFIX.sub("", f)) is not None
            for f in _fields(s)[1:]
        ):
            return True  # 'Jane Doe · Daily Planet · Posted: May 4, 2022'
        seen += 1
        if seen >= lines:
            break
    return False


_FIELD_SEP = re.compile(r"\s*[·•|]\s*")
_DATE_PREFIX = re.compile(
    r"^(?:(?:Last\s+)?(?:Published|Updated|Update|Posted|Issued(?:\s+on)?)\s*:?\s*)", re.I
)


def _fields(line: str) -> list[str]:
    """'Jane Doe · Daily Planet · Posted: May 4, 2022' -> the three fields."""
    return [f for f in _FIELD_SEP.split(line) if f]


def _field_line(
    fields: list[str], date_ahead: bool = False
) -> tuple[dt.datetime | None, tuple[str, ...], str | None] | None:
    """A header line of fields ('Jane Doe, John Roe | 04.05.2022', 'Jane Doe · Daily Planet ·
    Posted: May 4, 2022 4:05 PM'): the first field may list the authors; a date field gives the
    publication date; a short capitalised field between the authors and the date is the outlet.
    None unless one field is a date and another lists names."""
    value = None
    date_at = None
    by = _BYLINE.match(fields[0])
    if by:
        fields = [by["names"], *fields[1:]]
    fields = [f for f in fields if not _ROLE_LINE.match(f)]
    for i, f in enumerate(fields):
        v = parse_datetime(_DATE_PREFIX.sub("", f))
        if v is not None and len(f.split()) <= 10:
            value, date_at = _as_datetime(v), i
            break
    if date_at == 0:
        return None
    ref = reference()
    first = fields[0]
    if first in ref.surface:
        return None  # "EFE | Lima | 4 May 2022": an agency date line, no authors
    if value is None:
        # "Jane Doe | John Roe" above the date line: every field one name
        if date_ahead and all(_BARE_NAME.match(f) and f not in ref.surface for f in fields):
            return None, tuple(fields), None
        return None
    parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", first) if p.strip()]
    if not parts or not all(_BARE_NAME.match(p) and p not in ref.surface for p in parts):
        return None
    outlet = None
    if date_at == 2:
        mid = fields[1]
        known = ref.surface.get(mid)
        if known and ref.entities[known].kind == "media":
            outlet = known
        elif len(mid.split()) <= 4 and re.fullmatch(r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*)*", mid):
            outlet = mid
    return value, tuple(parts), outlet


def _line_agency(line: str) -> str | None:
    """'TOKYO, March 16, 2023 (Kyodo) --' -> 'Kyodo'; 'EFE | Lima | 2 May 2023' -> 'EFE'."""
    ref = reference()
    for m in _LINE_AGENCY.finditer(line):
        raw = (m["paren"] or m["lead"] or "").strip()
        name = ref.surface.get(raw)
        if name and ref.entities[name].kind == "media":
            return name
        # an agency the reference does not know: a short all-caps name in parentheses
        if m["paren"] and re.fullmatch(r"[A-Z][A-Z&-]{1,7}", raw):
            return raw
    return None


# "JAKARTA: ", "AMMAN — ", "SEOUL, South Korea (AP) — ": a paragraph opening with a dateline
_LEAD_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[A-Z][\w.'’ -]{1,40}?)?\s*"
    r"(?:\([\w .&/-]{1,40}\))?\s*(?::|[—–-]{1,2})\s+\S"
)


def _date_below(text: str, pos: int) -> tuple[dt.datetime | None, list[Span]]:
    """The first short date line in the next few lines, and the spans of the date lines."""
    published: dt.datetime | None = None
    spans: list[Span] = []
    seen = 0
    for start, raw in _lines(text[pos:]):
        stripped = raw.strip()
        if not stripped:
            continue
        seen += 1
        if seen > 4:
            break
        value = (
            parse_datetime(
                re.sub(r"^(?:Published|Updated|Posted)\s*:?\s*", "", stripped, flags=re.I)
            )
            if len(stripped.split()) <= 14
            else None
        )
        if value is None:
            if spans:
                break
            continue
        published = published or _as_datetime(value)
        lead = pos + start + len(raw) - len(raw.lstrip())
        spans.append(Span(lead, lead + len(stripped)))
    return published, spans


def _outlet(line: str) -> str | None:
    """'Gulf News' -> 'Gulf News': a line that names an outlet (known, or shaped like one)."""
    ref = reference()
    known = ref.surface.get(line)
    if known and ref.entities[known].kind == "media":
        return known
    shaped = line.title() if line.isupper() else line  # "THE NATION", "PREMIUM TIMES"
    if known is None and len(line.split()) >= 2 and _OUTLET_LINE.match(shaped):
        return shaped
    return None


def _raw_next_line(text: str, pos: int) -> str:
    """The next non-empty line after `pos`, whatever it is."""
    return next((raw.strip() for _, raw in _lines(text[pos : pos + 2000]) if raw.strip()), "")


def _section_label(line: str) -> bool:
    """'NEWS | AFRICA', 'UAE | Government', 'WORLD': a short label over the headline."""
    return len(line.split()) <= 4 and ("|" in line or ">" in line or line.isupper())


def _next_line(text: str, pos: int) -> str:
    """The next non-empty line that is not a section label."""
    for _, raw in _lines(text[pos : pos + 3000]):
        line = raw.strip()
        if not line or _section_label(line) or _name_label(line):
            continue
        if len(line.split()) <= 10 and parse_datetime(line) is not None:
            continue  # "LATIN AMERICA | 07-12-2024 08:30"
        return line
    return ""


def _name_label(line: str) -> bool:
    """'International', 'News', 'Politics & Law': a few capitalised words on their own."""
    return len(line.split()) <= 3 and bool(_NAME_LINE.fullmatch(line))


_NAME_LINE = re.compile(
    rf"[{UP}][\w'’&.-]*(?:\s+(?:[{UP}][\w'’&.-]*|&|and|de|del|la|le|of|the|al))*"
)


def _masthead(text: str, line: str, end: int) -> tuple[bool, str | None]:
    """Is the first line a masthead or section label above the headline ('Gulf News',
    'NEWS | AFRICA', 'UAE | Government')? (it is, outlet or None) when a longer headline
    follows and a date line comes soon after."""
    if len(line.split()) > 4 or not _date_ahead(text, end, 10):
        return False, None
    after = _next_line(text, end)
    if len(after.split()) < 5 or _BYLINE.match(after) or parse_datetime(after) is not None:
        return False, None
    raw = _raw_next_line(text, end)
    if parse_datetime(raw) is not None and "|" not in raw and len(raw.split()) <= 10:
        return False, None  # "Leaders Meet Again / May 2, 2019": a short headline
    outlet = _outlet(line)
    # "Le Monde", "International", "Balkan Insight": a short name over the headline (three
    # words at most, every one capitalised: no headline's verb)
    named = len(line.split()) <= 3 and bool(_NAME_LINE.fullmatch(line))
    return bool(outlet) or _section_label(line) or named, outlet


def _byline_ahead(text: str, pos: int) -> bool:
    """Is the next non-empty line a byline ('By Jane Doe', 'BY JANE DOE')?"""
    line = _raw_next_line(text, pos)
    return bool(_BYLINE.match(line)) and len(line.split()) <= 14


def split_header(text: str) -> Header:
    """Read title, date and byline from the first lines; the body starts after them.

    'Title\\n\\nApril 25, 20197:37 AM ET\\nJane Doe\\n\\nBody...' ->
    Header(title='Title', published=2019-04-25 07:37 ET, authors=('Jane Doe',), body_start=<Body>)
    """
    title = ""
    title_span = None
    published: dt.datetime | None = None
    authors: list[str] = []
    agency = None
    noise: list[Span] = []
    body_start = 0
    seen_lines = 0
    for pos, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        lead = pos + len(line) - len(line.lstrip())
        span = Span(lead, lead + len(stripped))
        if not title:
            body_start = pos + len(line)
            if seen_lines < 3:
                is_masthead, outlet = _masthead(text, stripped, body_start)
                if is_masthead:
                    if outlet is None and not seen_lines and len(stripped.split()) >= 2:
                        outlet = stripped if _NAME_LINE.fullmatch(stripped) else None
                    agency = agency or outlet
                    noise.append(span)
                    seen_lines += 1
                    continue
                value = parse_datetime(stripped) if len(stripped.split()) <= 10 else None
                if value is not None and seen_lines:
                    # "Buenos Aires Times / LATIN AMERICA | 07-12-2024 08:30 / <headline>"
                    published = published or _as_datetime(value)
                    noise.append(span)
                    seen_lines += 1
                    continue
            title, title_span = stripped, span
            continue
        seen_lines += 1
        if seen_lines > 12:
            break
        words = stripped.split()
        if stripped == title:
            body_start = pos + len(line)
            continue
        fields = _fields(stripped)
        if len(fields) > 1 and not published and len(words) <= 30:
            got = _field_line(fields, _date_ahead(text, pos + len(line), 2))
            if got is not None:
                value, names, outlet = got
                published = published or value
                authors.extend(n for n in names if n not in authors)
                agency = agency or outlet or _line_agency(stripped)
                body_start = pos + len(line)
                continue
        caps = stripped.title()
        if (
            stripped.isupper()
            and not published
            and not _BYLINE.match(stripped)
            and not _ROLE_LINE.match(stripped)
            and 2 <= len(words) <= 4
            and _BARE_NAME.match(caps)
            and caps not in reference().surface
            and _date_ahead(text, pos + len(line), 2)
        ):
            authors.append(caps)  # "JANE DOE-ROE" alone above the date line
            body_start = pos + len(line)
            continue
        if len(words) <= 14 and not published:
            value = parse_datetime(
                re.sub(r"^(?:Published|Updated|Posted)\s*:?\s*", "", stripped, flags=re.I)
            )
            if value is not None:
                published = _as_datetime(value)
                body_start = pos + len(line)
                agency = agency or _line_agency(stripped)
                continue
        if len(words) <= 14 and (
            parse_datetime(stripped) is not None
            or re.match(r"^(?:Updated|Published|Posted)\b", stripped)
        ):
            body_start = pos + len(line)
            continue
        if _ALT_TEXT.match(stripped) or _SOCIAL.match(stripped):
            noise.append(span)
            body_start = pos + len(line)
            continue
        if _ROLE_LINE.match(stripped) or (len(words) <= 3 and stripped in reference().surface):
            ag = reference().surface.get(stripped)
            if ag and reference().entities[ag].kind == "media":
                agency = agency or ag
            body_start = pos + len(line)
            continue
        if not _BYLINE.match(stripped) and "," in stripped and len(words) <= 10:
            names, ag = split_names(stripped)
            if names and (
                ag
                # "Elira Kadiu, Saša Dragojlović" alone over the date line
                or (
                    published is None
                    and len(names) == len([p for p in re.split(r",\s*|\s+and\s+", stripped) if p])
                    and all(_BARE_NAME.match(n) and n not in reference().surface for n in names)
                    and _date_ahead(text, pos + len(line), 4)
                )
            ):
                authors.extend(n for n in names if n not in authors)
                agency = agency or ag
                body_start = pos + len(line)
                continue
        m = _BYLINE.match(stripped)
        if m and len(words) <= 14:
            # "By Claire Morand (Algiers, special correspondent)"
            names, ag = split_names(re.sub(r"\s*\([^)]*\)\s*$", "", m["names"]))
            if names:
                authors.extend(n for n in names if n not in authors)
                agency = agency or ag
                body_start = pos + len(line)
                continue
        parts = [p.strip() for p in stripped.split(",")]
        if (
            len(parts) >= 2
            and _ROLE_LINE.match(parts[-1])
            and all(_BARE_NAME.match(p) and p not in reference().surface for p in parts[:-1])
        ):
            authors.extend(
                p for p in parts[:-1] if p not in authors
            )  # "Jane Doe, Political Reporter"
            body_start = pos + len(line)
            continue
        if (
            published is None
            and _BARE_NAME.match(stripped)
            and stripped not in reference().surface
            and not _outlet(stripped)
            and parse_datetime(_raw_next_line(text, pos + len(line))) is not None
        ):
            authors.append(stripped)  # "Selin Aydemir" right above "Mar 9, 2025"
            body_start = pos + len(line)
            continue
        bare = re.sub(r"\s+in\s+[A-Z][\w .'-]*$", "", stripped)  # "Jane Doe in Vienna"
        if (
            _BARE_NAME.match(bare)
            and (published or bare != stripped)
            and bare not in reference().surface
        ):
            stripped = bare
            if stripped not in authors:
                authors.append(stripped)
            body_start = pos + len(line)
            continue
        outlet = _outlet(stripped) if len(words) <= 5 else None
        if outlet and (
            # "<date> / THE NATION / <body>"
            (published is not None and len(words) <= 4)
            # "By Jane Doe / Nation Media Group / <date>"
            or (
                published is None
                and (authors or agency is None)
                and _date_ahead(text, pos + len(line), 2)
            )
        ):
            agency = agency or outlet
            body_start = pos + len(line)
            continue
        if (
            published is None
            and len(words) <= 3
            and not stripped.endswith((".", ":"))
            and (authors or agency)
            and _date_ahead(text, pos + len(line), 2)
        ):
            body_start = pos + len(line)  # "BIRN", "Tirana, Belgrade" between byline and date
            continue
        if (
            seen_lines <= 5
            and len(words) <= 50
            and not authors
            and _byline_ahead(text, pos + len(line))
        ):
            body_start = pos + len(line)  # a standfirst above the byline
            continue
        if (
            published is None
            and seen_lines <= 4
            and len(words) <= 50
            and _date_ahead(text, pos + len(line))
        ):
            if _LEAD_DATELINE.match(stripped):
                # "JAKARTA: Singapore and Indonesia will …" above the date line: the lead
                # paragraph, not a standfirst; the date line under it is noise in the body
                published, date_spans = _date_below(text, pos + len(line))
                noise.extend(date_spans)
                body_start = pos
                break
            body_start = pos + len(line)  # a standfirst between the title and the date line
            continue
        break
    return Header(
        title=title,
        title_span=title_span,
        published=published,
        authors=tuple(authors),
        body_start=body_start,
        agency=agency,
        noise=tuple(noise),
    )
