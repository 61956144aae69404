"""The meeting an article reports and the earlier ones it mentions.

Participants come from "talks with X", "X and Y met", "summit between X and Y", the
speaker of the sentence, or the states listed when a series is described.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, replace
from functools import cache

from .actors import ActorTable, Found
from .dates import DateMention
from .reference import reference
from .sentences import Sentence
from .types import ActorKind, FuzzyDate, Meeting, Participant, Span, Statement

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "latest": 0}
_MEET_WITH = re.compile(
    r"\b(?P<kind>talks|meeting|meetings|summit|met|meets|meet|meeting|phone call|call|visit)\s+"
    r"(?:face-to-face\s+|privately\s+|again\s+|by phone\s+|this year\s+|in \w+ (?:months|years)\s+)?"
    r"(?:with|between)\s+$"
)
_HELD = re.compile(
    r"\b(?:held|had|hold|have)\s+(?:their|a|an|the)\s+(?:own\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth)\s+)?"
    r"(?P<kind>summit|meeting|talks)\b"
)
_SERIES = re.compile(
    r"\b(?P<name>(?:[a-z]+|\d+)-(?:party|nation|way|power|country))\s+(?P<kind>talks|negotiations|summit)\b",
    re.I,
)
_PLACE = re.compile(
    r"\b(?P<prep>in|on|at)\s+(?P<place>(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}"
    r"(?:,\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?=[\s,.;]))?"
    # "in Brussels in September 2023": a month or weekday after the place is its date
    r"(?:\s+in\s+(?!(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
    r"(?:(?:north|south|east|west|central|far)[a-z]*\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?)"
)
_NOT_PLACE = re.compile(
    r"^(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|\d)"
)
_OUTCOME = re.compile(
    r"\b(?:agreements?|agreed|deal|signed|signing|declaration|cancell?ed|collapsed|broke down|"
    r"ended without|joint statement|communiqu[eé])\b",
    re.I,
)
_MET_AFTER = re.compile(
    r"\s+(?:(?:have|had|has|also|first|briefly|again)\s+)?(?:met|meet|held talks|hold talks|sat down|talked|spoke)\b"
    # "X and Y also spoke." / "… spoke to reporters": each spoke, not to each other
    r"(?!\s*(?:[.;]|to\s+(?:reporters|journalists|the\s+press)|at\s+(?:a|the)\b))"
)
_MET_BETWEEN = re.compile(
    r"\s+(?:(?:has|have|had|also|first|briefly)\s+)?(?:met|meets|hosted|hosts|received|welcomed)"
    r"\s+(?:with\s+)?(?:his\s+\w+\s+counterpart\s+)?"
)
_FUTURE = re.compile(r"\b(?:will|plans? to|is expected to|are expected to|is to|are to)\b")
_GENERIC_REF = re.compile(r"\b(?:the|this|their)\s+(?:talks|meeting|summit|visit|call)\b", re.I)


@dataclass(frozen=True)
class _Draft:
    kind: str
    participants: tuple[str, ...]
    sentence: int
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    ordinal: int | None = None
    mentioned_only: bool = False
    name: str | None = None  # series name ("six-party talks")


def _persons_or_states(found: list[Found]) -> list[str]:
    out: list[str] = []
    for f in found:
        if f.kind in (ActorKind.PERSON, ActorKind.STATE) and f.actor not in out:
            out.append(f.actor)
    return out


def _short(name: str, table: ActorTable) -> str:
    """'Vladimir Putin' -> 'Putin' unless another person shares the surname ('Kim Jong Un')."""
    actor = next((a for a in table.actors if a.name == name), None)
    if actor is None or actor.kind != ActorKind.PERSON or " " not in name:
        return name
    from .names import surname
    from .reference import reference

    fam = reference().family_name_first
    sur = surname(name, fam)
    clash = [
        a
        for a in table.actors
        if a.kind == ActorKind.PERSON and a.name != name and surname(a.name, fam) == sur
    ]
    return name if clash else sur


# "the first meeting since the November summit": that summit's date is not this meeting's
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:\S+\s+){0,3}$")


def _plain_day(text: str, sentence: Sentence, sdates: list[DateMention]) -> DateMention | None:
    """The sentence's first single-day date that names no other event: the meeting's day."""
    return next(
        (
            d
            for d in sdates
            if d.target is None
            and d.end_date is None
            and not _SINCE_BEFORE.search(text[sentence.start : d.start])
        ),
        None,
    )


def find_meetings(
    text: str,
    sentences: tuple[Sentence, ...],
    table: ActorTable,
    dates: tuple[DateMention, ...],
    statements: tuple[Statement, ...],
    fallback_place: str | None = None,
) -> tuple[Meeting, ...]:
    """Meetings with participants, dates, places and outcomes.

    '... Putin said after talks with Kim Thursday.' -> Putin–Kim talks, 2019-04-25
    'The six-party talks were a series of meetings including A, B and C, held from 2003
     through 2009' -> series, participants A, B, C, 2003–2009, mentioned only
    """
    drafts: list[_Draft] = []
    evidence: dict[int, list[Span]] = {}
    series_seen: dict[str, int] = {}
    for si, s in enumerate(sentences):
        sent_found = [f for f in table.found if s.start <= f.start < s.end]
        sdates = [d for d in dates if d.sentence == si]
        # series: "the six-party talks ... including A, B, C ..."
        for m in _SERIES.finditer(text, s.start, s.end):
            key = m["name"].lower()
            if key in series_seen:
                evidence[series_seen[key]].append(Span(s.start, s.end))
                idx = series_seen[key]
                d = drafts[idx]
                if not d.participants and re.search(
                    r"\b(?:including|among|between|involving|with)\b", text[m.end() : s.end]
                ):
                    states = [
                        f.actor
                        for f in sent_found
                        if f.kind == ActorKind.STATE and f.start > m.end()
                    ]
                    rng = next((x for x in sdates if x.end_date), None)
                    drafts[idx] = replace(
                        d,
                        participants=tuple(dict.fromkeys(states)),
                        start=rng.date if rng else d.start,
                        end=rng.end_date if rng else d.end,
                    )
                continue
            defining = re.search(
                r"\b(?:series|including|among|involving|held)\b", text[m.end() : s.end]
            )
            states = (
                [f.actor for f in sent_found if f.kind == ActorKind.STATE and f.start > m.end()]
                if defining
                else []
            )
            rng = next((x for x in sdates if x.end_date), None)
            drafts.append(
                _Draft(
                    "series", tuple(dict.fromkeys(states)), si,
                    rng.date if rng and defining else None, rng.end_date if rng and defining else None,
                    mentioned_only=True, name=m["name"].lower() + " " + m["kind"].lower(),
                )
            )  # fmt: skip
            series_seen[key] = len(drafts) - 1
            evidence[len(drafts) - 1] = [Span(s.start, s.end)]
        # "X and Y held their second summit"
        for m in _HELD.finditer(text, s.start, s.end):
            before = [f for f in sent_found if f.end <= m.start() and f.kind == ActorKind.PERSON]
            parts = _persons_or_states(before[-2:])
            if len(parts) < 2:
                continue
            date = next(
                (d for d in sdates if d.target and d.target.start <= m.start() < d.target.end), None
            )
            ordinal = _ORDINALS.get((m["ord"] or "").lower())
            drafts.append(
                _Draft(
                    "summit" if m["kind"] == "summit" else "bilateral",
                    tuple(parts),
                    si,
                    date.date if date else None,
                    None,
                    ordinal,
                    True,
                )
            )
            evidence[len(drafts) - 1] = [Span(s.start, s.end)]
            # "the first one": an earlier meeting of the same series
            look = text[m.end() : sentences[min(si + 1, len(sentences) - 1)].end]
            if ordinal and ordinal > 1 and re.search(r"\bthe first (?:one|summit|meeting)\b", look):
                drafts.append(_Draft(drafts[-1].kind, tuple(parts), si, None, None, 1, True))
                evidence[len(drafts) - 1] = [Span(s.start, s.end)]
        # "X and Y met" / "X met (with) Y" / "X hosted Y"
        spans = [(f.start, f.end) for f in sent_found if f.kind == ActorKind.PERSON]
        people = [
            f
            for f in sent_found
            if f.kind in (ActorKind.PERSON, ActorKind.STATE)
            and not _possessive_title(text, f, spans)
        ]
        pair: tuple[str, ...] | None = None
        for i, (a, b) in enumerate(itertools.pairwise(people)):
            gap = text[a.end : b.start]
            after = text[b.end : b.end + 40]
            if (
                (re.fullmatch(r"\s+and\s+", gap) and _MET_AFTER.match(after))
                or _MET_BETWEEN.fullmatch(gap)
            ) and not any(
                # "a day after X met Y": the meeting a date counts from, dated by that
                # date in the clause-level pass
                d.target and d.target.start <= a.start < d.target.end
                for d in sdates
            ):
                pair = (a.actor, b.actor)
                # "the foreign ministers of France, Germany and Poland met": the whole list
                if re.fullmatch(r"\s+and\s+", gap):
                    k = i
                    while k > 0 and re.fullmatch(
                        r",\s+", text[people[k - 1].end : people[k].start]
                    ):
                        k -= 1
                        pair = (people[k].actor, *pair)
                    pair = tuple(dict.fromkeys(pair))
                # "X hosted A and B": both guests (not "X met A and B separately")
                k = i + 1
                while (
                    re.search(r"\b(?:host|welcom|receiv)\w*\s*$", gap)
                    and k + 1 < len(people)
                    and re.fullmatch(
                        r"\s+and\s+|,\s+(?:and\s+)?",
                        re.sub(
                            r"\s+[\w'’.-]+['’]s?\s+(?:[\w-]+\s+){0,4}$",
                            " ",
                            text[people[k].end : people[k + 1].start],
                        ),
                    )
                    and people[k + 1].kind == people[k].kind
                ):
                    k += 1
                    if _SEPARATELY.match(text, people[k].end):
                        break
                    pair = tuple(dict.fromkeys((*pair, people[k].actor)))
            if pair and len(set(pair)) > 1:
                break
            pair = None
        if (
            pair
            and not any(d.target and d.target.start <= s.start < d.target.end for d in sdates)
            and not any(set(d.participants) == set(pair) for d in drafts)
        ) and not _FUTURE.search(text[s.start : s.end]):  # proposed, not held
            day = _plain_day(text, s, sdates)
            sent = text[s.start : s.end]
            mk = (
                "summit"
                if "summit" in sent
                else "visit"
                if re.search(r"\bvisit", sent)
                else "bilateral"
            )
            drafts.append(_Draft(mk, pair, si, day.date if day else None, mentioned_only=False))
            evidence[len(drafts) - 1] = [Span(s.start, s.end)]
        # "talks with X" / "summit between X and Y"
        for f in sent_found:
            if f.kind not in (ActorKind.PERSON, ActorKind.STATE):
                continue
            m = _MEET_WITH.search(text, max(s.start, f.start - 60), f.start)
            if not m or m.end() != f.start:
                continue
            if any(d.target and d.target.start <= m.start() < d.target.end for d in sdates):
                continue
            if re.search(r"\b(?:collapsed|failed|broke down)\b", text[f.end : f.end + 25]):
                continue  # "after talks with X collapsed": an earlier meeting, already known
            # "…, after President Donald Trump briefly cancelled his own summit with Kim": an
            # earlier or called-off meeting; the clause-level pass dates it
            head = re.split(r"[,;—]", text[s.start : m.start()])[-1]
            if re.search(r"\b(?:cancell?ed|called off|last|previous|earlier|since)\b", head):
                continue
            parts = [f.actor]
            nxt = [g for g in sent_found if g.start > f.end and g.kind == f.kind]
            if m["kind"] and text[m.start() : m.end()].rstrip().endswith("between") and nxt:
                parts.append(nxt[0].actor)
            else:
                spk = [
                    st.speaker
                    for st in statements
                    if s.start <= (st.cue.start if st.cue else -1) < s.end
                ]
                subj = [
                    g.actor
                    for g in sent_found
                    if g.kind == f.kind and g.actor != f.actor and g.end <= m.start()
                ]
                other = (
                    spk
                    or subj
                    or [g.actor for g in sent_found if g.kind == f.kind and g.actor != f.actor]
                )
                if not other:
                    continue
                parts.insert(0, other[0])
                # "A and B met … on the sidelines of a three-way summit with C": both
                # subjects are parties of a meeting of more than two
                if (
                    not spk
                    and len(subj) >= 2
                    and re.search(
                        r"\b(?:three|four|five)-way|trilateral|multilateral",
                        text[s.start : m.end()],
                    )
                    and _LEDE_GAP.fullmatch(
                        text[
                            next(g for g in sent_found if g.actor == subj[0]).end : next(
                                g for g in sent_found if g.actor == subj[1]
                            ).start
                        ]
                    )
                ):
                    parts.insert(1, subj[1])
            if len(set(parts)) < 2:
                continue
            kind = m["kind"]
            mk = (
                "summit"
                if kind == "summit"
                else "call"
                if "call" in kind
                else "visit"
                if kind == "visit"
                else "bilateral"
            )
            day = _plain_day(text, s, sdates)
            if any(not d.mentioned_only and set(d.participants) == set(parts) for d in drafts):
                continue
            drafts.append(_Draft(mk, tuple(dict.fromkeys(parts)), si, day.date if day else None))
            evidence[len(drafts) - 1] = [Span(s.start, s.end)]
            break
    if not drafts:
        return ()
    main_idx = next((i for i, d in enumerate(drafts) if not d.mentioned_only), None)
    main_parts: set[str] = set(drafts[main_idx].participants) if main_idx is not None else set()
    # evidence for the main meeting: generic references ("the talks", "the two leaders")
    if main_idx is not None:
        msent = drafts[main_idx].sentence
        for si, s in enumerate(sentences):
            if si <= msent:
                continue
            claimed = any(
                sp.start == s.start for k, v in evidence.items() if k != main_idx for sp in v
            )
            if not claimed and (
                _GENERIC_REF.search(text, s.start, s.end)
                or re.search(
                    r"\bthe two (?:leaders|men|met|sides)\b|\bThe two met\b", text[s.start : s.end]
                )
            ):
                evidence[main_idx].append(Span(s.start, s.end))
    titles: list[str] = []
    meetings: list[Meeting] = []
    for i, d in enumerate(drafts):
        parts = list(d.participants)
        if d.mentioned_only and d.kind != "series":
            parts.sort(key=lambda p: p in main_parts)
        names = "–".join(_short(p, table) for p in parts)
        place = None
        if i == main_idx:
            place = _place(text, sentences, evidence[i]) or fallback_place
        if d.kind == "series" and d.name:
            title = d.name[0].upper() + d.name[1:]
        elif d.mentioned_only:
            word = "summit" if d.kind == "summit" else "meeting"
            ordw = next((k for k, v in _ORDINALS.items() if v == d.ordinal and k != "latest"), "")
            title = f"{ordw.capitalize()} {names} {word}".strip() if ordw else f"{names} {word}"
            if d.start and not ordw:
                title += f", {d.start.value.year}"
        else:
            word = {"summit": "summit", "call": "call", "visit": "visit"}.get(d.kind, "talks")
            title = f"{names} {word}"
            if place:
                head = re.match(r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*", place)
                prep = "in"
                pm = re.search(rf"\b(in|on|at)\s+{re.escape(place)}", text)
                if pm:
                    prep = pm.group(1)
                title += f" {prep} {head.group() if head else place}"
            if d.start:
                title += f", {d.start.value.year}"
        while title in titles:
            title += " (2)"
        titles.append(title)
        outcomes = []
        for sp in evidence[i]:
            sent = text[sp.start : sp.end]
            quoted = any(ch in sent for ch in '"“”')
            if _OUTCOME.search(sent) and i == main_idx and _GENERIC_REF.search(sent) and not quoted:
                outcomes.append(sent.strip().rstrip("."))
        meetings.append(
            Meeting(
                title=title,
                kind=d.kind,
                participants=tuple(Participant(p) for p in parts),
                start=d.start,
                end=d.end,
                place=place,
                mentioned_only=d.mentioned_only,
                outcomes=tuple(outcomes),
                evidence=tuple(evidence[i]),
            )
        )
    # outcomes of mentioned meetings: the next sentence ("But the team cancelled ...")
    for i, d in enumerate(drafts):
        if not d.mentioned_only or d.kind == "series" or d.ordinal == 1:
            continue
        nxt = d.sentence + 1
        if nxt < len(sentences):
            s = sentences[nxt]
            sent = text[s.start : s.end]
            if _OUTCOME.search(sent) and any(
                f.actor in d.participants for f in table.found if s.start <= f.start < s.end
            ):
                meetings[i] = replace(
                    meetings[i],
                    outcomes=(*meetings[i].outcomes, sent.strip().rstrip(".")),
                    evidence=(*meetings[i].evidence, Span(s.start, s.end)),
                )
    # series links: the second follows the first of the same participants
    for i, d in enumerate(drafts):
        if d.ordinal and d.ordinal > 1:
            for j, e in enumerate(drafts):
                if e.ordinal == d.ordinal - 1 and set(e.participants) == set(d.participants):
                    meetings[i] = replace(meetings[i], follows=meetings[j].title)
    order = sorted(range(len(meetings)), key=lambda k: (k != main_idx, k))
    return tuple(meetings[k] for k in order)


def _place(text: str, sentences: tuple[Sentence, ...], spans: list[Span]) -> str | None:
    """'The two met ... on Russky-like Island in eastern Country.' -> 'Russky-like Island in eastern Country'."""
    for sp in spans:
        sent = text[sp.start : sp.end]
        if not re.search(r"\b(?:met|meet|talks|summit|meeting|visit|hosted)\b", sent):
            continue
        for m in _PLACE.finditer(sent):
            place = m["place"].rstrip(",. ")
            if _NOT_PLACE.match(place):
                continue
            place = re.sub(r"^the\s+", "", place)
            if re.match(r"(?:First|Last|Korean Peninsula)\b", place):
                continue
            return place
    return None


def main_meeting(meetings: tuple[Meeting, ...]) -> Meeting | None:
    return next((m for m in meetings if not m.mentioned_only), None)


# --------------------------------------------------------------------------- generic clauses

# A meeting word in a clause: "met", "talks", "summit", "state visit", "hosted", "will travel
# to", "round of talks", "on the sidelines of" (each seen in wire copy: "Abe and Putin last
# met in Buenos Aires on Dec. 1", "the 13th round of corps commander-level talks", "Xi is due
# to visit China", "Moon hosted Abe", "Blinken will travel to Tokyo").
_TRIGGER = re.compile(
    r"\b(?:met|meet|meets|meeting|meetings|talks|summit|summits|visit|visited|visits|visiting|"
    r"host|hosted|hosts|hosting|received|welcomed|greeted|travel(?:l?ed)?\s+to|arrived\s+in|"
    r"tour\s+(?:that|which)\s+will\s+take|"
    r"sidelines|session|consultations|"
    r"dialogue|round|(?:the|a|an|their|its|[Ll]eaders['’])\s+retreat|"
    # a call is a meeting too: "spoke by phone with", "held a phone call with"
    r"spoke\s+(?:by\s+(?:tele)?phone\s+)?with|spoke\s+by\s+(?:tele)?phone|"
    r"(?:tele)?phone\s+(?:call|conversation|talks)|video\s+(?:call|conference)|call\s+with)\b",
    re.I,
)
# clause boundaries inside a sentence ("…, after President Trump cancelled his own summit")
_CLAUSE = re.compile(
    r"[,;]\s+(?=(?:\w+\s+){0,3}(?:after|before)\b|(?:while|when|where|but|as|though|although)\b)"
    r"|;\s+|\s[—–]\s"
)
# "the two leaders", "they": the participants of the article's own meeting
_THE_TWO = re.compile(
    r"\b(?:[Tt]he\s+(?:two\s+)?(?:leaders|men|sides|ministers|presidents)|[Tt]hey|[Tt]heir|[Tt]he\s+pair|[Tt]he\s+two)\b"
)
_PAST_REF = re.compile(r"\b(?:last|previous|previously|earlier|ago|before|since)\b", re.I)
# "before" as a conjunction ("… with Lavrov before the two men were driven to …") is not a
# reference to the past; "met before", "the week before" are
_PAST_REF_STRICT = re.compile(
    r"\b(?:last|previous|previously|earlier|ago|since)\b"
    r"|\bbefore\b(?!\s+(?:the|he|she|they|it|we|his|her|their|a|an)\b)",
    re.I,
)
# "Putin had invited Trump to visit Moscow": an invitation is a meeting still to come
_AHEAD = re.compile(
    r"\b(?:will|next|plans?\s+to|planned|is\s+(?:due|expected|set)\s+to|are\s+(?:due|expected|set)\s+to|upcoming|later\s+this|invit\w+)\b",
    re.I,
)
_ORDINAL_N = re.compile(
    r"\b(?P<n>\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    r"(?P<what>round|meeting|summit|session)\b",
    re.I,
)
_WORD_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}  # fmt: skip


def _quoted(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    out, start = [], None
    for i in range(lo, hi):
        ch = text[i]
        if ch in "“" or (ch == '"' and start is None):
            start = i
        elif (ch in "”" or ch == '"') and start is not None:
            out.append((start, i))
            start = None
    return out


def generic_meetings(
    text: str,
    sentences: tuple[Sentence, ...],
    table: ActorTable,
    dates: tuple[DateMention, ...],
    known: tuple[Meeting, ...],
    pub: FuzzyDate | None,
    fallback_place: str | None = None,
    statements: tuple[Statement, ...] = (),
) -> tuple[Meeting, ...]:
    """Meetings named clause by clause, merged with those already known.

    'The two men also met in Singapore in November.' -> the main pair, 2018-11, mentioned
    'Abe and Putin last met in Buenos Aires on Dec. 1.' -> Abe–Putin, 2018-12-01, mentioned
    """
    meetings = list(known)
    # "Jaishankar met Wang in Dushanbe last month", "Earlier in the day, Moon met Harris": a
    # meeting dated away from the report, or told as what came before, is not the
    # article's own
    for k, m in enumerate(meetings):
        if m.mentioned_only:
            continue
        first = m.evidence[0] if m.evidence else None
        lead = text[first.start : first.end] if first else ""
        if (
            m.start is not None
            and pub is not None
            and (
                abs((m.start.value - pub.value).days) > 3
                if m.start.precision == m.start.precision.DAY
                else not _compatible(m.start, pub)
            )
        ) or re.match(
            r"(?:[A-Z][A-Z .,'’-]+(?:\([^)]*\))?\s*[—–-]{1,2}\s*)?"  # a dateline
            r"\W*(?:Earlier|Previously|Before that|Last\s+(?:week|month|year)|The day before|"
            r"A day earlier)\b",
            lead,
        ):
            meetings[k] = replace(m, mentioned_only=True)
    main = next((m for m in meetings if not m.mentioned_only), None)
    main_parts = [p.actor for p in main.participants] if main else []
    persons = {a.name for a in table.actors if a.kind == ActorKind.PERSON}
    person_spans = [(f.start, f.end) for f in table.found if f.kind == ActorKind.PERSON]
    roster = _roster(text, sentences, table)
    lede = _lede_meeting(text, sentences, table, dates, pub, fallback_place)
    if main is None and lede is not None:
        meetings.insert(0, lede)
        main, main_parts = lede, [p.actor for p in lede.participants]
    elif (
        main is not None
        and lede is not None
        and main.start is None
        and {p.actor for p in lede.participants} <= set(main_parts)
    ):
        k = meetings.index(main)
        meetings[k] = main = replace(main, start=lede.start)
    elif (
        main is not None
        and lede is not None
        and main.start == lede.start
        and all(table.kind(p.actor) == ActorKind.STATE for p in main.participants)
        and all(table.kind(p.actor) == ActorKind.PERSON for p in lede.participants)
    ):
        # "Talks between A and B opened on Thursday. X and Y faced Z and W …": the states'
        # meeting is the one the delegations held; its parties are the people
        k = meetings.index(main)
        meetings[k] = main = replace(
            main,
            participants=lede.participants,
            evidence=(*main.evidence, *lede.evidence),
        )
        main_parts = [p.actor for p in main.participants]
    for s in sentences:
        quoted = _quoted(text, s.start, s.end)
        bounds = [s.start, *(m.end() for m in _CLAUSE.finditer(text, s.start, s.end)), s.end]
        bounds = _split_listed(text, bounds, dates)
        prev_parts: list[str] = []
        for lo, hi in itertools.pairwise(bounds):
            trig = next(
                (
                    m
                    for m in _TRIGGER.finditer(text, lo, hi)
                    if not any(a <= m.start() < b for a, b in quoted)
                ),
                None,
            )
            if trig is None:
                continue
            # "X welcomed Y to Riyadh" is a meeting, "X welcomed the deal" is not
            if re.fullmatch(r"welcomed|greeted", trig.group(), re.I) and not any(
                f.kind == ActorKind.PERSON and re.fullmatch(r"\s*", text[trig.end() : f.start])
                for f in table.found
                if trig.end() <= f.start < hi
            ):
                trig = next(
                    (
                        m
                        for m in _TRIGGER.finditer(text, trig.end(), hi)
                        if not any(a <= m.start() < b for a, b in quoted)
                        and not re.fullmatch(r"welcomed|greeted", m.group(), re.I)
                    ),
                    None,
                )
                if trig is None:
                    continue
            clause = text[lo:hi]
            sdates = [
                d
                for d in dates
                if lo <= d.start < hi and not any(a <= d.start < b for a, b in quoted)
            ]
            # "Moon … called the meeting a milestone", "the talks covered …": a definite
            # reference without a date of its own is to a meeting already known
            if (
                main is not None
                and not sdates
                and re.search(
                    r"\b(?:the|this|that)\s+(?:\w+\s+)?$",
                    text[max(lo, trig.start() - 20) : trig.start()],
                    re.I,
                )
                and not re.match(r"\s+(?:with|between|of)\b", text[trig.end() : trig.end() + 10])
                and not _ORDINAL_N.search(clause)
                and not _AHEAD.search(clause)
                and not _PAST_REF.search(clause)
            ):
                k = next(i for i, m in enumerate(meetings) if m.title == main.title)
                # "The talks are mediated by A and B, joined this time by a representative of
                # C": the mediators take part too
                extra: list[Participant] = []
                by = re.search(
                    r"\b(?:mediated|brokered|facilitated|hosted|chaired|joined)\b[^.;]*?\bby\b",
                    text[lo : s.end],
                )
                if by:
                    have = {p.actor for p in main.participants}
                    for f in table.found:
                        if (
                            lo + by.end() <= f.start < s.end
                            and f.kind in (ActorKind.STATE, ActorKind.ORGANIZATION)
                            and table.kind(f.actor) != ActorKind.MEDIA
                            and f.actor not in have
                            and not any(a <= f.start < b for a, b in person_spans)
                        ):
                            have.add(f.actor)
                            extra.append(Participant(f.actor, "mediator"))
                meetings[k] = main = replace(
                    meetings[k],
                    participants=(*meetings[k].participants, *extra),
                    evidence=(*meetings[k].evidence, Span(s.start, s.end)),
                )
                main_parts = [p.actor for p in main.participants]
                continue
            # "Peskov said Putin had received Wang": who reports the meeting is not a party
            reporters = {st.speaker for st in statements if st.start <= trig.start() < st.end}
            found = [
                f
                for f in table.found
                if lo <= f.start < hi
                and f.kind in (ActorKind.PERSON, ActorKind.STATE)
                and not any(a <= f.start < b for a, b in quoted)
                # "South Korean President Moon": the demonym is the person's, not a party
                and not (
                    f.kind == ActorKind.STATE and any(a <= f.start < b for a, b in person_spans)
                )
                and not _possessive_title(text, f, person_spans)
            ]
            # "the Trump administration", "the Biden team": a name used as a modifier; "Wang
            # Yi, who accompanied Xi, had held talks with Lavrov": a relative clause's people
            # are not parties of the main clause's meeting
            rel = [
                (lo + r.start(), lo + r.end())
                for r in re.finditer(r",\s+who\b[^,]*,", clause)
                if not (lo + r.start() <= trig.start() < lo + r.end())
            ]
            found = [
                f
                for f in found
                if not re.match(
                    r"\s+(?:administration|government|team|era|campaign|camp)\b",
                    text[f.end : f.end + 16],
                )
                and not any(a <= f.start < b for a, b in rel)
            ]
            # reporters are never parties ("…, NPR's Anthony Kuhn reported")
            parts = list(
                dict.fromkeys(
                    f.actor
                    for f in found
                    if f.kind == ActorKind.PERSON
                    and f.actor not in reporters
                    and table.kind(table.affiliation.get(f.actor, "")) != ActorKind.MEDIA
                    and not (
                        table.affiliation.get(f.actor)
                        and reference().entities.get(table.affiliation[f.actor])
                        and reference().entities[table.affiliation[f.actor]].kind == "media"
                    )
                )
            )
            # the visited state comes after the verb: "Putin is due to visit China"
            states = list(
                dict.fromkeys(
                    f.actor for f in found if f.kind == ActorKind.STATE and f.start > trig.start()
                )
            )
            # "Trade officials from Tokyo and Seoul held their first dialogue": two states
            # named anywhere in a clause without people ("their" is theirs, not the leaders')
            all_states = list(dict.fromkeys(f.actor for f in found if f.kind == ActorKind.STATE))
            # ("U.S. and Ukrainian delegations agreed at talks in Jeddah, Saudi Arabia": the
            # delegations' states, not the state that only places the talks)
            dm0 = _two_demonyms().search(clause) if not parts and len(all_states) >= 2 else None
            if dm0 and re.search(
                rf",\s+(?:{reference().surface_re.pattern})\b", clause[dm0.end() :]
            ):
                pair = [reference().demonyms[dm0["a"]], reference().demonyms[dm0["b"]]]
                if pair[0] != pair[1]:
                    parts = pair
            if not parts and len(all_states) >= 2 and not roster:
                parts = all_states
            # "EU-China summit", "Greek-Turkish talks", "India–China corps commander talks": the
            # two sides joined before the meeting word
            if len(parts) < 2:
                pair = _compound_pair(text, lo, trig.start())
                if pair:
                    parts = list(dict.fromkeys([*pair, *parts]))
            # "Japanese and Chinese officials held talks": the states of the two delegations
            if len(parts) < 2 and len(all_states) < 2:
                dm = _two_demonyms().search(clause)
                if dm:
                    pair = [reference().demonyms[dm["a"]], reference().demonyms[dm["b"]]]
                    if pair[0] != pair[1]:
                        parts = list(dict.fromkeys([*parts, *pair]))
            # "X hosted leaders of the Association of Southeast Asian Nations": the bloc
            if len(parts) == 1:
                bloc = next(
                    (
                        f
                        for f in table.found
                        if lo <= f.start < hi
                        and f.kind == ActorKind.ORGANIZATION
                        and re.search(
                            r"\b(?:leaders|members|heads of state|heads of government|ministers)\s+of\s+(?:the\s+)?$",
                            text[max(lo, f.start - 40) : f.start],
                        )
                    ),
                    None,
                )
                if bloc is not None:
                    parts.append(bloc.actor)
            # "Delegations of the Sudanese army and the paramilitary Rapid Support Forces
            # resumed talks": organisations named as the subject, when no person or state is
            # ("Hamas and Israeli negotiators held talks": a group stands for its state)
            if not parts and len(all_states) < 2:
                orgs = [
                    f
                    for f in table.found
                    if lo <= f.start < trig.start()
                    and (
                        (
                            f.kind == ActorKind.ORGANIZATION
                            and table.kind(f.actor) == ActorKind.ORGANIZATION
                        )
                        or f.kind == ActorKind.STATE
                        or (f.kind == ActorKind.GROUP and _group_state(f.actor, table))
                    )
                    and not any(a <= f.start < b for a, b in quoted)
                ]
                names = list(
                    dict.fromkeys(
                        _group_state(f.actor, table) if f.kind == ActorKind.GROUP else f.actor
                        for f in orgs
                    )
                )
                if (
                    len(names) >= 2
                    and any(f.kind != ActorKind.STATE for f in orgs)
                    and not re.search(
                        r"\b(?:said|says|told|tells|according)\b",
                        text[orgs[0].start : trig.start()],
                    )
                ):
                    parts = [n for n in names if n]
            collective = False
            # "the three leaders": the meeting told with that many parties
            nm = re.search(
                r"\b[Tt]he\s+(three|four|five|six)\s+(?:leaders|sides|countries)\b", clause
            )
            if len(parts) < 2 and nm:
                want = _WORD_ORD.get(
                    {"three": "third", "four": "fourth", "five": "fifth"}.get(nm[1], "sixth")
                )
                group = next(
                    (m for m in meetings if len(m.participants) == want and not m.mentioned_only),
                    None,
                ) or next((m for m in reversed(meetings) if len(m.participants) == want), None)
                if group is not None:
                    parts = list(dict.fromkeys([*(p.actor for p in group.participants), *parts]))
                    collective = True
            if len(parts) < 2 and _THE_TWO.search(clause) and main_parts:
                # "The two EU officials later met Li" after "A and B told C": the two are
                # the pair the article's own meeting began with
                two = re.search(r"\b[Tt]he\s+two\b", clause) and len(main_parts) > 2
                parts = list(dict.fromkeys([*(main_parts[:2] if two else main_parts), *parts]))
                collective = True
            # "Putin traveled to Beijing for the opening of the Games": a trip to a capital
            stops: list[str] = []
            if (
                len(parts) == 1
                and re.search(
                    r"\b(?:visit|travel|trip to|arrived in|flew to|tour\b|"
                    r"(?:take|takes|took|taking)\s+(?:him|her|them|[A-Z][\w'’-]+)\s+to\b)",
                    clause,
                    re.I,
                )
                and states
            ):
                parts.append(states[0])  # "Putin is due to visit China later this year"
                # "will travel to A and B", "a tour that will take him to A, and later to B
                # and C": one visit to each state the trip takes in
                if parts[0] in persons:
                    stops = [x for x in states[1:] if x not in parts]
            if len(parts) < 2 and not parts and len(states) >= 2:
                parts = states  # "India and China held the 13th round of … talks"

            # "…, as he hosted South Korean President Moon": the pronoun is the sentence's
            # subject, its first person
            # "The Russian president said he was ready to meet Trump": else the speaker
            if len(parts) == 1 and re.search(r"\b(?:he|she)\b", text[lo : trig.start()]):
                subj = next(
                    (
                        f.actor
                        for f in table.found
                        if s.start <= f.start < lo and f.kind == ActorKind.PERSON
                    ),
                    None,
                ) or next(
                    (
                        st.speaker
                        for st in statements
                        if st.cue and s.start <= st.cue.start < trig.start()
                        and st.speaker in persons
                    ),
                    None,
                )  # fmt: skip
                if subj and subj not in parts:
                    parts.insert(0, subj)
            # "… Erdogan will visit Russia next month. He last met Putin in Sochi": a
            # pronoun opening the sentence is the previous sentence's first person
            if (
                len(parts) == 1
                and lo == s.start
                and re.match(r"\W*(?:He|She)\b", text[s.start : trig.start()])
            ):
                k = sentences.index(s)
                prev = sentences[k - 1] if k > 0 else None
                subj = next(
                    (
                        f.actor
                        for f in table.found
                        if prev is not None
                        and prev.start <= f.start < prev.end
                        and f.kind == ActorKind.PERSON
                        and table.kind(table.affiliation.get(f.actor, "")) != ActorKind.MEDIA
                    ),
                    None,
                )
                if subj and subj not in parts:
                    parts.insert(0, subj)
            # "… the third between Lavrov and Wang, after talks in Bonn in February and a
            # session in Beijing last month": a dated clause without parties continues the
            # previous clause's
            if not parts and prev_parts and sdates:
                parts = list(prev_parts)
            # "The sixth round of talks … ended in Vienna on Sunday": a round of the
            # multi-party talks whose parties the article lists elsewhere
            if (
                not parts
                and roster
                and re.match(r"(?:talks|round|session|negotiations|dialogue)", trig.group(), re.I)
                # the article's own talks are between its main parties; a named series
                # ("the six-party talks") already stands for its rounds
                and (main is None or sdates or re.search(r"\bround\b", clause, re.I))
                and not any(
                    m.kind == "series" and {p.actor for p in m.participants} == set(roster)
                    for m in meetings
                )
            ):
                parts = list(roster)
            # "The next round … is expected next month", "a follow-up meeting", "The last such
            # meeting was held in …", "The 12th round was held on July 31": another meeting of
            # a series already told, whose parties are the states (their envoys change)
            series = re.search(r"\b(?:next|previous|follow-up|such)\b", clause, re.I)
            if (
                len(parts) < 2
                and (series or _ORDINAL_N.search(clause))
                and re.search(
                    r"\b(?:talks|round|session|negotiations|dialogue|meeting|summit)\b",
                    text[trig.start() : hi],
                    re.I,
                )
                and meetings
            ):
                if series and series.group().lower() == "such":
                    # the meeting told last before this sentence
                    told = [m for m in meetings if m.evidence and m.evidence[0].start < s.start]
                    same = max(told, key=lambda m: m.evidence[0].start) if told else None
                elif series:
                    same = main
                else:
                    same = next(
                        (
                            m
                            for m in meetings
                            if _meeting_ordinal(text, m) is not None and not m.mentioned_only
                        ),
                        None,
                    ) or next((m for m in meetings if _meeting_ordinal(text, m) is not None), None)
                if same is not None and same.kind != "series":
                    parts = list(dict.fromkeys([*(p.actor for p in same.participants), *parts]))
                    collective = True
            # a meeting still to come, or another of a series, named by a collective ("their
            # next summit", "the last such meeting"): between the states the people stand for
            # (not "their previous meeting", "their first summit": the same people's)
            series_states = False
            ahead_series = re.search(r"\b(?:next|follow-up|such)\b", clause, re.I)
            if collective and (
                ahead_series
                or (
                    (_ORDINAL_N.search(clause) or re.search(r"\bprevious\b", clause, re.I))
                    and not _THE_TWO.search(clause)
                )
            ):
                states = _states_of(parts, table)
                if states:
                    parts, series_states = states, True
            # "last week's NATO summit in Brussels", "an ASEAN summit": the summit of an
            # organisation, whose members the article does not list, has it as its party
            # "Foreign ministers from the Group of Seven met in Japan": the bloc meets
            if not parts and len(all_states) < 2:
                bloc = next(
                    (
                        f
                        for f in table.found
                        if lo <= f.start < trig.start()
                        and f.kind == ActorKind.ORGANIZATION
                        and (
                            re.search(
                                r"\b(?:ministers|leaders|officials|members|envoys|delegates|heads of state)"
                                r"\s+(?:from|of)\s+(?:the\s+)?$",
                                text[max(lo, f.start - 40) : f.start],
                                re.I,
                            )
                            # "The G7 foreign ministers last met in X": the bloc's ministers
                            or re.match(
                                r"\s+(?:(?:foreign|finance|defen[cs]e|trade|energy)\s+)?"
                                r"(?:ministers|leaders|heads of state)\b",
                                text[f.end : trig.start()],
                            )
                        )
                    ),
                    None,
                )
                if bloc is not None:
                    parts = [bloc.actor]
            # ("Lula will attend the summit of the Community of … States": the attendee too)
            if len(parts) < 2 and re.match(r"summits?\b", trig.group(), re.I):
                body = next(
                    (
                        f
                        for f in table.found
                        if lo <= f.start < hi
                        and f.kind == ActorKind.ORGANIZATION
                        and (
                            re.fullmatch(r"(?:['’]s)?\s+", text[f.end : trig.start()])
                            or re.fullmatch(r"\s+of\s+(?:the\s+)?", text[trig.end() : f.start])
                        )
                        and not any(a <= f.start < b for a, b in quoted)
                    ),
                    None,
                )
                if body is not None and (
                    not parts
                    or re.search(r"\battend\w*\s+(?:the\s+|a\s+|an\s+)?$", text[lo : trig.start()])
                ):
                    parts = [*parts, body.actor]
            if len(parts) < 2 and not (
                len(parts) == 1
                and (table.kind(parts[0]) == ActorKind.ORGANIZATION or series_states)
            ):
                continue
            # "…, mediated by Qatar", "… under EU mediation": the mediators take part too
            by = re.search(
                r"\b(?:mediated|brokered|facilitated)\s+by\b|\bunder\b(?=[^.;]{0,40}\bmediation\b)",
                text[trig.end() : s.end],
            )
            if by:
                for f in table.found:
                    if (
                        trig.end() + by.end() <= f.start < s.end
                        and f.kind in (ActorKind.STATE, ActorKind.ORGANIZATION)
                        and table.kind(f.actor) != ActorKind.MEDIA
                        and not any(a <= f.start < b for a, b in person_spans)
                        and f.actor not in parts
                    ):
                        parts.append(f.actor)
            prev_parts = parts
            # "The talks Thursday came two months after Kim and Trump held their second
            # summit": the date whose target holds the meeting word, else the one nearest
            # after it, else the first
            # "the 25th meeting since Abe returned to power in 2012": a count's start is not
            # the meeting's date
            sdates = [
                d
                for d in sdates
                if not (
                    (sc := re.search(r"\bsince\s+\S+\s+\S+", text[trig.end() : d.start]))
                    # "had not met since a failed meeting in Brussels in September 2023": the
                    # date of the meeting named after "since" stays
                    and not _TRIGGER.search(text, trig.end() + sc.start(), d.start)
                )
                # "the first meeting between X and Y since the November summit": the date of
                # another meeting told after "since", the parties being before it
                and not (
                    (since := re.search(r"\bsince\b", text[trig.end() : d.start]))
                    and _TRIGGER.search(text, d.end, min(hi, d.end + 30))
                    and all(f.start < trig.end() + since.start() for f in found if f.actor in parts)
                )
                # "the 24th in a series that began in 1998": when the series began
                and not _series_start(text, d)
                # "X, who replaced Y in September, met Z": a relative clause's own date
                and not _in_relative(text, lo, d.start, trig.start())
            ]
            # "when he met Trump two months after the collapse of the Hanoi summit": a date
            # whose target is another meeting (neither the parties nor the meeting word are
            # inside it) is that meeting's, not this one's
            sdates = [
                d
                for d in sdates
                if not (
                    d.target
                    and _TRIGGER.search(text, d.target.start, d.target.end)
                    and not d.target.start <= trig.start() < d.target.end
                    and not any(
                        d.target.start <= f.start < d.target.end for f in found if f.actor in parts
                    )
                )
            ]
            pick = (
                next(
                    (
                        d
                        for d in sdates
                        if d.target and _TRIGGER.search(text, d.target.start, d.target.end)
                    ),
                    None,
                )
                # "in a meeting arranged barely a day earlier" (on Sunday): an explicit date
                # beats a relative one that modifies another verb
                or next(
                    (
                        d
                        for d in sdates
                        if d.start >= trig.start() and d.target is None and not d.date.approximate
                    ),
                    None,
                )
                or next((d for d in sdates if d.target is None and not d.date.approximate), None)
                or next((d for d in sdates if d.start >= trig.start() and d.target is None), None)
                or (sdates[0] if sdates else None)
            )
            date = pick.date if pick else None
            end = pick.end_date if pick else None
            # "Two days of talks … ended on Friday", "began a three-day visit on Monday": a
            # meeting of several days, the day told being its last or its first
            span = _DAYS.search(clause)
            # (the span is the meeting's only when its word follows it: "who is on a three-day
            # visit to India, met Modi on Monday" dates a meeting of one day)
            if (
                span
                and lo + span.start() <= trig.start() <= lo + span.end() + 30
                and not re.search(r"\b(?:met|meets)\b", text[trig.end() : hi])
                and date is not None
                and date.precision == date.precision.DAY
                and end is None
            ):
                n = _WORD_N.get(span["n"].lower(), 0) if not span["n"].isdigit() else int(span["n"])
                if 1 < n <= 10:
                    if re.search(r"\b(?:ended|end|ends|concluded|closed|wrapped up)\b", clause):
                        date, end = replace(date, value=date.value - dt.timedelta(days=n - 1)), date
                    else:
                        end = replace(date, value=date.value + dt.timedelta(days=n - 1))
            # "Biden announced on Friday that …, as he hosted Moon": a circumstantial clause
            # shares the day of the clause before it
            # ("Moon last visited X in April 2019, when he met Trump": any precision)
            if date is None and re.match(r"\s*(?:as|while|when|where)\s", clause):
                before = [
                    d
                    for d in dates
                    if s.start <= d.start < lo
                    and d.target is None
                    and (
                        d.date.precision == d.date.precision.DAY
                        or re.match(r"\s*(?:when|where)\s", clause)
                    )
                ]
                if before:
                    date = before[-1].date
            ahead = bool(_AHEAD.search(clause))
            om = _ORDINAL_N.search(clause)
            ordinal = None
            if om:
                n = om["n"].lower()
                ordinal = int(re.sub(r"\D", "", n)) if n[0].isdigit() else _WORD_ORD.get(n)
            # same participants and a compatible date: the same meeting; not when the
            # ordinals differ ("had not set a date for a third summit" after the second)
            dup = next(
                (
                    k
                    for k, m in enumerate(meetings)
                    if not (ordinal and _meeting_ordinal(text, m) not in (None, ordinal))
                    # "agreed to meet again in Brasilia in the second half of the year": a
                    # meeting to come is not the article's own
                    and not (
                        not m.mentioned_only
                        and (ahead or re.search(r"\b(?:again|next|follow-up)\b", clause, re.I))
                        and not (date is not None and m.start is not None and date == m.start)
                    )
                    and set(parts)
                    <= {p.actor for p in m.participants}
                    | set(main_parts if not m.mentioned_only else [])
                    and (
                        (m.start is None and date is None)
                        or (m.start is not None and date is not None and _compatible(m.start, date))
                        or (
                            date is None
                            and not m.mentioned_only
                            and not _PAST_REF.search(clause)
                            and not ahead
                        )
                    )
                ),
                None,
            )
            if dup is not None:
                m = meetings[dup]
                meetings[dup] = replace(m, evidence=(*m.evidence, Span(s.start, s.end)))
                continue
            near = date is not None and pub is not None and abs((date.value - pub.value).days) <= 3
            if (
                main is None
                and not ahead
                and (near or not _PAST_REF.search(clause))
                and (date is None or near)
            ):
                is_main = True
                date = date or pub
            else:
                is_main = False
            kind = (
                "summit" if re.search(r"\bsummit", clause, re.I)
                else "call" if re.search(r"\b(?:phone|telephone|video call|call with)\b", clause, re.I)
                else "visit" if re.search(r"\bvisit|travel", clause, re.I)
                else "negotiation" if om and om["what"].lower() == "round"
                else "bilateral" if len(parts) == 2 else "multilateral"
            )  # fmt: skip
            place = _place(text, sentences, [Span(lo, hi)]) or (fallback_place if is_main else None)
            names = "–".join(_short(p, table) if p in persons else p for p in parts)
            word = {
                "summit": "summit",
                "visit": "visit",
                "negotiation": "talks",
                "call": "call",
            }.get(kind, "meeting")
            title = f"{names} {word}"
            if ordinal:
                title = f"{_ordinal_word(ordinal)} {title}"
            if place:
                title += f" in {place}"
            if date:
                title += f", {date.value.year}"
            while any(m.title == title for m in meetings):
                title += " (2)"
            follows = None
            if ordinal and ordinal > 1:
                prev = next(
                    (m for m in meetings if m.title.startswith(f"{_ordinal_word(ordinal - 1)} ")),
                    None,
                )
                follows = prev.title if prev else None
            new = Meeting(
                title=title,
                kind=kind,
                participants=tuple(Participant(p) for p in parts),
                start=date,
                end=end,
                place=place,
                mentioned_only=not is_main,
                evidence=(Span(s.start, s.end),),
                follows=follows,
            )
            meetings.append(new)
            # "two earlier rounds of talks …, in July and in August": one meeting per date
            if re.search(
                r"\b(?:two|three|four|both)\s+(?:\w+\s+){0,2}(?:rounds|meetings|sessions|summits)\b",
                clause,
            ):
                listed = [d for d in sdates if d.target is None and d.start > trig.start()]
                if pick is not None and listed and listed[0] is pick:
                    for prev_d, d in itertools.pairwise(listed):
                        if not re.fullmatch(
                            r"\s*,?\s*(?:and\s+)?(?:in\s+)?", text[prev_d.end : d.start]
                        ):
                            break
                        dtitle = f"{new.title.split(', ')[0]}, {d.date.value.year}"
                        while any(m.title == dtitle for m in meetings):
                            dtitle += " (2)"
                        meetings.append(
                            replace(new, title=dtitle, start=d.date, end=None, mentioned_only=True)
                        )
            stop_date = date
            last_at = next(
                (f.end for f in found if stops and f.actor == parts[-1] and f.start > trig.start()),
                0,
            )
            for stop in stops:
                at = next(f.start for f in found if f.actor == stop and f.start > trig.start())
                if not re.fullmatch(
                    r"(?:\s+on\s+\w+)?\s*,?\s*(?:(?:and|or)\s+)?(?:(?:later|then|also|finally)\s+)?"
                    r"(?:to\s+)?",
                    text[last_at:at],
                ):
                    break  # not a further stop of the same trip
                last_at = next(f.end for f in found if f.actor == stop and f.start == at)
                # "…, and later to B": a stop after "later"/"then" is undated
                if re.search(r"\b(?:later|then|afterwards)\b", text[trig.end() : at]):
                    stop_date = None
                stitle = f"{_short(parts[0], table)}–{_short(stop, table)} visit"
                if stop_date:
                    stitle += f", {stop_date.value.year}"
                while any(m.title == stitle for m in meetings):
                    stitle += " (2)"
                meetings.append(
                    replace(
                        new,
                        title=stitle,
                        kind="visit",
                        participants=(Participant(parts[0]), Participant(stop)),
                        start=stop_date,
                        end=None if stop_date is None else new.end,
                        place=None,
                        mentioned_only=True,
                    )
                )
            if is_main:
                main, main_parts = new, parts
    # "Pompeo spent most of the day with Lavrov before the two men were driven to Putin's
    # residence": an undated meeting told among the article's own, with one of its parties
    # and no sign of past or future, is part of the same occasion
    main = next((m for m in meetings if not m.mentioned_only), None)
    if main is not None and main.start is not None:
        own = {p.actor for p in main.participants}
        for k, m in enumerate(meetings):
            if not m.mentioned_only or m.start is not None or m.kind == "series":
                continue
            ev = text[m.evidence[0].start : m.evidence[0].end] if m.evidence else ""
            # "Wang Yi, who accompanied Xi, had held separate talks with Lavrov": the
            # sentence names a party of the article's own meeting
            named = {
                f.actor
                for f in table.found
                if m.evidence and m.evidence[0].start <= f.start < m.evidence[0].end
            }
            # "X met Y one-on-one before the trilateral session": a meeting told against the
            # article's own one is on its day
            theirs = [p.actor for p in m.participants]
            if (own & {*theirs, *_states_of(theirs, table)}) and re.search(
                r"\b(?:before|ahead of|after|on the sidelines of)\s+the\s+(?:[\w-]+\s+)?"
                r"(?:session|talks|meeting|summit|consultations|plenary)\b",
                ev,
            ):
                meetings[k] = replace(m, start=main.start)
                continue
            if (
                own & ({p.actor for p in m.participants} | named)
                and not _PAST_REF_STRICT.search(ev)
                and not _AHEAD.search(ev)
                and not re.search(r"\b(?:has|have)\s+(?:\w+\s+)?(?:met|held|visited)\b", ev)
                and not re.search(r"\b(?:after|first|second|third|again)\b", ev)
                and not any(
                    m.evidence[0].start <= d.start < m.evidence[0].end
                    for d in dates
                    if not _series_start(text, d)
                )
            ):
                meetings[k] = replace(m, start=main.start)
    # the article's own meeting with no date of its own took place on the day of the report
    # ("Abe and Putin held talks at the Kremlin." in a dated article)
    for k, m in enumerate(meetings):
        if not m.mentioned_only and m.start is None and pub is not None:
            first = next((sp for sp in m.evidence), None)
            if first is None or not _AHEAD.search(text, first.start, first.end):
                meetings[k] = replace(m, start=pub)
    meetings = _merge_same_event(meetings, table, text)
    meetings = _separate_meetings(text, sentences, table, meetings)
    meetings = [_span_of_days(text, m) for m in meetings]
    meetings = _summit_roster(text, sentences, table, dates, pub, fallback_place, meetings)
    meetings = _one_by_one(text, sentences, table, dates, meetings, pub)
    # "The foreign ministers of A, B and C met in X": the article's own meeting is of the
    # people it names in that office (its earlier and later ones stay the states')
    for k, m in enumerate(meetings):
        if m.mentioned_only or not m.evidence:
            continue
        parts = tuple(p.actor for p in m.participants)
        first = (
            next(
                (
                    f
                    for f in table.found
                    if m.evidence[0].start <= f.start < m.evidence[0].end and f.actor == parts[0]
                ),
                None,
            )
            if parts
            else None
        )
        if first is None:
            continue
        people = _officials_of(text, first.start, parts, table)
        if people != parts:
            meetings[k] = replace(m, participants=tuple(Participant(p) for p in people))
    order = sorted(range(len(meetings)), key=lambda k: (meetings[k].mentioned_only, k))
    return tuple(meetings[k] for k in order)


_MEET_VERB = re.compile(
    r"\b(?:met|meets|received|receives|hosted|hosts|held\s+(?:separate\s+)?talks\s+with)\b"
)
_SEPARATELY = re.compile(r"\s*,?\s+(?:separately|individually|one after the other)\b")


def _separate_meetings(
    text: str, sentences: tuple[Sentence, ...], table: ActorTable, meetings: list[Meeting]
) -> list[Meeting]:
    """'A met B and C separately (before …)': two meetings, A–B and A–C, on the day of the
    meeting told in that sentence; a meeting of all three there keeps that day too."""
    out = list(meetings)
    for s in sentences:
        people = [
            f for f in table.found if s.start <= f.start < s.end and f.kind == ActorKind.PERSON
        ]
        for a, b, c in zip(people, people[1:], people[2:], strict=False):
            gap_ab = text[a.end : b.start]
            if (
                len(gap_ab) > 60
                or not _MEET_VERB.search(gap_ab)
                or not re.fullmatch(r"\s+and\s+(?:\S+\s+){0,4}", text[b.end : c.start])
                or not _SEPARATELY.match(text, c.end)
                or len({a.actor, b.actor, c.actor}) < 3
            ):
                continue
            told = [m for m in out if any(e.start <= a.start < e.end for e in m.evidence)]
            told.sort(key=lambda m: (m.start is None, m.mentioned_only))
            base = next(
                (m for m in told if {a.actor, b.actor} <= {p.actor for p in m.participants}), None
            )
            if base is None or base.start is None:
                continue
            for k, m in enumerate(out):
                if m in told and (m.start is None or m.start != base.start):
                    out[k] = replace(
                        m, start=base.start, end=base.end, mentioned_only=base.mentioned_only
                    )
            for other in (b.actor, c.actor):
                pair = {a.actor, other}
                if any({p.actor for p in m.participants} == pair for m in out):
                    continue
                title = f"{_short(a.actor, table)}–{_short(other, table)} meeting"
                if base.start:
                    title += f", {base.start.value.year}"
                out.append(
                    replace(
                        base,
                        title=title,
                        kind="bilateral",
                        participants=(Participant(a.actor), Participant(other)),
                        outcomes=(),
                        evidence=(Span(s.start, s.end),),
                        follows=None,
                    )
                )
            break
    return out


# "Kos met the two separately", "Kallas received the two negotiators separately", "held
# separate meetings with the two"; "Guterres met Lourenço and, later, Youssouf"
_THE_TWO_SEPARATELY = re.compile(
    r"\s+(?:(?:also|then|later)\s+)?(?:(?:met|received|saw)\s+the\s+two(?:\s+[a-z]+)?\s*,?\s+"
    r"(?:separately|individually|one\s+after\s+the\s+other)|held\s+separate\s+(?:talks|meetings)"
    r"\s+with\s+the\s+two(?:\s+[a-z]+)?)\b"
)
_AND_LATER = re.compile(r"\s+and\s*,?\s*(?:later|then|afterwards|subsequently)\s*,?\s+")


def _one_by_one(
    text: str,
    sentences: tuple[Sentence, ...],
    table: ActorTable,
    dates: tuple[DateMention, ...],
    meetings: list[Meeting],
    pub: FuzzyDate | None,
) -> list[Meeting]:
    """A host's meetings with two people one after the other, each a meeting of its own:
    'Macut and Kurti sat at the same table … Kos met the two separately on the sidelines of
    the summit.' -> Kos–Macut and Kos–Kurti; 'Guterres met Lourenço and, later, Youssouf' ->
    Guterres–Lourenço and Guterres–Youssouf. Dated by the sentence, else by the article's own
    meeting (whose day they share), else by the report."""
    out = list(meetings)
    main = next((m for m in out if not m.mentioned_only), None)
    persons = [f for f in table.found if f.kind == ActorKind.PERSON]
    for k, s in enumerate(sentences):
        here = [f for f in persons if s.start <= f.start < s.end]
        pairs: list[tuple[str, str]] = []
        host = None
        for f in here:
            if _THE_TWO_SEPARATELY.match(text, f.end):
                host = f
                before = [
                    g.actor
                    for t in sentences[max(0, k - 2) : k]
                    for g in persons
                    if t.start <= g.start < t.end
                    and g.actor != f.actor
                    and text[t.start] not in '"“'
                ]
                two = list(dict.fromkeys(before))[-2:] if len(set(before)) == 2 else []
                if not two and main is not None:
                    rest = [p.actor for p in main.participants[1:] if p.actor != f.actor]
                    two = rest if len(rest) == 2 else []
                pairs = [(f.actor, t) for t in two]
                break
        if not pairs:
            for a, b, c in zip(here, here[1:], here[2:], strict=False):
                if (
                    _MEET_VERB.search(text[a.end : b.start])
                    and len(text[a.end : b.start]) < 40
                    and _AND_LATER.fullmatch(text[b.end : c.start])
                    and len({a.actor, b.actor, c.actor}) == 3
                ):
                    host, pairs = a, [(a.actor, b.actor), (a.actor, c.actor)]
                    break
        if not pairs or host is None:
            continue
        date = _first_day(dates, s.start, s.end) or (main.start if main is not None else pub)
        own = date is not None and (
            (main is not None and main.start == date) or (pub is not None and date == pub)
        )
        # the pair meetings replace a meeting of all three the sentence may have made
        trio = {host.actor, *(p for _, p in pairs)}
        out = [
            m
            for m in out
            if not (
                m.evidence
                and s.start <= m.evidence[0].start < s.end
                and {p.actor for p in m.participants} <= trio
            )
        ]
        for a, b in pairs:
            if any({p.actor for p in m.participants} == {a, b} and m.start == date for m in out):
                continue
            title = f"{_short(a, table)}–{_short(b, table)} meeting"
            out.append(
                Meeting(
                    title=title + (f", {date.value.year}" if date else ""),
                    kind="bilateral",
                    participants=(Participant(a), Participant(b)),
                    start=date,
                    place=main.place if main is not None and own else None,
                    mentioned_only=not own,
                    evidence=(Span(s.start, s.end),),
                )
            )
    return out


_OFFICIALS_OF = re.compile(
    r"\b(?P<role>(?:(?:foreign|defen[cs]e|finance|interior|trade|economy)\s+)?ministers|"
    r"prime\s+ministers|presidents|leaders|heads\s+of\s+(?:state|government))"
    r"\s+of\s+(?:the\s+)?$",
    re.I,
)


def _officials_of(text: str, at: int, parts: tuple[str, ...], table: ActorTable) -> tuple[str, ...]:
    """'The foreign ministers of A, B and C met': the people the article names in that office
    for each state, when it names one for each; else the states."""
    m = _OFFICIALS_OF.search(text, max(0, at - 60), at)
    if not m or not all(table.kind(p) == ActorKind.STATE for p in parts):
        return parts
    role = m["role"].lower()
    words = {
        "presidents": ("president",),
        "prime ministers": ("prime minister", "premier", "chancellor"),
        "leaders": ("president", "prime minister", "premier", "chancellor", "leader"),
    }.get(role, (role[:-1],) if role.endswith("ministers") and " " in role else ())
    out = []
    for state in parts:
        holders = [
            a.name
            for a in table.actors
            if a.kind == ActorKind.PERSON
            and a.country == state
            and any(
                (not words and "minister" in r.title.lower())
                or any(w in r.title.lower() for w in words)
                for r in a.roles
            )
        ]
        if len(holders) != 1:
            return parts
        out.append(holders[0])
    return tuple(out)


# "Serbia's chief negotiator Petar Petković", "Zimbabwe's President X": a state in the
# possessive before a title and a name describes the person, it is not a party of its own
_POSSESSIVE_TITLE = re.compile(r"['’]s?\s+(?:(?:[a-z-]+|[A-Z][\w-]*)\s+){1,5}$")


def _possessive_title(text: str, f: Found, person_spans: list[tuple[int, int]]) -> bool:
    if f.kind not in (ActorKind.STATE, ActorKind.ORGANIZATION):
        return False
    for a, _b in person_spans:
        if f.end < a <= f.end + 60 and _POSSESSIVE_TITLE.fullmatch(text, f.end, a):
            return True
    return False


_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b")


def _in_relative(text: str, lo: int, at: int, trig: int) -> bool:
    """Is `at` inside a ', who …,' clause that closes before the meeting word at `trig`?"""
    rels = list(_RELATIVE.finditer(text, lo, at))
    rel = rels[-1] if rels else None
    if rel is None or "," in text[rel.end() : at]:
        return False
    close = text.find(",", at, trig)
    return close != -1


def _span_of_days(text: str, m: Meeting) -> Meeting:
    """'… after two days of talks in Batken.' + 'The talks, which ended on December 3, …': a
    meeting told in two sentences, one giving its length, the other its last day, began
    (length - 1) days before that day."""
    if (
        m.start is None
        or m.end is not None
        or m.start.precision != m.start.precision.DAY
        or len(m.evidence) < 2
    ):
        return m
    n = 0
    ended = False
    for sp in m.evidence:
        sent = text[sp.start : sp.end]
        span = re.search(
            _DAYS.pattern + r"\s+(?:\w+\s+)?(?:talks|meetings|negotiations|consultations)",
            sent,
            re.I,
        )
        if span:
            n = _WORD_N.get(span["n"].lower(), 0) if not span["n"].isdigit() else int(span["n"])
        elif re.search(
            r"\b(?:talks|meetings|negotiations)\b[^.]{0,20}\b(?:ended|concluded)\b", sent
        ):
            ended = True
    if not (1 < n <= 10 and ended):
        return m
    first = m.start.value - dt.timedelta(days=n - 1)
    return replace(m, start=replace(m.start, value=first), end=m.start)


_DAYS = re.compile(r"\b(?P<n>two|three|four|five|six|seven|\d{1,2})(?:\s+days?\s+of|-day)\b", re.I)
_WORD_N = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _day_range(m: Meeting) -> tuple[dt.date, dt.date] | None:
    if m.start is None or m.start.precision != m.start.precision.DAY:
        return None
    last = m.end.value if m.end is not None and m.end.precision == m.end.precision.DAY else None
    return m.start.value, max(last or m.start.value, m.start.value)


def _merge_same_event(meetings: list[Meeting], table: ActorTable, text: str) -> list[Meeting]:
    """One meeting told twice is one meeting.

    The same parties within a few days of each other ('Xi–Putin talks' on the 21st and the
    'Xi–Putin meeting' of the 20th) make one meeting from the first day to the last; the
    states' talks ('two days of talks between A and B ended on Friday') and the people who
    held them ('X of A met Y of B on Friday') make one meeting of those people.
    """
    out = list(meetings)
    k = 0
    while k < len(out):
        a = out[k]
        ra = _day_range(a)
        merged = False
        for j in range(len(out)):
            b = out[j]
            if j == k or ra is None or a.kind == "series" or b.kind == "series":
                continue
            rb = _day_range(b)
            if rb is None:
                continue
            pa = {p.actor for p in a.participants}
            pb = {p.actor for p in b.participants}
            oa, ob = _meeting_ordinal(text, a), _meeting_ordinal(text, b)
            if oa is not None and ob is not None and oa != ob:
                continue
            near = rb[0] - ra[1] <= dt.timedelta(days=3) and ra[0] - rb[1] <= dt.timedelta(days=3)
            people_of_states = (
                all(table.kind(p) == ActorKind.STATE for p in pa)
                and len(pa) >= 2
                and all(table.kind(p) == ActorKind.PERSON for p in pb)
                and set(_states_of(list(pb), table)) == pa
                # (the states' talks dated by the report, the people's by the day they
                # ended: "The talks, which ended on Monday, were led by X and Y")
                and ra[0] - dt.timedelta(days=3) <= rb[0] <= ra[1]
            )
            if not ((pa == pb and near and j > k) or people_of_states):
                continue
            first, last = min(ra[0], rb[0]), max(ra[1], rb[1])
            if people_of_states and rb[0] < ra[0]:
                first, last = rb
            start = replace(a.start, value=first) if a.start else None
            end = replace(a.start, value=last) if a.start and last != first else None
            parts = b.participants if people_of_states else a.participants
            out[k] = replace(
                a,
                # the people's meeting names the event by them
                title=b.title if people_of_states else a.title,
                participants=parts,
                start=start,
                end=end,
                mentioned_only=a.mentioned_only and b.mentioned_only,
                evidence=(*a.evidence, *b.evidence),
                outcomes=(*a.outcomes, *b.outcomes),
            )
            del out[j]
            merged = True
            break
        k = 0 if merged else k + 1
    return out


# "The talks … involve Iran and the remaining parties to the deal – Britain, China, France,
# Germany and Russia": the parties of multi-party talks, listed once
_ROSTER_KEY = re.compile(
    r"\b(?:involv\w*|includ\w*|among|between|parties|participants|brings? together|"
    r"attended by|with the participation of)\b",
    re.I,
)


def _roster(text: str, sentences: tuple[Sentence, ...], table: ActorTable) -> tuple[str, ...]:
    """Three or more states listed after 'involve' / 'including' / 'between' in a sentence
    about talks: 'The talks involve A and the other parties – B, C and D' -> (A, B, C, D)."""
    person_spans = [(f.start, f.end) for f in table.found if f.kind == ActorKind.PERSON]
    for s in sentences:
        if not re.search(r"\b(?:talks|negotiations|rounds?|meetings?)\b", text[s.start : s.end]):
            continue
        key = _ROSTER_KEY.search(text, s.start, s.end)
        if key is None:
            continue
        states = [
            f.actor
            for f in table.found
            if key.end() <= f.start < s.end
            and f.kind == ActorKind.STATE
            and not any(a <= f.start < b for a, b in person_spans)
        ]
        states = list(dict.fromkeys(states))
        if len(states) >= 3:
            return tuple(states)
    return ()


# "X and his Chinese counterpart Y agreed on Friday …", "X, left, and Y embrace …": the two
# people joined as the subject of a news lede are the parties of the article's own meeting
_LEDE_GAP = re.compile(
    r"(?:,\s*(?:left|right|center|centre|\([LRC]\))\s*,)?\s+and\s+"
    r"(?:(?:his|her|their|its)\s+)?(?:(?:[A-Z][\w.'’-]*|counterpart|leader|president|"
    r"prime minister|foreign minister)\s+){0,5}$"
)
_LEDE_VERB = re.compile(
    r"^(?:,\s*(?:left|right|center|centre)\s*,)?\s+(?:on\s+\w+\s+)?[a-z]+(?:ed|s)?\b"
)


def _split_listed(text: str, bounds: list[int], dates: tuple[DateMention, ...]) -> list[int]:
    """Split a clause listing several dated meetings at ' and a/an ':
    '… including a meeting in Hamburg last July and a short exchange at a summit in Vietnam
    in November' -> two clauses, one date each."""
    out = [bounds[0]]
    for lo, hi in itertools.pairwise(bounds):
        # also "… held their first dialogue last Monday, and agreed to meet again next month"
        for m in re.finditer(
            r"\s+and\s+(?=(?:a|an|another)\s)|,\s+and\s+(?=\w+\s+to\s)", text[lo:hi]
        ):
            cut = lo + m.start()
            left, right = text[out[-1] : cut], text[cut:hi]
            if (
                _TRIGGER.search(left)
                and _TRIGGER.search(right)
                and any(out[-1] <= d.start < cut for d in dates)
                and any(cut <= d.start < hi for d in dates)
            ):
                out.append(cut)
        out.append(hi)
    return out


