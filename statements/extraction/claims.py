"""Claims: normalised propositions from reported speech, merged across statements."""

from __future__ import annotations

import re
from dataclasses import replace

from .actors import ActorTable
from .quotes import _AND_THAT, _TOLD, _told_object_end
from .types import ActorKind, Claim, Statement

_COND = re.compile(
    r"^(?P<kw>if|unless|provided that|as long as|on condition that|only if|in case|when)\s+"
    r"(?P<cond>[^,]+),\s*(?P<rest>.+)$",
    re.I | re.S,
)
# "I can say that …", "I believe that …": the speaker's frame around the proposition
_FRAME = re.compile(
    r"^(?:I|We)\s+(?:(?:can|must|would|do)\s+)?(?:say|believe|think|hope|know|am\s+sure|"
    r"am\s+confident|are\s+confident|are\s+sure|feel)\s+that\s+(?=\w)",
    re.I,
)
# "X and that Y": two propositions
_PASSIVE = re.compile(
    r"\b(?P<be>was|were|is|are)\s+(?:described|called|dismissed|labell?ed|branded|"
    r"characteri[sz]ed)\s+by\s+(?:[\w'’-]+\s+){0,5}$"
)
_ASIDE = re.compile(r",\s+(?:which|where)\s")
_AFTER_FRAGMENT = re.compile(r",?\s+(?:and|but)\s+|,\s+(?:which|where)\s")
_QUOTE_MARKS = str.maketrans("", "", '"“”„«»')
_TRAIL_COND = re.compile(
    r"^(?P<rest>.+?),?\s+(?P<kw>even if|if|unless|provided that|as long as|on condition that|"
    r"only if)\s+(?P<cond>.+)$",
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
    clauses_done: set[tuple[int, int]] = set()
    items: list[tuple[int, Statement, str]] = []  # (statement index, statement, proposition)
    for idx, st in enumerate(statements):
        if not st.direct:
            # "said 32 deals were reviewed and that a visa regime would follow": two claims
            lo = 0
            for sep in [*_AND_THAT.finditer(st.text), None]:
                hi = sep.start() if sep else len(st.text)
                part = st.text[lo:hi].strip(" ,;")
                if len(part.split()) >= 2:
                    items.append((idx, st, part))
                lo = sep.end() if sep else len(st.text)
            continue
        for prop in _direct_props(text, st, statements[idx - 1] if idx else None):
            items.append((idx, st, prop))
        clause = _clause_of_fragment(text, st)
        if clause is not None and clause[:2] not in clauses_done:
            clauses_done.add(clause[:2])
            items.append((idx, replace(st, direct=False), clause[2]))
    for idx, st, prop in items:
        if st.direct:
            m = _COND.match(prop)
            condition = None
            if m:
                condition = f"{m['kw'].lower()} {m['cond'].strip()}"
                prop = m["rest"].strip()
            else:
                # '"Even two islands may be out of reach if Moscow insists," she said.'
                m = _TRAIL_COND.match(prop)
                if m and len(m["rest"].split()) >= 3:
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
        condition = None
        # ", which is set for …", ", where he is expected to …": an aside, not the claim
        cut = _ASIDE.search(prop)
        if cut and len(prop[: cut.start()].split()) >= 4:
            prop = prop[: cut.start()]
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
        if prop not in st.text:
            offset = text.find(prop.split()[0], st.start) if prop.split() else st.start
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
                # the same predicate, not just a shared word ("Kim would denuclearize" +
                # "Kim was open to denuclearization"; not "Yoon agreed to …" + "Yoon invited …")
                and len(d["core"] & core) * 2 >= min(len(d["core"]), len(core))
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
    seen: set[tuple[str, str]] = set()
    for d in drafts:
        key = (d["claimant"], d["text"].casefold())
        if key in seen:
            continue
        seen.add(key)
        ev = tuple(d["evidence"])
        via = next((statements[i].reported_via for i in ev if statements[i].reported_via), None)
        conf = max(statements[i].confidence for i in ev)
        if d["subject"] is None:
            conf *= 0.9  # "the meeting was meant as a message": no actor the claim is about
        claims.append(
            Claim(d["claimant"], d["subject"], d["text"], d["condition"], ev, via, round(conf, 3))
        )
    return tuple(claims)


def _sentence_props(words: str) -> list[str]:
    """'We agreed. I can say that it is over. Can we go?' -> ['we agreed', 'it is over']."""
    out = []
    for part in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])", words.strip()):
        part = part.strip()
        if not part or part.rstrip("\"”’' ").endswith("?"):
            continue
        prop = part.rstrip(",.;:!\"”’' ")
        prop = _FRAME.sub("", prop)
        first = prop.split()[0] if prop.split() else ""
        if first in ("We", "It", "This", "That", "There", "The", "Our", "Today's", "What"):
            prop = first.lower() + prop[len(first) :]
        if len(prop.split()) >= 3:
            out.append(prop)
    return out


