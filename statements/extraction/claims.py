"""Claims: normalised propositions from reported speech, merged across statements."""

from __future__ import annotations

import re

from .actors import ActorTable
from .types import ActorKind, Claim, Statement

_COND = re.compile(
    r"^(?P<kw>if|unless|provided that|as long as|on condition that|only if|in case)\s+(?P<cond>[^,]+),\s*(?P<rest>.+)$",
    re.I | re.S,
)
_TRAIL_COND = re.compile(
    r"^(?P<rest>.+?),?\s+(?P<kw>if|unless|provided that|as long as|on condition that|only if)\s+(?P<cond>.+)$",
    re.I | re.S,
)
_ATTITUDE = frozenset(
    [
        "would",
        "could",
        "should",
        "might",
        "may",
        "will",
        "can",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "being",
        "willing",
        "open",
        "ready",
        "able",
        "prepared",
        "eager",
        "keen",
        "happy",
        "not",
        "to",
        "the",
        "a",
        "an",
        "of",
        "and",
        "in",
        "on",
        "for",
        "with",
        "that",
        "this",
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "also",
        "still",
        "very",
        "more",
    ]
)


def _stem(word: str) -> str:
    """'denuclearization' -> 'denuclear'; 'denuclearize' -> 'denuclear'."""
    w = word.lower()
    for suf in (
        "izations",
        "ization",
        "isation",
        "izing",
        "ising",
        "ized",
        "ised",
        "izes",
        "ises",
        "ize",
        "ise",
        "ations",
        "ation",
        "ing",
        "ed",
        "es",
        "s",
        "e",
    ):
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            return w[: -len(suf)]
    return w


def _core(prop: str, subject_text: str | None) -> frozenset[str]:
    body = prop[len(subject_text) :] if subject_text and prop.startswith(subject_text) else prop
    words = re.findall(r"[A-Za-z][a-z-]+", body)
    return frozenset(_stem(w) for w in words if w.lower() not in _ATTITUDE and len(w) > 3)


def build_claims(
    text: str, statements: tuple[Statement, ...], table: ActorTable
) -> tuple[Claim, ...]:
    """One claim per reported proposition; same claimant, subject and core predicate merge.

    'If A is given B, Kim would be willing to denuclearize' (Putin) + 'Kim was open to
    denuclearization' (Putin) -> one claim, subject Kim, condition 'if A is given B'
    """
    drafts: list[dict] = []
    for idx, st in enumerate(statements):
        if st.direct:
            # a whole quoted sentence is a proposition too ('"Today's talks mark a new
            # start," Kishida said.' -> 'today's talks mark a new start'); a fragment inside
            # reported speech ("frank") is not
            before = text[max(0, st.start - 4) : st.start]
            whole = re.search(r"(?:^|[\n:]\s*|[.!?][\"”’']?\s+)[\"“‘']$", "\n" + before)
            words = st.text.split()
            if not whole or len(words) < 5 or not st.text[:1].isupper():
                continue
            prop = st.text.strip().rstrip(",.;:!?\"”’' ")
            first = prop.split()[0]
            if first in ("We", "I", "It", "This", "That", "There", "The", "Our", "Today's"):
                prop = first.lower() + prop[len(first) :]
            m = _COND.match(prop)
            condition = None
            if m:
                condition = f"{m['kw'].lower()} {m['cond'].strip()}"
                prop = m["rest"].strip()
            drafts.append(
                {
                    "claimant": st.speaker,
                    "subject": None,
                    "text": prop,
                    "condition": condition,
                    "core": _core(prop, None),
                    "evidence": [idx],
                }
            )
            continue
        prop = st.text
        condition = None
        m = _COND.match(prop)
        if m:
            condition = f"{m['kw'].lower()} {m['cond'].strip()}"
            prop = m["rest"].strip()
        else:
            m = _TRAIL_COND.match(prop)
            if m and len(m["rest"].split()) >= 3:
                condition = f"{m['kw'].lower()} {m['cond'].strip()}"
                prop = m["rest"].strip()
        offset = st.start + (st.text.find(prop) if prop in st.text else 0)
        subject = None
        subject_text = None
        lead = [f for f in table.found if f.start >= offset and f.start <= offset + 1]
        if lead:
            f = max(lead, key=lambda f: f.end)
            if f.kind in (
                ActorKind.PERSON,
                ActorKind.STATE,
                ActorKind.ORGANIZATION,
                ActorKind.GROUP,
            ):
                subject = f.actor
                subject_text = text[f.start : f.end]
                if f.end <= st.end:
                    rest = prop[len(subject_text) :] if prop.startswith(subject_text) else None
                    if rest is not None and not rest.startswith(("'s", "’s")):
                        prop = subject + rest
                        subject_text = subject
        pm = re.match(r"^(he|she)\b", prop, re.I)
        if subject is None and pm and table.kind(st.speaker) == ActorKind.PERSON:
            subject = st.speaker  # "Putin said he welcomed ..." -> Putin welcomed ...
            prop = st.speaker + prop[pm.end() :]
            subject_text = st.speaker
        core = _core(prop, subject_text)
        merged = False
        for d in drafts:
            if (
                d["claimant"] == st.speaker
                and d["subject"] == subject
                and subject
                and d["core"] & core
            ):
                d["evidence"].append(idx)
                d["condition"] = d["condition"] or condition
                merged = True
                break
        if not merged:
            drafts.append(
                {
                    "claimant": st.speaker,
                    "subject": subject,
                    "text": prop,
                    "condition": condition,
                    "core": core,
                    "evidence": [idx],
                }
            )
    claims = []
    for d in drafts:
        ev = tuple(d["evidence"])
        via = next((statements[i].reported_via for i in ev if statements[i].reported_via), None)
        conf = max(statements[i].confidence for i in ev)
        if d["subject"] is None:
            conf *= 0.9  # "the meeting was meant as a message": no actor the claim is about
        claims.append(
            Claim(d["claimant"], d["subject"], d["text"], d["condition"], ev, via, round(conf, 3))
        )
    return tuple(claims)