def _openers(sentences: tuple[Sentence, ...], paragraphs: int = 2):
    """(index, sentence) of the first sentence of each of the first `paragraphs` paragraphs:
    where a news lede tells its own event."""
    paras: list[int] = []
    for si, s in enumerate(sentences):
        if s.paragraph not in paras:
            paras.append(s.paragraph)
        if len(paras) > paragraphs:
            return
        if si == 0 or sentences[si - 1].paragraph != s.paragraph:
            yield si, s


def _first_day(dates: tuple[DateMention, ...], lo: int, hi: int) -> FuzzyDate | None:
    """The first single-day date between `lo` and `hi` that belongs to no other event."""
    return next(
        (
            d.date
            for d in dates
            if lo <= d.start < hi and d.target is None and d.date.precision == d.date.precision.DAY
        ),
        None,
    )


def _lede_meeting(
    text: str,
    sentences: tuple[Sentence, ...],
    table: ActorTable,
    dates: tuple[DateMention, ...],
    pub: FuzzyDate | None,
    fallback_place: str | None,
) -> Meeting | None:
    """The article's own meeting from the subject of its first sentences.

    'MOSCOW (Reuters) - Russian Foreign Minister Sergei Lavrov and his Chinese counterpart
    Wang Yi agreed on Friday to …' -> Lavrov–Wang talks on that Friday
    """
    group = _group_lede(text, sentences, table, dates, pub, fallback_place)
    for si, s in _openers(sentences):
        if group is not None and group.evidence[0].start <= s.start:
            return group  # the lede's group comes first
        people = [
            f for f in table.found if s.start <= f.start < s.end and f.kind == ActorKind.PERSON
        ]
        for a, b in itertools.pairwise(people):
            if a.actor == b.actor or not _LEDE_GAP.fullmatch(text[a.end : b.start]):
                continue
            # "X and Y told Chinese President Z on Thursday that …": telling a person face
            # to face in the lede is the meeting; telling reporters is not
            told = re.match(
                r"\s+(?:told|warned|urged|pressed|assured)\s+", text[b.end : b.end + 20]
            )
            if told and not any(
                f.kind == ActorKind.PERSON and f.start == b.end + told.end()
                for f in table.found
                if s.start <= f.start < s.end
            ):
                continue
            if not _LEDE_VERB.match(text[b.end : b.end + 40]) or (
                not told
                and re.match(r"\s+(?:said|says|told|warned|added)\b", text[b.end : b.end + 20])
            ):
                continue
            # "X and Y last met in Sochi in September": an earlier meeting, not the report's
            if re.match(
                r"\s+(?:last|previously|earlier|once|never|first)\b", text[b.end : b.end + 20]
            ) or (
                pub is not None
                and any(
                    s.start <= d.start < s.end
                    and d.date.precision != d.date.precision.DAY
                    and d.target is None
                    and not _compatible(d.date, pub)
                    for d in dates
                )
            ):
                continue
            # "… arrived in Tokyo, which will take them to Seoul on Wednesday": a date in a
            # relative clause after the pair is that clause's
            rel = re.search(r",\s+which\b", text[b.end : s.end])
            cut = b.end + rel.start() if rel else s.end
            sd = [
                d
                for d in dates
                if s.start <= d.start < cut and d.date.precision == d.date.precision.DAY
            ]
            # "The first talks between A and B opened … on Thursday. X and Y faced Z …": a
            # lede sentence without a date of its own takes the day of the article's first
            # sentence when that one tells of the meeting
            if not sd and si > 0:
                s0 = sentences[0]
                if _TRIGGER.search(text, s0.start, s0.end):
                    sd = [
                        d
                        for d in dates
                        if d.sentence == 0
                        and d.target is None
                        and d.date.precision == d.date.precision.DAY
                    ]
            date = sd[0].date if sd else pub
            if date is None or (pub is not None and abs((date.value - pub.value).days) > 3):
                continue
            parts = [a.actor, b.actor]
            kind = "bilateral"
            after = [f for f in table.found if b.end <= f.start < cut]
            verb = _LEDE_VERB.match(text[b.end : b.end + 40])
            vend = b.end + verb.end()
            # "X and Y arrived in Tokyo", "… traveled to Beijing": the visited state
            trip = (
                re.match(r"\s*(?:in|to)?\s*", text[vend : vend + 6])
                if re.search(r"(?:arriv|travel|visit|flew|fly)\w*$", text[b.end : vend])
                else None
            )
            if trip:
                host = next(
                    (
                        f
                        for f in after
                        if f.kind == ActorKind.STATE and f.start == vend + trip.end()
                    ),
                    None,
                )
                if host and host.actor not in parts:
                    parts.append(host.actor)
                    kind = "visit"
            # "X and Y faced Z, <who he is>, and W across a table": the other delegation
            elif re.search(
                r"\b(?:met|meet|faced|face|received|hosted|welcomed|told|warned|urged|pressed|assured)$",
                text[b.end : vend],
            ):
                pos = vend
                for f in after:
                    if f.kind != ActorKind.PERSON:
                        continue
                    gap = text[pos : f.start]
                    if not (
                        re.fullmatch(r"\s*(?:with\s+)?", gap)
                        or (
                            re.fullmatch(r"\s+and\s+|,\s+|,\s+[^,;]*?,\s+and\s+", gap)
                            and not re.search(r"\b(?:who|which|said|to|for|on|in|at)\b", gap)
                        )
                    ):
                        break
                    if f.actor not in parts:
                        parts.append(f.actor)
                    pos = f.end
            place = _place(text, sentences, [Span(s.start, s.end)]) or fallback_place
            names = "–".join(_short(p, table) for p in parts)
            word = "visit" if kind == "visit" else "talks"
            title = f"{names} {word}" + (f" in {place}" if place else "") + f", {date.value.year}"
            return Meeting(
                title=title,
                kind=kind,
                participants=tuple(Participant(p) for p in parts),
                start=date,
                place=place,
                mentioned_only=False,
                evidence=(Span(s.start, s.end),),
            )
    return group


