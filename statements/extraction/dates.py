"""Date expressions in sentences, resolved against the publication date.

Unknown stays None: a weekday without a publication date is not resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .header import MONTH_RE, MONTHS
from .sentences import Sentence
from .types import FuzzyDate, Precision, Span

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3,
}  # fmt: skip
_NUM = r"(?:\d{1,2}|a few|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_FUTURE = re.compile(
    r"\b(?:will|shall|is expected to|are expected to|is scheduled to|are scheduled to|plans? to|"
    r"is set to|are set to|is due to|are due to|going to|before returning|is to|are to|'ll|"
    # a scheduled event in the present: "The summit opens on Tuesday"
    r"opens|begins|starts|kicks off)\b",
    re.I,
)
_NEXT_HINT = re.compile(
    r"\b(?:next|upcoming|planned|plans|prepar\w+ (?:the ground )?for|would|later this)\b", re.I
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            r"\b(?:from|between)\s+(?P<y1>(?:19|20)\d\d)\s+(?:through|to|until|till|and)\s+(?P<y2>(?:19|20)\d\d)\b"
        ),
    ),
    ("yrange", re.compile(r"\b(?P<y1>(?:19|20)\d\d)\s*[-–]\s*(?P<y2>(?:19|20)\d\d)\b")),
    (
        "mdy",
        re.compile(
            rf"\b(?P<mon>{MONTH_RE})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?P<day>\d{{1,2}})\s+(?P<mon>{MONTH_RE})(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
        ),
    ),
    # "in September of last year", "in March next year"
    (
        "month_rel_year",
        re.compile(
            r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
            r"\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b"
        ),
    ),
    ("my", re.compile(rf"\b(?P<mon>{MONTH_RE})\s+(?:of\s+)?(?P<year>(?:19|20)\d\d)\b")),
    # "since February's summit in Hanoi"
    (
        "month",
        re.compile(
            r"\b(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)['’]s\b"
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?P<mod>in|last|next|this|early|late|mid-?|(?:end|beginning|start|middle)\s+of|the)(?:\s+|(?<=-))(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
        ),
    ),
    (
        "year",
        re.compile(
            r"\b(?:in|since|by|during|until|of|early|late|mid-?)\s+(?P<year>(?:19|20)\d\d)\b"
        ),
    ),
    (
        "weekday",
        re.compile(
            r"\b(?:(?P<mod>last|next|this|on|Last|Next|This|On)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "rel_day",
        re.compile(
            r"\b(?P<w>yesterday|today|tomorrow|the day before|the next day|the following day|the previous day|"
            r"earlier (?:in the day|today)|later (?:in the day|today))\b",
            re.I,
        ),
    ),
    # "in the second half of the year", "by the end of next year": that year
    (
        "part_of_year",
        re.compile(
            r"\b(?:the\s+)?(?:(?:first|second)\s+half|end|beginning|start|middle)\s+of\s+"
            r"(?P<mod>the|this|next|last)\s+year\b",
            re.I,
        ),
    ),
    (
        "rel_unit",
        re.compile(
            r"\b(?P<mod>last|next|this|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I
        ),
    ),
    # "held their first round of talks in Moscow the week before" (before the article's event)
    ("rel_unit", re.compile(r"\bthe\s+(?P<unit>week|month|year)\s+(?P<mod>before)\b", re.I)),
    (
        "offset",
        re.compile(
            rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+(?P<rel>after|before|ago|earlier|later)\b",
            re.I,
        ),
    ),
]


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: FuzzyDate
    end_date: FuzzyDate | None = None
    target: Span | None = None  # "two months after <target>": the date belongs to <target>
    sentence: int = -1  # index into the sentence tuple


def add_months(d: dt.date, n: int) -> dt.date:
    """date(2019, 4, 25), -2 -> date(2019, 2, 1) (month precision keeps the first day)."""
    m = d.month - 1 + n
    return dt.date(d.year + m // 12, m % 12 + 1, 1)


def _weekday(pub: dt.date, wd: int, future: bool, mod: str) -> dt.date:
    """'Thursday' in an article of Thursday 2019-04-25 -> 2019-04-25; future 'Friday' -> 04-26."""
    if future or mod == "next":
        delta = (wd - pub.weekday()) % 7
        if mod == "next" and delta == 0:
            delta = 7
        return pub + dt.timedelta(days=delta)
    if mod == "last":
        # wire style names a day of the past six bare ("met Monday"), so "last Monday" is
        # seven to thirteen days back: Tuesday 2019-12-24 -> Monday 2019-12-16
        return pub - dt.timedelta(days=(pub.weekday() - wd) % 7 + 7)
    delta = (pub.weekday() - wd) % 7
    return pub - dt.timedelta(days=delta)


def _year_for(month: int, day: int, pub: dt.date | None, future: bool) -> int | None:
    if pub is None:
        return None
    year = pub.year
    try:
        cand = dt.date(year, month, day)
    except ValueError:
        return year
    if not future and cand > pub + dt.timedelta(days=7):
        year -= 1
    if future and cand < pub - dt.timedelta(days=7):
        year += 1
    return year


def find_dates(
    text: str, sentences: tuple[Sentence, ...], pub: dt.date | None
) -> tuple[DateMention, ...]:
    """Resolve the date expressions of each sentence.

    'The talks Thursday came two months after X held a summit.' (pub Thu 2019-04-25) ->
    Thursday = 2019-04-25 (day); target 'X held a summit' = 2019-02 (month, approximate)
    """
    out: list[DateMention] = []
    for si, s in enumerate(sentences):
        taken: list[tuple[int, int]] = []
        found: list[DateMention] = []
        offsets: list[tuple[re.Match[str], int]] = []
        sent = text[s.start : s.end]
        for kind, rx in _PATTERNS:
            for m in rx.finditer(sent):
                a, b = s.start + m.start(), s.start + m.end()
                if any(x < b and a < y for x, y in taken):
                    continue
                # only the clause that holds the date decides its tense
                future = _clause_future(sent[: m.start()])
                # a bare month ahead of the report in a sentence about what comes next:
                # "prepared the ground for a visit … in early July", "the next round would
                # start in early July" (in a May/June article) -> this year's July
                if kind == "month" and not future and not m.group().lower().startswith("last"):
                    future = bool(_FUTURE.search(sent) or _NEXT_HINT.search(sent))
                dm = _resolve(kind, m, pub, future)
                if kind == "offset":
                    offsets.append((m, si))
                    taken.append((a, b))
                    continue
                if dm is None:
                    continue
                start_d, end_d = dm
                found.append(DateMention(a, b, start_d, end_d, None, si))
                taken.append((a, b))
        for m, _ in offsets:
            n = NUMBERS.get(m["n"].lower()) if not m["n"].isdigit() else int(m["n"])
            if not n:
                continue
            unit, rel = m["unit"].lower(), m["rel"].lower()
            a, b = s.start + m.start(), s.start + m.end()
            if rel in ("ago",):
                anchor, sign, target = pub, -1, None
            else:
                anchors = [f.date.value for f in found if f.date.precision == Precision.DAY]
                # "in April 2019, when he met X two months after the collapse of …": a month
                # told in the sentence anchors a count of months or years
                if not anchors and unit in ("month", "year"):
                    anchors = [
                        f.date.value
                        for f in found
                        if f.date.precision == Precision.MONTH and not f.date.approximate
                    ]
                anchor = anchors[0] if anchors else pub
                sign = -1 if rel in ("after", "later") else 1
                # the date belongs to the clause after "after"/"before"
                rest = text[b : s.end]
                cut = re.search(r"[,;.]|\s+(?:hoping|while|when|as|but)\b", rest)
                tend = b + (cut.start() if cut else len(rest.rstrip()))
                target = Span(b, tend) if rel in ("after", "before") else None
                if rel in ("earlier", "later"):
                    sign = -1 if rel == "earlier" else 1
                # "At their previous meeting, in Buenos Aires on Dec. 1, … Two weeks before
                # that, in Singapore": "that" is the last date told
                if not anchors and re.match(r"\s*that\b", rest) and out:
                    anchor = out[-1].date.value
                    sign, target = (-1 if rel == "before" else 1), None
            if anchor is None:
                continue
            value, prec = _shift(anchor, sign * n, unit)
            found.append(DateMention(a, b, FuzzyDate(value, prec, True), None, target, si))
        found.sort(key=lambda d: d.start)
        # "X met A on Tuesday and, the day before, B", "will fly there on Thursday and hold
        # a summit the following day": a day counted from the day told just before it
        for k, d in enumerate(found):
            w = text[d.start : d.end].lower()
            step = _DAY_STEP.get(w)
            if step is None:
                continue
            prev = next(
                (
                    e
                    for e in reversed(found[:k])
                    if e.date.precision == Precision.DAY
                    and e.target is None
                    and text[e.start : e.end].lower() not in _DAY_STEP
                ),
                None,
            )
            if prev is not None:
                found[k] = replace(d, date=FuzzyDate(prev.date.value + dt.timedelta(days=step)))
        found = [
            d
            for d in found
            if not (text[d.start : d.end].lower() in _FORWARD and d.date.value == _NO_ANCHOR)
        ]
        out.extend(found)
    return tuple(out)


_DAY_STEP = {
    "the day before": -1,
    "the previous day": -1,
    "the next day": 1,
    "the following day": 1,
}
_FORWARD = ("the next day", "the following day")
_NO_ANCHOR = dt.date(1, 1, 1)  # "the next day" with no day told before it: dropped


# a finite verb that is not future: "met", "said", "was held", "agreed"
_TENSED = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|said|says|met|meets|held|holds|began|"
    r"took|came|went|spoke|told|[a-z]{2,}ed)\b"
)


def _clause_future(before: str) -> bool:
    """Whether the clause holding a date speaks of the future.

    Only the clause that holds the date decides its tense; a clause without a verb of its
    own (an appositive or a prepositional phrase: "…, Foreign Minister X and Defence Minister
    Y, in Seoul on Thursday") takes the tense of the clause it hangs from.
    """
    for clause in reversed(re.split(r"[,;:—]", before)):
        if _FUTURE.search(clause):
            return True
        if _TENSED.search(clause):
            return False
    return False


def _shift(anchor: dt.date, n: int, unit: str) -> tuple[dt.date, Precision]:
    if unit == "day":
        return anchor + dt.timedelta(days=n), Precision.DAY
    if unit == "week":
        return anchor + dt.timedelta(weeks=n), Precision.DAY
    if unit == "month":
        return add_months(anchor, n), Precision.MONTH
    return dt.date(anchor.year + n, 1, 1), Precision.YEAR


def _resolve(
    kind: str, m: re.Match[str], pub: dt.date | None, future: bool
) -> tuple[FuzzyDate, FuzzyDate | None] | None:
    g = m.groupdict()
    try:
        if kind in ("range", "yrange"):
            y1, y2 = int(g["y1"]), int(g["y2"])
            if y2 < y1:
                return None
            return FuzzyDate(dt.date(y1, 1, 1), Precision.YEAR), FuzzyDate(
                dt.date(y2, 1, 1), Precision.YEAR
            )
        if kind in ("mdy", "dmy"):
            month = MONTHS[g["mon"].lower().rstrip(".")]
            day = int(g["day"])
            year = int(g["year"]) if g.get("year") else _year_for(month, day, pub, future)
            if year is None:
                return None
            return FuzzyDate(dt.date(year, month, day)), None
        if kind == "my":
            return FuzzyDate(
                dt.date(int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")], 1), Precision.MONTH
            ), None
        if kind == "month":
            month = MONTHS[g["mon"].lower()]
            year = _year_for(month, 1, pub, future or m.group().lower().startswith("next"))
            if year is None:
                return None
            if pub and not future and month > pub.month and year == pub.year:
                year -= 1
            # "last July" in a July article is a year back; "next May" in May a year ahead;
            # "is expected to visit Seoul in May" in a May article is this May
            mod = (g.get("mod") or "").lower()
            if pub and future and month == pub.month and mod != "next":
                year = pub.year
            if pub and mod == "last" and month >= pub.month and year == pub.year:
                year -= 1
            if pub and mod == "next" and month <= pub.month and year == pub.year:
                year += 1
            return FuzzyDate(dt.date(year, month, 1), Precision.MONTH), None
        if kind == "month_rel_year":
            if pub is None:
                return None
            shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
            month = MONTHS[g["mon"].lower()]
            return FuzzyDate(dt.date(pub.year + shift, month, 1), Precision.MONTH), None
        if kind == "year":
            return FuzzyDate(dt.date(int(g["year"]), 1, 1), Precision.YEAR), None
        if pub is None:
            return None
        if kind == "weekday":
            mod = (g["mod"] or "").lower()
            return FuzzyDate(_weekday(pub, WEEKDAYS.index(g["wd"].lower()), future, mod)), None
        if kind == "rel_day":
            w = g["w"].lower()
            delta = {
                "yesterday": -1,
                "today": 0,
                "tomorrow": 1,
                "the day before": -1,
                "the previous day": -1,
                "earlier in the day": 0,
                "earlier today": 0,
                "later in the day": 0,
                "later today": 0,
            }.get(w)
            if w in ("the next day", "the following day"):
                # anchored on the day told before it in the sentence (find_dates)
                return FuzzyDate(_NO_ANCHOR), None
            if delta is None:
                return None
            return FuzzyDate(pub + dt.timedelta(days=delta)), None
        if kind == "part_of_year":
            shift = {"next": 1, "last": -1}.get(g["mod"].lower(), 0)
            return FuzzyDate(dt.date(pub.year + shift, 1, 1), Precision.YEAR), None
        if kind == "rel_unit":
            mod, unit = g["mod"].lower(), g["unit"].lower()
            n = -1 if mod in ("last", "before") else 1 if mod == "next" else 0
            if unit == "week":
                return FuzzyDate(pub + dt.timedelta(weeks=n), Precision.DAY, True), None
            if unit == "month":
                return FuzzyDate(add_months(pub, n), Precision.MONTH), None
            return FuzzyDate(dt.date(pub.year + n, 1, 1), Precision.YEAR), None
    except (ValueError, KeyError):
        return None
    return None
