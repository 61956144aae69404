"""Recognise page noise (newsletter boxes, captions, credits, share links) as line spans.

The stored text is never changed; the spans are recorded in ArticleMeta.boilerplate
and no statements are taken from them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .names import word_spans
from .reference import reference
from .types import Span

_NAME = r"[A-ZÀ-Þ][\w'’.-]*"
_LINE_PATTERNS = [
    re.compile(p, re.I)
    for p in (
        r"^e-?mail(?: address)?:?$",
        r"^by subscribing\b",
        r"\brecaptcha\b",
        r"\bprivacy policy\b.*\bterms of (?:service|use)\b",
        r"^related(?: stories| coverage| articles?)?\s*:",
        r"^read (?:more|next)\b",
        r"^(?:more|see also)\s*:",
        r"^advertisement$",
        r"^(?:©|\(c\)|copyright\b)",
        r"\ball rights reserved\b",
        r"^(?:twitter|facebook|instagram|linkedin|whatsapp|email|e-mail|share|tweet|print|"
        r"threads|bluesky|youtube|tiktok|comments?|share this(?: article| story)?)$",
        r"^(?:enlarge this image|toggle caption|hide caption|image source\b.*|image caption\b.*)$",
        r"^(?:photo|image|video|audio|listen)\s*(?:credit)?\s*:",
        r"^listen(?: to this article)?\s*[·•\d:]*$",
        r"^(?:subscribe|sign in|log in|donate)\b.{0,40}$",
        r"^follow (?:us|\w+(?: \w+)?) on (?:twitter|facebook|instagram|x)\b",
        r"^(?:this (?:story|article) (?:has been|was) (?:updated|corrected))",
        r"\bcontributed to this report\b|^contributing:|^(?:additional )?reporting by\b|^editing by\b",
        r"^our standards:|trust principles",
        r"^\d+\s+min(?:ute)?s?\s+read$",
        r"^source\s*:",  # "SOURCE: AL JAZEERA AND NEWS AGENCIES"
        # "Published in Dawn, November 27th, 2024": the print edition's note
        r"^published in [^,]{2,40},\s*[a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d$",
        r"^(?:topics|reuse this content|share on \w+|share via \w+)$",
    )
]
_NEWSLETTER_START = re.compile(r"^sign ?up\b.*\b(?:newsletter|alerts?|e-?mails?|briefing)\b", re.I)
_BOX_LINE = re.compile(
    r"^(?:e-?mail(?: address)?:?|by subscribing\b.*|.*\brecaptcha\b.*|.*privacy policy.*|subscribe)$",
    re.I,
)
# "Alexei Nikolsky/AP", "Chris McGrath/Getty Images", "AFP via Getty Images"
_CREDIT = re.compile(
    rf"^(?:(?:{_NAME}\s+){{0,3}}{_NAME}\s*/\s*(?:{_NAME}\s*){{1,4}}|(?:{_NAME}\s+){{1,3}}via\s+(?:{_NAME}\s*){{1,3}})$"
)
_ALT_TEXT = re.compile(rf"^(?:{_NAME}\s+){{1,4}}(?:19|20)\d\d\s+square$")
_SELF_REF = re.compile(
    r"newsletter|terms of use|terms of service|©|copyright|rights reserved|contributed to this report|"
    r"our standards|trust principles",
    re.I,
)


@dataclass(frozen=True)
class Boilerplate:
    spans: tuple[Span, ...]
    publisher: str | None  # outlet the page names itself by in its own boilerplate


def _line_spans(text: str, start: int) -> list[tuple[int, int, str]]:
    """Non-empty lines from `start` on, as (start, end, stripped text)."""
    out = []
    pos = start
    for raw in text[start:].split("\n"):
        s = raw.strip()
        if s:
            lead = pos + len(raw) - len(raw.lstrip())
            out.append((lead, lead + len(s), s))
        pos += len(raw) + 1
    return out


def find_boilerplate(text: str, body_start: int = 0, extra: tuple[Span, ...] = ()) -> Boilerplate:
    """Mark noise lines; captions are recognised by the credit line under them.

    'Leaders meet in Hanoi.\\nJane Roe/AP\\n\\nBody text.' ->
    spans for 'Leaders meet in Hanoi.' and 'Jane Roe/AP'
    """
    lines = _line_spans(text, 0)
    marked: set[int] = set()
    for i, (s, _e, line) in enumerate(lines):
        if s < body_start:
            continue
        if _NEWSLETTER_START.search(line) and len(line) < 120:
            marked.add(i)
            last = i
            for j in range(i + 1, min(i + 8, len(lines))):
                if _BOX_LINE.match(lines[j][2]):
                    last = j
            marked.update(range(i, last + 1))
            continue
        if len(line) < 200 and any(p.search(line) for p in _LINE_PATTERNS):
            marked.add(i)
            continue
        if _ALT_TEXT.match(line):
            marked.add(i)
            continue
        if _caps_credit(line):
            marked.add(i)  # "KYODO, STAFF REPORT"
            continue
        if (len(line) < 80 and _CREDIT.match(line) and "/" in line) or (
            " via " in line and _CREDIT.match(line)
        ):
            marked.add(i)
            # the caption is the standalone line right above the credit
            if i > 0 and lines[i - 1][0] >= body_start and i - 1 not in marked:
                ps, pe, _ = lines[i - 1]
                standalone = text[max(0, ps - 2) : ps].count("\n") >= 2 or ps <= body_start + 2
                if standalone and "\n\n" not in text[pe:s]:
                    marked.add(i - 1)
    spans = {Span(lines[i][0], lines[i][1]) for i in marked}
    spans.update(extra)
    ordered = tuple(sorted(spans, key=lambda sp: sp.start))
    return Boilerplate(ordered, _publisher_from(text, ordered))


def _publisher_from(text: str, spans: tuple[Span, ...]) -> str | None:
    """'Sign Up For The NPR Daily Newsletter' / '© 2019 The Associated Press' -> the outlet."""
    ref = reference()
    # the page's own copyright notice, its last one ("© 2024 The Daily Planet. All rights
    # reserved.", "Daily Planet © 2024", "Published in Planet, May 5th, 2024"), names the outlet
    # even when the reference does not know it; a photo credit's copyright above it does not
    for sp in reversed(spans[-12:]):
        outlet = _footer_outlet(text[sp.start : sp.end])
        if outlet:
            folded = {k.lower(): v for k, v in ref.surface.items()}
            return folded.get(outlet.lower(), outlet)
    # "Source: Daily Planet/ks(ac)": the outlet, then its editors' initials
    for sp in reversed(spans[-12:]):
        m = _SOURCE_INITIALS.match(text[sp.start : sp.end].strip())
        if m:
            folded = {k.lower(): v for k, v in ref.surface.items()}
            return folded.get(m["name"].lower(), m["name"])
    votes: Counter[str] = Counter()
    for sp in spans:
        line = text[sp.start : sp.end]
        if not _SELF_REF.search(line):
            continue
        for m in ref.surface_re.finditer(line):
            ent = ref.entities[ref.surface[m.group()]]
            if ent.kind == "media":
                votes[ent.name] += 1
    if votes:
        return votes.most_common(1)[0][0]
    # "SOURCE: AL JAZEERA AND NEWS AGENCIES": a credit line in capitals, when nothing else
    # names the outlet
    for sp in spans:
        outlet = _caps_credit(text[sp.start : sp.end])
        if outlet and re.match(r"source\s*:", text[sp.start : sp.end], re.I):
            return outlet
    return None


_SOURCE_INITIALS = re.compile(
    r"^source\s*:\s*(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})"
    r"\s*/\s*[a-z]{1,4}(?:\s*\([a-z]{1,4}\))?$",
    re.I,
)
# "© 2025 The Daily Planet DAC": the company form after the outlet's name
_LEGAL_FORM = re.compile(r",?\s+(?:DAC|Ltd\.?|Limited|plc|LLC|Pty|Pte)$")
_COPYRIGHT = re.compile(
    r"^(?:(?P<pre>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})\s+)?"
    r"(?:copyright\s*)?(?:©|\(c\))?\s*(?:(?:19|20)\d\d\.?,?\s*)?"
    r"(?P<post>[\w&'’./-]+(?:\s+[\w&'’./-]+){0,3})?[.,]?\s*(?:all rights reserved\.?)?$",
    re.I,
)
_PUBLISHED_IN = re.compile(
    r"^(?i:published in) (?P<name>[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}),"
)
_CORPORATE = re.compile(
    r"\b(?:inc|corp|corporation|ltd|llc|plc|gmbh|pvt|publishing|group|holdings|l\.p)\b\.?", re.I
)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _footer_outlet(line: str) -> str | None:
    """'© 2024 The Daily Planet. All rights reserved.' / 'Daily Planet © 2024' / 'Copyright ©
    2024, planet' / 'Published in Planet, May 5th, 2024' -> the outlet; None for a company
    ('© Planet Publishing Ltd.') or a line that is not a copyright notice."""
    m = _PUBLISHED_IN.match(line)
    if m:
        return m["name"]
    if not re.search(r"©|\(c\)|\bcopyright\b", line, re.I) or not _YEAR.search(line):
        return None
    m = _COPYRIGHT.match(line.strip())
    if not m:
        return None
    name = (m["post"] or "").strip(" .,")
    if m["pre"] and not re.match(r"copyright$", m["pre"], re.I):
        if name and not re.fullmatch(r"all rights reserved", name, re.I):
            return None
        name = m["pre"]
    name = re.sub(r",?\s*(?:inc|l\.p)\.?$", "", name, flags=re.I).strip(" .,")
    name = _LEGAL_FORM.sub("", name)
    if not name or _CORPORATE.search(name) or _YEAR.search(name) or "/" in name.replace("/", "", 1):
        return None
    if re.fullmatch(r"all rights reserved|copyright", name, re.I):
        return None
    return name[0].upper() + name[1:] if name.islower() else name


def _caps_credit(line: str) -> str | None:
    """'KYODO, STAFF REPORT' / 'SOURCE: AL JAZEERA AND NEWS AGENCIES' -> the outlet named in a
    short line in capitals."""
    if len(line.split()) > 8 or not line.isupper():
        return None
    ref = reference()
    for surface in sorted(ref.surface, key=len, reverse=True):
        if len(surface) < 4 or ref.entities[ref.surface[surface]].kind != "media":
            continue
        if surface.upper() in line and word_spans(line, surface.upper(), hyphen=False):
            return ref.surface[surface]
    return None