# "The foreign ministers of A, B and C agreed on Sunday …", "Chief negotiators from A and B
# met …", "A, B, C and D signed a declaration in X on Tuesday": a group of states (or their
# officials) as the subject of a news lede
_GROUP_ROLE = re.compile(
    r"\b(?P<role>(?:(?:foreign|defen[cs]e|finance|interior|trade|economy|energy)\s+)?ministers|"
    r"prime\s+ministers|presidents|leaders|heads\s+of\s+(?:state|government)|"
    r"(?:chief\s+)?negotiators|envoys|top\s+diplomats|delegations|delegates)"
    r"\s+(?:of|from)\s+(?:the\s+)?$",
    re.I,
)
_GROUP_VERB = re.compile(
    r"\s+(?:(?:on|late|early)\s+\w+\s+)?(?:(?:also|jointly|formally)\s+)?"
    r"(?:met|agreed|signed|pledged|called|held|gathered|convened|vowed|urged|discussed|began|"
    r"opened|ended|wrapped|launched|adopted|endorsed|approved|committed|decided|demanded)\b"
)


def _group_lede(
    text: str,
    sentences: tuple[Sentence, ...],
    table: ActorTable,
    dates: tuple[DateMention, ...],
    pub: FuzzyDate | None,
    fallback_place: str | None,
) -> Meeting | None:
    """The article's own meeting when its lede's subject is a list of states or of their
    officials: 'AMMAN — The foreign ministers of Jordan, Turkey, Syria, Iraq and Lebanon
    agreed on Sunday to …' -> a meeting of those five ministers (the states when the article
    does not name each one's minister) on that Sunday, in Amman."""
    spans = [(f.start, f.end) for f in table.found if f.kind == ActorKind.PERSON]
    for _si, s in _openers(sentences):
        states = [
            f
            for f in table.found
            if s.start <= f.start < s.end
            and f.kind == ActorKind.STATE
            and not any(a <= f.start < b for a, b in spans)
            and not _possessive_title(text, f, spans)
        ]
        for k, first in enumerate(states):
            role = _GROUP_ROLE.search(text, max(s.start, first.start - 60), first.start)
            lead = re.fullmatch(
                r"(?:[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[\w.'’ -]{1,40}?)?\s*"
                r"(?:\([\w .&/-]{1,40}\))?\s*(?::|[—–-]{1,2})\s+)?",
                text[s.start : first.start],
            )
            if role is None and lead is None:
                continue
            listed = [first]
            for f in states[k + 1 :]:
                if not re.fullmatch(r",\s+(?:and\s+)?|\s+and\s+", text[listed[-1].end : f.start]):
                    break
                listed.append(f)
            parts = tuple(dict.fromkeys(f.actor for f in listed))
            if len(parts) < (2 if role else 3):
                break
            if not _GROUP_VERB.match(text, listed[-1].end) or _FUTURE.search(text, s.start, s.end):
                break
            date = _first_day(dates, s.start, s.end) or pub
            if date is None or (pub is not None and abs((date.value - pub.value).days) > 3):
                break
            # (the states; the article's own meeting is handed to their officials at the end
            # of `generic_meetings`, after "the ministers met again in May" took the states)
            place = _place(text, sentences, [Span(s.start, s.end)]) or fallback_place
            who = role["role"].lower() if role else "leaders"
            names = (
                ", ".join(_short(p, table) for p in parts[:-1]) + " and " + _short(parts[-1], table)
            )
            title = f"Meeting of the {who} of {names}" if role else f"Meeting of {names}"
            title += (f" in {place}" if place else "") + f", {date.value.year}"
            return Meeting(
                title=title,
                kind="multilateral",
                participants=tuple(Participant(p) for p in parts),
                start=date,
                place=place,
                mentioned_only=False,
                evidence=(Span(s.start, s.end),),
            )
    return None