def _direct_props(text: str, st: Statement, prev: Statement | None) -> list[str]:
    """Propositions in a direct quote: each whole quoted sentence, and the rest of a quote
    split by "he said" ('"…," he said, "and cooperation is vital."' -> 'cooperation is vital').

    A fragment inside reported speech ("frank") is not one (see `_clause_of_fragment`).
    """
    before = text[max(0, st.start - 4) : st.start]
    whole = re.search(r"(?:^|[\n:]\s*|[.!?][\"”’']?\s+)[\"“‘']$", "\n" + before)
    words = st.text.split()
    if whole and len(words) >= 5 and st.text[:1].isupper():
        return _sentence_props(st.text)
    cont = re.match(r"(?:and|but)\s+(?=\w)", st.text)
    if (
        cont
        and prev is not None
        and prev.direct
        and (prev.utterance == st.utterance or (prev.cue is not None and prev.cue == st.cue))
        and len(words) >= 5
    ):
        return _sentence_props(st.text[cont.end() :])
    return []


def _clause_of_fragment(text: str, st: Statement) -> tuple[int, int, str] | None:
    """The reported clause around a quoted fragment, marks removed.

    'Lena Moss said the talks were "very useful" for both.' -> 'the talks were very useful for both'
    'Moss called Peru "a good friend".' -> 'Peru is a good friend'
    """
    cue = st.cue
    if cue is None or cue.end > st.start:
        return None
    # "The last round, held in May, was described by X as "a waste of time."" -> "the last
    # round was a waste of time"
    sent_start = max(text.rfind(ch, 0, cue.start) for ch in ".!?\n") + 1
    pm = _PASSIVE.search(text, sent_start, cue.start)
    if pm and re.fullmatch(r"\s+as\s+", text[cue.end : st.start - 1]):
        subj = re.sub(r",[^,]*,", "", text[sent_start : pm.start()]).strip()
        if subj.startswith("The "):
            subj = "the " + subj[4:]
        if 1 <= len(subj.split()) <= 8:
            return sent_start, st.end, f"{subj} {pm['be']} {st.text.strip().rstrip(',.;:!? ')}"
    stop = st.end
    # 'were "warm and useful." "If …': a sentence ending inside the marks ends the clause
    while not st.text.rstrip().endswith((".", "!", "?")) and stop < len(text):
        if text[stop] in ".!?\n":
            break
        stop += 1
    # the fragment sits inside the cue's sentence, after some of the clause's own words
    # ('said: "…"' and '"…," he said, "…"' are whole quotes, not fragments)
    gap = text[cue.end : st.start - 1]
    if "\n" in gap or not re.search(r"\w", gap):
        return None
    verb = text[cue.start : cue.end].split()[-1] if text[cue.start : cue.end].split() else ""
    start = cue.end
    # a later fragment of the same sentence ('regrets "X" and would take "Y"'): its own
    # coordinated predicate or clause, after the last earlier quote
    marks = [i for i, ch in enumerate(gap) if ch in '"“”']
    tail = gap[marks[-1] + 1 :] if marks else gap
    if re.search(r"[.!?:;]", tail) or (marks and not re.search(r"\b(?:and|but)\s", tail)):
        return None
    offset = cue.end + (marks[-1] + 1 if marks else 0)
    # "… and that it was "regrettable" …": the coordinated clause holding the fragment
    last = max(
        re.finditer(r"\b(?:and|but)\s+(?:that\s+)?" if marks else r"\b(?:and|but)\s+that\s+", tail),
        key=lambda m: m.end(),
        default=None,
    )
    if last is not None:
        start = offset + last.end()
    else:
        m = re.match(r"\s+(?:[\w'’.-]+\s+){0,6}?that\s+", text[start:stop])
        if m:
            start += m.end()
        elif verb in _TOLD:
            obj = _told_object_end(text, start, stop)
            if obj is None:
                return None
            start = obj
    body = text[start:stop]
    # the end of the clause: a coordinated "and that", ", according to", ", while"
    cut = re.search(r",?\s+(?:and|but)\s+that\s|,\s+according\s+to\b|,\s+(?:while|whereas)\s", body)
    if cut:
        body = body[: cut.start()]
    # "… should "move beyond the past" and work together …, which …": a second predicate
    # or a relative clause after the quoted words is another proposition
    cut = _AFTER_FRAGMENT.search(body, max(0, st.end + 1 - start))
    if cut:
        body = body[: cut.start()]
    body = body.translate(_QUOTE_MARKS).strip().rstrip(",.;:!? ")
    if verb in ("called", "calls", "described", "describes"):
        # "called South Korea "a reliable partner"" -> "South Korea is a reliable partner"
        q = text[st.start - 1 : st.start]
        obj = text[cue.end : st.start - (1 if q in '“"' else 0)].strip()
        obj = re.sub(r"\s+as$", "", obj)
        if not obj or len(obj.split()) > 6:
            return None
        be = "are" if re.search(r"[^s'’]s$", obj) else "is"
        body = f"{obj} {be} {st.text.strip().rstrip(',.;:!? ')}"
    if len(body.split()) < 3 or len(body.split()) <= len(st.text.split()):
        return None
    return start, stop, body
