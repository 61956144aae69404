"""`extract()`: the whole chain, one pure function per stage."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from .actors import find_actors
from .boilerplate import find_boilerplate
from .claims import build_claims
from .credits import credit_actors
from .dates import DateMention, find_dates
from .decoding import Decoded, EmptyInput, decode, repair
from .header import split_header
from .html import parse_html
from .meetings import find_meetings, generic_meetings
from .quotes import extract_statements
from .reference import reference
from .sentences import Sentence, paragraphs, sentences
from .speakers import add_speakers
from .types import ArticleMeta, Extraction, FuzzyDate, Meeting, Span, Statement

_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[A-Z][\w.'’ -]{1,40}?)?)\s*"
    r"(?:\((?P<agency>[A-Za-z][\w .&/-]{0,40})\))?\s*[—–-]{1,2}\s*"
)


# "Warsaw (dpa) - ": a place in normal case, only with the agency in parentheses
_DATELINE_AGENCY = re.compile(
    r"^(?P<place>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}(?:,\s+[A-Z][\w.'’ -]{1,40}?)?)\s*"
    r"\((?P<agency>[A-Za-z][\w .&/-]{0,40})\)\s*[—–-]{1,2}\s"
)


def content_hash(text: str) -> str:
    """sha256 hex of the stored text: 'abc' -> 'ba7816bf...'."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def dateline(text: str, body_start: int, skip: tuple[Span, ...]) -> tuple[str | None, str | None]:
    """'SEOUL, South Korea (AP) — ...' -> ('Seoul, South Korea', 'The Associated Press')."""
    pos = body_start
    tries = 0
    for raw in text[body_start:].split("\n"):
        lead = pos + len(raw) - len(raw.lstrip())
        if raw.strip() and not any(s.start <= lead < s.end for s in skip):
            m = _DATELINE.match(raw.strip()) or _DATELINE_AGENCY.match(raw.strip())
            if not m:
                # a photo caption the boilerplate pass did not mark may sit above the dateline
                tries += 1
                if tries < 3 and re.search(r"(?:Photo|Image)\s*:|\(\w+/\w", raw):
                    pos += len(raw) + 1
                    continue
                return None, None
            place = m["place"].strip()
            city, _, rest = place.partition(",")
            place = city.title() + ("," + rest if rest else "")
            agency = None
            if m["agency"]:
                ref = reference()
                agency = ref.surface.get(m["agency"].strip(), m["agency"].strip())
            return place, agency
        pos += len(raw) + 1
    return None, None


def _statement_context(
    text: str,
    st: Statement,
    sents: tuple[Sentence, ...],
    dates: tuple[DateMention, ...],
    meetings: tuple[Meeting, ...],
    pub: dt.date | None,
) -> Statement:
    """Tie a statement to its meeting and date: the cue sentence's date, else the meeting's."""
    pos = st.cue.start if st.cue else st.start
    si = next((i for i, s in enumerate(sents) if s.start <= pos < s.end), None)
    para = sents[si].paragraph if si is not None else None
    meeting = None
    for m in meetings:
        if any(
            any(s.paragraph == para and s.start <= ev.start < s.end for s in sents)
            for ev in m.evidence
        ):
            meeting = (
                m
                if meeting is None or (meeting.mentioned_only and not m.mentioned_only)
                else meeting
            )
    date = next(
        (
            d.date
            for d in dates
            if d.sentence == si
            and d.target is None
            and d.end_date is None
            and d.date.precision == "day"
        ),
        None,
    )
    conf = st.confidence
    if date is None and meeting is not None and not meeting.mentioned_only and meeting.start:
        date = meeting.start
    if date is None and pub is not None:
        date = FuzzyDate(pub)
        conf = round(conf * 0.95, 3)
    return replace(st, meeting=meeting.title if meeting else None, date=date, confidence=conf)