# "The summit at the Shangri-La Hotel brought together A, B, C …", "Heads of state who
# attended the summit included A, B …", "X hosted the summit, which was attended by A, B …"
_SUMMIT_WORD = re.compile(r"\b(?:summit|summits|conference|forum|session)\b", re.I)
_ROSTER_WORDS = re.compile(
    r"\b(?:brought\s+together|(?:was|were)\s+attended\s+by|attended\s+by|"
    r"who\s+attended\b[^.;]{0,60}?\binclud(?:ed|e)|participants\s+includ(?:ed|e)|"
    r"(?:was|were)\s+joined\s+by|gathered)\b",
    re.I,
)


def _summit_roster(
    text: str,
    sentences: tuple[Sentence, ...],
    table: ActorTable,
    dates: tuple[DateMention, ...],
    pub: FuzzyDate | None,
    fallback_place: str | None,
    meetings: list[Meeting],
) -> list[Meeting]:
    """The article's own summit with everyone its roster names: the people of the first
    sentence that tells of the summit (its host, its chairs) and those listed as attending.

    'Leaders of BIMSTEC … at their sixth summit in Bangkok on Friday, before Prime Minister
    P handed the chairmanship …' + 'The summit … brought together A, B, C, D, E and F.' ->
    one summit of P and A–F on that Friday. Meetings told by those two sentences about the
    same people (a pair of them, the bloc) are folded into it."""
    paras: list[int] = []
    lede = roster = None
    ledes: list[Sentence] = []
    for k, s in enumerate(sentences):
        if s.paragraph not in paras:
            paras.append(s.paragraph)
        if len(paras) > 6:
            break
        if _quoted(text, s.start, s.end) and text[s.start] in '"“':
            continue
        first = k == 0 or sentences[k - 1].paragraph != s.paragraph
        if (
            first
            and len(paras) <= 3
            and _SUMMIT_WORD.search(text, s.start, s.end)
            and not re.search(r"\b(?:margins?|sidelines?)\b", text[s.start : s.end])
        ):
            ledes.append(s)
            lede = lede or s
        if roster is None and _ROSTER_WORDS.search(text, s.start, s.end):
            key = _ROSTER_WORDS.search(text, s.start, s.end)
            if _SUMMIT_WORD.search(text, s.start, s.end) or re.search(
                r"\b(?:the|this)\s+(?:meeting|gathering|talks)\b", text[s.start : key.start()]
            ):
                roster = (s, key.end())
    if lede is None or roster is None or pub is None or _FUTURE.search(text, lede.start, lede.end):
        return meetings
    rs, key_end = roster
    person_spans = [(f.start, f.end) for f in table.found if f.kind == ActorKind.PERSON]
    listed = [
        f.actor for f in table.found if key_end <= f.start < rs.end and f.kind == ActorKind.PERSON
    ]
    if len(set(listed)) < 3:
        return meetings
    hosts = [
        f.actor
        for f in table.found
        if f.kind == ActorKind.PERSON
        and (any(ls.start <= f.start < ls.end for ls in ledes) or rs.start <= f.start < key_end)
        and not any(a < f.start < b for a, b in person_spans)
    ]
    parts = tuple(dict.fromkeys([*hosts, *listed]))
    date = _first_day(dates, lede.start, lede.end) or pub
    if abs((date.value - pub.value).days) > 3:
        return meetings
    bloc = next(
        (
            f.actor
            for f in table.found
            if lede.start <= f.start < lede.end and f.kind == ActorKind.ORGANIZATION
        ),
        None,
    )
    orgs = {text[f.start : f.end] for f in table.found if f.kind == ActorKind.ORGANIZATION}
    place = (
        next(
            (
                m["place"].rstrip(",. ")
                for ls in ledes
                for m in _PLACE.finditer(text, ls.start, ls.end)
                if m["prep"] == "in"
                and re.sub(r"^the\s+", "", m["place"]) not in orgs
                and not _NOT_PLACE.match(m["place"])
                and not re.match(
                    r"\s*(?:summit|conference|forum|Process)\b", text[m.end() : m.end() + 12]
                )
            ),
            None,
        )
        or fallback_place
    )
    title = (f"{bloc} summit" if bloc else "Summit") + (f" in {place}" if place else "")
    title += f", {date.value.year}"
    told = (Span(lede.start, lede.end), Span(rs.start, rs.end))
    members = set(parts) | {
        f.actor
        for f in table.found
        if any(sp.start <= f.start < sp.end for sp in told) and f.kind != ActorKind.PERSON
    }
    kept = [
        m
        for m in meetings
        if not (
            m.evidence
            and any(sp.start <= m.evidence[0].start < sp.end for sp in told)
            and {p.actor for p in m.participants} <= members
        )
    ]
    # the article's summit is its day: its other meetings the day before are mentioned
    kept = [
        replace(m, mentioned_only=True)
        if not m.mentioned_only
        and m.start is not None
        and m.start.precision == m.start.precision.DAY
        and m.start != date
        else m
        for m in kept
    ]
    summit = Meeting(
        title=title,
        kind="summit",
        participants=tuple(Participant(p) for p in parts),
        start=date,
        place=place,
        mentioned_only=False,
        evidence=told,
    )
    return [summit, *kept]


_SIDE = r"[A-Z][\w.]*(?:\s[A-Z][\w.]*)?"


def _compound_pair(text: str, lo: int, trig: int) -> tuple[str, str] | None:
    """'the EU-China summit' -> ('European Union', 'China'); 'Greek–Turkish talks' ->
    ('Greece', 'Turkey'): two sides joined by a hyphen right before the meeting word."""
    ref = reference()
    m = re.search(rf"(?P<a>{_SIDE})[-–](?P<b>{_SIDE})\s+(?:[a-z][\w-]*\s+){{0,3}}$", text[lo:trig])
    if not m:
        return None
    out = []
    for side in (m["a"], m["b"]):
        name = ref.surface.get(side) or ref.demonyms.get(side) or ref.capitals.get(side)
        if name is None or ref.entities.get(name) is None:
            return None
        if ref.entities[name].kind == "media":
            return None
        out.append(name)
    return (out[0], out[1]) if out[0] != out[1] else None


@cache
def _two_demonyms() -> re.Pattern[str]:
    """'Japanese and Chinese officials' (compiled once: the demonym list is long)."""
    dem = reference().demonym_re.pattern
    return re.compile(
        rf"(?P<a>{dem})\s+and\s+(?P<b>{dem})\s+(?:\w+\s+)?(?:officials|delegations|diplomats|"
        r"negotiators|envoys|ministers|leaders|delegates|teams|counterparts)\b"
    )