def extract_text(text: str, *, url: str | None = None, page_meta: dict | None = None) -> Extraction:
    """Run the chain over already-decoded text.

    'Title\\n\\nApril 25, 2019\\n\\n"Hi," Putin said.' -> one direct statement by Putin
    """
    if not text.strip():
        raise EmptyInput("no text left after decoding")
    warnings: list[str] = []
    header = split_header(text)
    bp = find_boilerplate(text, header.body_start, header.noise)
    body_end = len(text.rstrip())
    body = Span(min(header.body_start, body_end), body_end)
    paras = paragraphs(text, body, bp.spans)
    sents = sentences(text, paras)
    regions = tuple(Span(p.start, p.end) for p in paras)
    captions = tuple(s for s in bp.spans if len(text[s.start : s.end].split()) > 6)
    mention_regions = ((header.title_span,) if header.title_span else ()) + regions
    table = find_actors(text, mention_regions, regions + captions)
    table = add_speakers(text, sents, table)
    place, agency = dateline(text, header.body_start, bp.spans)
    published = header.published
    meta = page_meta or {}
    if meta.get("published"):
        published = meta["published"]
    pub_date = published.date() if published else None
    if published is None:
        warnings.append("no publication date found")
    dates = find_dates(text, sents, pub_date)
    statements = extract_statements(text, paras, sents, table)
    meetings = find_meetings(text, sents, table, dates, statements, place)
    meetings = generic_meetings(
        text,
        sents,
        table,
        dates,
        meetings,
        FuzzyDate(pub_date) if pub_date else None,
        place,
        statements,
    )
    statements = tuple(
        _statement_context(text, st, sents, dates, meetings, pub_date) for st in statements
    )
    claims = build_claims(text, statements, table)
    publisher = meta.get("publisher") or agency or header.agency or bp.publisher
    if publisher is None:
        warnings.append("no publisher found")
    if not statements:
        warnings.append("no statements found")
    article = ArticleMeta(
        title=meta.get("title") or header.title,
        published=published,
        authors=tuple(meta.get("authors") or header.authors),
        publisher=publisher,
        url=url or meta.get("url"),
        body=body if body.end > body.start else None,
        boilerplate=bp.spans,
    )
    actors = table.actors
    known = {a.name for a in actors}
    # the byline's authors are people too ("By Jonah Ellis, Associated Press")
    from .types import Actor, ActorKind, Role

    for author in article.authors:
        if author not in known and len(author.split()) >= 2:
            role = (Role("reporter", publisher),) if publisher else ()
            actors = (*actors, Actor(author, ActorKind.PERSON, (author,), None, role))
            known.add(author)
    # photographers, their agencies and contributors named only in credit lines
    for extra in credit_actors(text[header.body_start :], known):
        actors = (*actors, extra)
        known.add(extra.name)
    if publisher and publisher not in known:
        ent = reference().entities.get(publisher)
        actors = (
            *actors,
            Actor(publisher, ActorKind.MEDIA, (publisher,), ent.country if ent else None),
        )
    return Extraction(
        text=text,
        content_hash=content_hash(text),
        article=article,
        actors=actors,
        mentions=table.mentions(),
        meetings=meetings,
        statements=statements,
        claims=claims,
        warnings=tuple(warnings),
    )


def extract(raw: bytes | str, *, url: str | None = None) -> Extraction:
    """Decode (bytes), unwrap HTML, and run the chain.

    open('article.txt', 'rb').read() -> Extraction(...)
    """
    if isinstance(raw, bytes):
        decoded = decode(raw)
    else:
        if not raw.strip():
            raise EmptyInput("empty text")
        fixed = repair(raw)
        decoded = Decoded(
            fixed,
            "str",
            bool(re.search(r"<\s*(?:html|body|article|p)\b", fixed[:2000], re.I)),
            fixed != raw,
        )
    if decoded.is_html:
        page = parse_html(decoded.text)
        if not page.text.strip():
            raise EmptyInput("HTML page contains no article text")
        meta = {
            "published": page.published,
            "authors": page.authors,
            "publisher": page.publisher,
            "url": page.url,
            "title": page.title,
        }
        return extract_text(page.text, url=url, page_meta=meta)
    return extract_text(decoded.text, url=url)