def _group_state(name: str, table: ActorTable) -> str | None:
    """'Israeli negotiators' -> 'Israel': the state of a group named by its demonym."""
    actor = next((a for a in table.actors if a.name == name), None)
    if actor is None or actor.kind != ActorKind.GROUP or not actor.country:
        return None
    return actor.country


def _series_start(text: str, d: DateMention) -> bool:
    """'… the 24th in a series that began in 1998': the date is when the series began."""
    return bool(
        re.search(
            r"\b(?:that|which)\s+(?:began|started|opened|was\s+launched)\s+$",
            text[max(0, d.start - 40) : d.start],
        )
    )


def _states_of(parts: list[str], table: ActorTable) -> list[str]:
    """The states a list of parties stands for: a state itself, a person's country (an
    organisation, such as an armed group or a bloc, stands for itself)."""
    out: list[str] = []
    for p in parts:
        kind = table.kind(p)
        if kind in (ActorKind.STATE, ActorKind.ORGANIZATION):
            out.append(p)
        elif kind == ActorKind.PERSON:
            actor = next((a for a in table.actors if a.name == p), None)
            if actor is not None and actor.country:
                out.append(actor.country)
    return list(dict.fromkeys(out))


def _compatible(a: FuzzyDate, b: FuzzyDate) -> bool:
    x, y = a.iso(), b.iso()
    k = min(len(x), len(y))
    return x[:k] == y[:k]


def _title_ordinal(title: str) -> int | None:
    """'Second Trump–Kim summit in Hanoi' -> 2; '11th round …' -> 11; 'Putin–Xi talks' -> None."""
    first = title.split(" ", 1)[0].lower()
    if first in _WORD_ORD:
        return _WORD_ORD[first]
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", first)
    return int(m.group(1)) if m else None


def _meeting_ordinal(text: str, m: Meeting) -> int | None:
    """The ordinal in a meeting's title, else the only one in the sentence that first told it."""
    n = _title_ordinal(m.title)
    if n is None and m.evidence:
        found = list(_ORDINAL_N.finditer(text, m.evidence[0].start, m.evidence[0].end))
        if len(found) == 1:
            w = found[0]["n"].lower()
            n = int(re.sub(r"\D", "", w)) if w[0].isdigit() else _WORD_ORD.get(w)
    return n


def _ordinal_word(n: int) -> str:
    words = {v: k for k, v in _WORD_ORD.items()}
    if n in words:
        return words[n].capitalize()
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"
