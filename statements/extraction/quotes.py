"""Direct quotes and reported speech, with their speakers.

Quotes are found per paragraph (a quote may run over several paragraphs, re-opened on
each); cues are "<actor> <verb>", "<verb> <actor>" and "according to <actor>" outside
quotes. Each quote is attributed to the adjacent cue, else the cue earlier in its
sentence, else the last speaker of the paragraph (carry-over).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .actors import ActorTable, Found
from .reference import ref_pattern, reference
from .sentences import Paragraph, Sentence
from .types import ActorKind, Span, Statement

_OPEN = "“„«"
_CLOSE = "”»"
_PRONOUN_CUE = re.compile(r"\b(?P<p>[Hh]e|[Ss]he)\s+(?P<rest>(?:\w+\s+){0,2}?)")
_THAT = re.compile(r"\bthat\s+")
_AND_THAT = re.compile(r",?\s+(?:and|but)\s+that\s+")
_PREP_START = re.compile(
    r"^\s*(?:after|before|in|on|at|during|while|when|from|to|with|without|late|early|last|"
    r"this|earlier|later|then|on\s+\w+day|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tonight|\.|,|$)",
    re.I,
)
# verbs whose words follow them bare ("said 32 deals were signed"); the rest need a clause
_BARE_CLAUSE_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "added",
        "adds",
        "wrote",
        "writes",
        "reported",
        "reports",
        "noted",
        "notes",
        "note",
        "stressed",
        "stresses",
        "warned",
        "warns",
        "insisted",
        "insists",
        "argued",
        "argues",
        "believes",
        "believed",
        "thinks",
        "explained",
        "explains",
        "claimed",
        "claims",
        "asserted",
        "asserts",
        "stated",
        "states",
        "tweeted",
        "posted",
        "replied",
        "replies",
        "responded",
        "responds",
        "continued",
        "predicted",
        "predicts",
        "suggested",
        "suggests",
        "emphasized",
        "emphasised",
        "emphasizes",
        "acknowledged",
        "acknowledges",
        "recalled",
        "observed",
        "commented",
        "indicated",
        "signaled",
        "signalled",
        "hinted",
        "maintained",
        "maintains",
        "admitted",
        "admits",
        "conceded",
        "complained",
        "cautioned",
        "countered",
    ]
) | {"pointed out"}
_ACCORDING_TAIL = re.compile(r",\s+according\s+to\b")
_TOLD = ("told", "tells", "tell")
# the object of "told": "reporters", "journalists", "a press briefing", "the Kyrgyz
# parliament", "RFE/RL", "Yoon", "Anadolu", then adverbials ("last week", "after the
# session", "on Monday")
_TOLD_OBJECT = re.compile(
    r"\s+(?:reporters|journalists|(?:a|an|the)\s+(?:[\w/-]+\s+){0,3}?[\w/-]+|"
    r"[A-Z][\w/.-]*(?:\s+[A-Z][\w/.-]*){0,3}(?:['’]s\s+[\w ]+?)?|(?:him|her|them|us))"
    r"(?:\s+(?:in|on|at|after|before|during|by|over|late|early|last|this|earlier|later)"
    r"(?:\s+(?!that\b)[\w'’-]+){1,4}?|\s+(?:yesterday|today|afterwards|later|then|earlier))*"
)
# a clause after "told <object>" without "that": a pronoun, or a noun phrase and its verb
_FINITE = (
    r"(?:was|were|is|are|had|has|have|would|will|could|can|did|does|should|might|may|must|"
    r"wanted|hoped|planned|expected)\b"
)
_CLAUSE_START = re.compile(
    r"(?:he|she|they|it|we|i|there)\s+\w"
    rf"|(?:the|a|an|his|her|their|its|our|[A-Z][\w'’-]+)\s+(?:[\w'’-]+\s+){{0,5}}?{_FINITE}"
)


def _has_verb(words: str) -> bool:
    """'reporters the leaders agreed' -> True; 'Russian news agencies last week' -> False."""
    prev = ""
    for w in re.findall(r"[\w'’-]+", words):
        if re.fullmatch(_FINITE, w) or w in ("said", "says", "told", "showed", "shows"):
            return True
        if (
            re.fullmatch(r"[a-z]+ed", w)
            and prev
            and prev.lower() not in ("a", "an", "the", "its", "their", "his", "her", "our")
            and not _PREP_START.match(prev)
        ):
            return True
        prev = w
    return False


def _told_object_end(text: str, start: int, end: int) -> int | None:
    """Where the object of "told" and its adverbials end: 'told RFE/RL they …' -> after 'RFE/RL'."""
    m = _TOLD_OBJECT.match(text, start, end)
    if m and re.match(r"\s+\S", text[m.end() : end]):
        return m.end()
    return None


@dataclass(frozen=True)
class Quote:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark, or paragraph end)
    open_at: int  # position of the opening mark
    close_at: int | None  # position of the closing mark; None when continued next paragraph
    paragraph: int
    continues: bool = False  # re-opened continuation of the previous paragraph's quote


@dataclass(frozen=True)
class Cue:
    speaker: str | None  # None for an unresolved pronoun
    start: int
    end: int  # end of the verb
    verb: str
    inverted: bool = False  # "said Putin"
    according: bool = False  # "according to X"
    pronoun: bool = False
    mention_start: int = -1
    mention_end: int = -1
    parenthetical: bool = False  # "Kim, speaking through an interpreter, said"


def find_quotes(text: str, paras: tuple[Paragraph, ...]) -> tuple[Quote, ...]:
    """Quoted spans; a paragraph left open and the next re-opened continue one quote.

    '"A," he said. "B."' -> content spans 'A,' and 'B.'
    """
    out: list[Quote] = []
    carry = False
    for p in paras:
        open_at: int | None = None
        cont = False
        for i in range(p.start, p.end):
            ch = text[i]
            if ch in _OPEN or (ch == '"' and open_at is None and _opens(text, i, p.start)):
                if open_at is None:
                    open_at = i
                    cont = carry and i == p.start
                continue
            if (ch in _CLOSE or ch == '"') and open_at is not None:
                if i > open_at + 1:
                    out.append(_quote(text, open_at, i, p.index, cont))
                open_at = None
                cont = False
        carry = False
        if open_at is not None:
            nxt = p.index + 1
            following = paras[nxt] if nxt < len(paras) else None
            if following is not None and text[following.start] in _OPEN + '"':
                carry = True
            out.append(_quote(text, open_at, None, p.index, cont, p.end))
    return tuple(q for q in out if q.end > q.start)


def _opens(text: str, i: int, lo: int) -> bool:
    return i == lo or text[i - 1].isspace() or text[i - 1] in "([—–-:;,"


def _quote(
    text: str, open_at: int, close_at: int | None, para: int, cont: bool, end: int | None = None
) -> Quote:
    start = open_at + 1
    stop = close_at if close_at is not None else end
    assert stop is not None
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return Quote(start, stop, open_at, close_at, para, cont)


def _inside(pos: int, quotes: tuple[Quote, ...]) -> bool:
    return any(q.open_at <= pos < (q.close_at if q.close_at is not None else q.end) for q in quotes)


def find_cues(
    text: str, sentences: tuple[Sentence, ...], table: ActorTable, quotes: tuple[Quote, ...]
) -> list[Cue]:
    """Attribution cues outside quotes.

    'Putin said, The Associated Press reported.' -> Cue(Putin, said), Cue(The Associated Press, reported)
    """
    ref = reference()
    verbs = "|".join(sorted(ref.speech_verbs, key=len, reverse=True))
    adverbs = "|".join(sorted(ref.adverbs, key=len, reverse=True))

    def after() -> str:
        # "China's official Xinhua news agency said": a descriptor after an outlet's name
        # "A Western diplomat in Moscow said", "Senator Ann Roe of Ohio called": where the
        # speaker is from; "Vice President Kamala
        # Harris, who told him …": a relative clause's verb
        return (
            r"(?:,\s+who(?=\s))?"
            r"(?:\s+(?:news agency|agency|newspaper|daily|television|TV|press service|"
            r"broadcaster|news service))?"
            r"(?:\s+(?:in|from|of|at)\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?"
            rf"\s+(?:(?:{adverbs})\s+)*(?P<v>{verbs})\b"
        )

    def inverted() -> str:
        inverted_verbs = "|".join(sorted(ref.inverted_verbs, key=len, reverse=True))
        return (
            rf"(?:[,”\"]\s*|^)(?P<v>{inverted_verbs})\s+(?:(?:{ref.surface_re.pattern})['’]s\s+(?:\w+\s+)?)?"
            r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame)\.?\s+)?$"  # "said Dr Helen Marsh"
        )

    after_rx = ref_pattern(ref, "cue_after", after)
    inv_rx = ref_pattern(ref, "cue_inverted", inverted)
    acc_rx = re.compile(r"\b[Aa]ccording to\s+(?:(?:the|a|an)\s+)?$")
    poss_rx = ref_pattern(ref, "cue_possessive", lambda: rf"(?:{ref.surface_re.pattern})['’]s\s+$")
    found = [f for f in table.found if not _inside(f.start, quotes)]
    # drop mentions nested inside a longer one ("NPR" in "NPR's Moscow correspondent Lucian Kim")
    outer = [
        f
        for f in found
        if not any(
            g is not f
            and g.start <= f.start
            and f.end <= g.end
            and (g.end - g.start) > (f.end - f.start)
            for g in found
        )
    ]
    # "Kim, speaking through an interpreter, said" / "A spokesman for the ministry, Gao Feng,
    # said" / "Yang, in comments carried by Chinese state television, said": a parenthetical
    # (or an empty one: an appositive name) between the speaker and the verb.
    # (two of them: "Ms Ana Ruiz, Minister in the Prime Minister's Office, who also
    # attended, said"; a role title opens one as well)
    paren = (
        r"(?:(?:who|whose)\s[^,;\"“”\n]{1,200}?|"  # a long relative clause
        r"(?!(?:and|but|or|while|whereas|as)\s)"
        rf"(?=[a-z“\"]|(?:A|An|The)\s|[A-Z][\w.-]*['’]s\s|(?:{ref.title_re})\b)"
        r"[^,;\"“”\n]{1,90}?)"
    )
    paren_rx = re.compile(rf",\s+(?:{paren},\s+){{0,2}}(?:(?:{adverbs})\s+)*(?P<v>{verbs})\b")
    starts = {f.start for f in outer}
    cues: list[Cue] = []
    for s in sentences:
        for f in (f for f in outer if s.start <= f.start < s.end):
            # "Critics in Japan say", "Seoul's ambassador to Japan, told": a name inside a
            # prepositional phrase is not the subject of the verb after it
            prep = re.search(
                r"\b(?:in|from|to|of|at|for)\s+(?:the\s+)?$",
                text[max(s.start, f.start - 12) : f.start],
            )
            # "Ana Ruiz and Leo Sal told Xi that …": words of two are a joint statement,
            # not anyone's own
            # ("U.S. and South Korean officials said" is one group's words)
            if (
                f.kind != ActorKind.GROUP
                and re.search(r"\band\s+(?:[A-Z][\w'’.-]*\s+){0,4}$", text[s.start : f.start])
                and not _has_verb(text[s.start : f.start])
                and any(s.start <= g.start < f.start and g.kind != ActorKind.GROUP for g in outer)
            ):
                continue
            # "Kim, who analysts say has become …": the verb sits inside a relative clause;
            # "… whether Lima believed …": inside a question
            if re.search(
                r"\b(?:who|whom|which|whether)\s+$", text[max(s.start, f.start - 9) : f.start]
            ):
                continue
            m = None if prep else after_rx.match(text, f.end, s.end)
            if not m and not prep:
                m = paren_rx.match(text, f.end, s.end)
                if m:
                    # "..., with Putin, said Peskov": the verb belongs to the name after it
                    nxt = re.match(r"\s+(?:the\s+|[A-Z][\w.]*\s+)*", text[m.end() : m.end() + 60])
                    # …but not "X, who is a senior official, said North Korea could …": a
                    # name followed by its own verb is the reported clause's subject
                    # ("…, Bayo Onanuga, said the Nigerian president had …": a name that
                    # does not end the clause is the reported clause's subject too)
                    if m["v"] not in ("told", "tells") and any(
                        m.end() < g <= m.end() + (nxt.end() if nxt else 1)
                        and not _SUBJECT_OF_CLAUSE.match(text, _mention_end(outer, g))
                        and re.match(r"[.,;:]|\s*$", text[_mention_end(outer, g) :][:2])
                        for g in starts
                    ):
                        m = None
            if m and _not_speech(text, m.end(), m["v"]):
                m = None
            if m and not _inside(m.start("v"), quotes):
                start = f.start
                pm = poss_rx.search(text, max(s.start, f.start - 40), f.start)
                if pm and pm.end() == f.start:
                    start = pm.start()
                cues.append(
                    Cue(
                        f.actor,
                        start,
                        m.end(),
                        m["v"],
                        mention_start=f.start,
                        mention_end=f.end,
                        parenthetical=text[f.end : m.start("v")].lstrip().startswith(","),
                    )
                )
                continue
            # "was described by EU foreign policy chief Ana Ruiz as "…"": a passive cue
            if _PASSIVE_BY.search(text, max(s.start, f.start - 60), f.start) and re.match(
                r"\s+as\b", text[f.end : f.end + 4]
            ):
                cues.append(
                    Cue(
                        f.actor,
                        f.start,
                        f.end,
                        "described",
                        mention_start=f.start,
                        mention_end=f.end,
                    )
                )
                continue
            im = inv_rx.search(text, s.start, f.start)
            if im and im.end() == f.start and not _SUBJECT_OF_CLAUSE.match(text, f.end):
                cues.append(
                    Cue(
                        f.actor,
                        im.start("v"),
                        f.end,
                        im["v"],
                        inverted=True,
                        mention_start=f.start,
                        mention_end=f.end,
                    )
                )
                continue
            am = acc_rx.search(text, s.start, f.start)
            if am and am.end() == f.start:
                cues.append(
                    Cue(
                        f.actor,
                        am.start(),
                        f.end,
                        "according to",
                        according=True,
                        mention_start=f.start,
                        mention_end=f.end,
                    )
                )
        for m in re.finditer(
            rf"\b(?:[Hh]e|[Ss]he|(?P<it>[Ii]t))\s+(?:(?:{adverbs})\s+)*(?P<v>{verbs})\b",
            text[s.start : s.end],
        ):
            st = s.start + m.start()
            if m["it"] and m["v"] not in _IT_VERBS:
                continue
            # "declined to say whether he believed …": a question, not what he said
            if re.search(r"\b(?:whether|if)\s+$", text[max(s.start, st - 9) : st]):
                continue
            if not _inside(st, quotes) and not _not_speech(text, s.start + m.end(), m["v"]):
                cues.append(
                    Cue(
                        None,
                        st,
                        s.start + m.end(),
                        m["v"],
                        pronoun=True,
                        mention_start=st,
                        mention_end=st + 2 + (text[st] in "Ss"),
                    )
                )
        cues.extend(_second_verbs(text, s, cues, outer, quotes, adverbs))
    cues.sort(key=lambda c: c.start)
    # "Yang, in comments carried by Chinese state television, said": two mentions before
    # one verb; the first is the subject, the other sits in the parenthetical
    seen_verb: set[int] = set()
    kept: list[Cue] = []
    for c in cues:
        if not c.inverted and not c.according and not c.pronoun and c.end in seen_verb:
            continue
        # "X, Mauritania's minister, told VOA that …": the verb is X's; the outlet after it
        # is whom he told, not an inverted "said Peskov"
        if c.inverted and any(
            not k.inverted and k.start < c.start < k.end <= c.mention_start for k in kept
        ):
            continue
        seen_verb.add(c.end)
        kept.append(c)
    return kept


# "agreed to build", "agreed on Tuesday to meet", "had argued over the goal", "asked not to
# be identified": these verbs report speech only with a clause or a quote
_NOT_SPEECH_AFTER = re.compile(
    r"\s+(?:(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|"
    r"yesterday)\s+)?(?:not\s+)?(?:to|on|over|about|with|for|against|upon|in\s+principle)\b",
    re.I,
)
_CLAUSE_ONLY_VERBS = frozenset(
    {
        "agreed",
        "argued",
        "argues",
        "continued",
        "pledged",
        "pledges",
        "promised",
        "promises",
        "vowed",
        "vows",
        "asked",
    }
)


def _not_speech(text: str, verb_end: int, verb: str) -> bool:
    """'Lima and Quito agreed Tuesday to meet' -> True; 'agreed that the row was over' -> False."""
    if verb in ("replied", "replies", "responded", "responds"):
        # "replied with a speech that …", "responded by summoning the envoy"
        return bool(re.match(r"\s+(?:with|by)\b", text[verb_end : verb_end + 6]))
    if verb in ("warned", "warns", "cautioned", "cautions"):
        # "cautioned against expecting rapid change": a warning about a thing, not words
        return bool(re.match(r"\s+(?:against|of|about)\b", text[verb_end : verb_end + 10]))
    if verb in ("recalled", "recalls"):
        # "Algiers recalled its ambassador": calling someone back, not remembering aloud
        return bool(
            re.match(r"\s+(?:its|his|her|their|the|an?)\s+\w+", text[verb_end : verb_end + 40])
        ) and not re.match(r"\s+(?:the|an?)\s+\w+\s+(?:of|that|when|how)\b", text[verb_end:])
    if verb in ("said", "says") and re.match(
        r"\s+(?:little|nothing|less|much|no\s+more)\b", text[verb_end : verb_end + 12]
    ):
        return True  # "said little in public": nothing reported
    if verb not in _CLAUSE_ONLY_VERBS:
        return False
    if verb in ("asked",) and not re.match(r"\s+(?:not\s+)?to\b", text[verb_end:]):
        return False
    return bool(_NOT_SPEECH_AFTER.match(text, verb_end))


_PASSIVE_BY = re.compile(
    r"\b(?:described|called|dismissed|labell?ed|branded|characteri[sz]ed)\s+by\s+"
    r"(?:[\w'’-]+\s+){0,5}$"
)
# "Tokayev accepted the invitation, it said": an institution's pronoun
_IT_VERBS = frozenset({"said", "says", "added", "adds", "reported", "reports", "stated"})
# "X called Y "…" and said …", "…," he said, adding that …": a second verb of the same subject
_SECOND_VERB = re.compile(
    r"(?:,\s*|\s+)(?:and|but)\s+(?:(?P<adv>\w+)\s+)?(?P<v>said|says|added|adds|told|tells|"
    r"noted|stressed|warned|insisted|stated|explained|acknowledged|announced|confirmed)\b"
    r"|,\s+(?P<p>adding|saying|noting|stressing|insisting|warning|arguing|explaining)\b"
)
_WITH_PARTICIPLE = re.compile(r"\s+(?P<p>saying|adding|noting|stressing|insisting|warning)\b")
_PARTICIPLE_VERB = {
    "adding": "added",
    "saying": "said",
    "noting": "noted",
    "stressing": "stressed",
    "insisting": "insisted",
    "warning": "warned",
    "arguing": "argued",
    "explaining": "explained",
}


def _second_verbs(
    text: str,
    s: Sentence,
    cues: list[Cue],
    found: list[Found],
    quotes: tuple[Quote, ...],
    adverbs: str,
) -> list[Cue]:
    """Cues for a second verb of the sentence's speaker.

    'Lima called the deal "fair" and said talks would go on.' -> Cue(Lima, said)
    """
    out: list[Cue] = []
    # "…, with negotiators saying they were close": the name before the participle
    for f in found:
        if not s.start <= f.start < s.end:
            continue
        pm = _WITH_PARTICIPLE.match(text, f.end, s.end)
        if pm and re.search(r"\bwith\s+$", text[max(s.start, f.start - 6) : f.start]):
            out.append(
                Cue(
                    f.actor,
                    f.start,
                    pm.end(),
                    _PARTICIPLE_VERB[pm["p"]],
                    mention_start=f.start,
                    mention_end=f.end,
                )
            )
    for m in _SECOND_VERB.finditer(text, s.start, s.end):
        v_start = m.start("v") if m["v"] else m.start("p")
        v_end = m.end("v") if m["v"] else m.end("p")
        if m["adv"] and not re.fullmatch(adverbs, m["adv"]):
            continue
        if _inside(v_start, quotes) or any(c.end == v_end for c in cues):
            continue
        if m["p"] is None and _not_speech(text, v_end, m["v"]):
            continue
        prior = [c for c in cues if s.start <= c.start and c.end <= m.start()]
        if prior:
            p = prior[-1]
            if p.according:
                continue
            speaker, pronoun, ms, me = p.speaker, p.pronoun, p.mention_start, p.mention_end
        else:
            # the sentence's subject: a name opening it ("Erdogan hosted them and said …")
            subj = next(
                (
                    f
                    for f in found
                    if s.start <= f.start < m.start()
                    and re.fullmatch(r"(?:The\s+)?", text[s.start : f.start])
                ),
                None,
            )
            if subj is None:
                continue
            speaker, pronoun, ms, me = subj.actor, False, subj.start, subj.end
        verb = m["v"] or _PARTICIPLE_VERB[m["p"]]
        out.append(
            Cue(speaker, v_start, v_end, verb, pronoun=pronoun, mention_start=ms, mention_end=me)
        )
    return out


# "said North Korea could scrap …": the name after the verb starts the reported clause
_SUBJECT_OF_CLAUSE = re.compile(
    r"\s+(?:could|would|will|can|may|might|must|should|had|has|have|was|is|were|are|did|"
    r"does|do|wants?|wanted|plans?|planned)\b"
)


_CAPITALISED_LEAD = re.compile(r"\s*(?:[A-Z][\w'’.-]*\s+)+")


def _mention_end(found: list[Found], start: int) -> int:
    return next((f.end for f in found if f.start == start), start)


def _resolve_pronoun(
    cue: Cue,
    table: ActorTable,
    statements: list[Statement],
    paras: tuple[Paragraph, ...],
    para: int,
    text: str = "",
) -> str | None:
    """'he said' -> the latest person who spoke, or was the subject of a sentence, before it.

    'Prime Minister Lena Moss arrived late. "It was long," she said.' -> 'Lena Moss'
    """
    # the previous paragraph; three back when those name no one ("Prime Minister X opened
    # the summit. / The Thai premier also called for … / "…," she said.")
    for back in (1, 3):
        lo = paras[max(0, para - back)].start
        if any(
            lo <= f.start < cue.start and f.kind == ActorKind.PERSON for f in table.found
        ) or any(lo <= s.start < cue.start for s in statements):
            break
    if text and text[cue.mention_start : cue.mention_start + 3].lower().startswith("it"):
        # "it said": the last institution, outlet or state that spoke before
        bodies = [
            (s.start, s.speaker)
            for s in statements
            if lo <= s.start < cue.start and table.kind(s.speaker) != ActorKind.PERSON
        ]
        return max(bodies)[1] if bodies else None
    candidates: list[tuple[int, str]] = [
        (s.start, s.speaker)
        for s in statements
        if lo <= s.start < cue.start and table.kind(s.speaker) == ActorKind.PERSON
    ]
    people = [f for f in table.found if lo <= f.start < cue.start and f.kind == ActorKind.PERSON]
    for f in people:
        before = text[max(0, f.start - 3) : f.start].strip() if text else ""
        if not before or before[-1] in '.!?"”:;' or f.start in (p.start for p in paras):
            candidates.append((f.start, f.actor))  # sentence subject
        elif text and re.search(
            r"(?:^|[.!?”\n]\s*)(?:For|To|As for)\s+$", text[max(0, f.start - 12) : f.start]
        ):
            candidates.append((f.start, f.actor))  # "For X, a researcher, …": the topic
        elif text and _CAPITALISED_LEAD.fullmatch(
            text, max(text.rfind(ch, 0, f.start) for ch in ".!?\n") + 1, f.start
        ):
            # "Northern Ireland's First Minister X welcomed …": only capitalised modifiers
            # stand before the name, so it still opens the sentence
            candidates.append((f.start, f.actor))
        elif text and re.search(r"\b(?:was|is|were)\s+$", text[max(0, f.start - 6) : f.start]):
            # "Standing beside him was Vice Foreign Minister Choe Son Hui."
            candidates.append((f.start, f.actor))
    if text:
        # "Kim Jong Un might lose his willingness …, she said": the referent is never
        # someone inside the words reported before the cue
        if text[max(0, cue.start - 2) : cue.start] == ", ":
            sent_start = max(text.rfind(ch, 0, cue.start) for ch in ".!?\n") + 1
            candidates = [c for c in candidates if c[0] < sent_start] or candidates
        # "Ms Rajah … she said" / "Mr Lee … he said": a courtesy title gives the gender
        female = text[cue.mention_start : cue.mention_start + 3].lower().startswith("she")
        gender = _genders(table)
        candidates = [c for c in candidates if gender.get(c[1], female) == female] or candidates
    if candidates:
        return max(candidates)[1]
    return people[-1].actor if people else None


def _genders(table: ActorTable) -> dict[str, bool]:
    """actor -> True (female) / False (male) from courtesy titles in its mentions:
    'Ms Indira Rao' -> True, 'Mr Tan' -> False."""
    out: dict[str, bool] = {}
    for f in table.found:
        if f.kind != ActorKind.PERSON:
            continue
        m = re.match(r"(Mrs|Ms|Miss|Madam|Mme|Mr|Monsieur|Sir|Lady|Dame)\.?\s", f.text)
        if m:
            out[f.actor] = m.group(1) in ("Mrs", "Ms", "Miss", "Madam", "Mme", "Lady", "Dame")
    return out


def _outlet_of(actor: str, table: ActorTable) -> str | None:
    kind = table.kind(actor)
    if kind == ActorKind.MEDIA:
        return actor
    if kind == ActorKind.PERSON:
        org = table.affiliation.get(actor)
        if (org and table.kind(org) == ActorKind.MEDIA) or (
            org and reference().entities.get(org) and reference().entities[org].kind == "media"
        ):
            return org
    return None


# "ASTANA, June 12 (Yonhap) -- ", "BISHKEK -- ": a dateline opening the paragraph
_DATELINE_LEAD = re.compile(
    r"[A-Z][A-Z.'’ -]{1,40}[A-Z.](?:,\s+[A-Z][\w.'’ -]{1,40}?)?\s*(?:\([\w .&/-]{1,40}\))?"
    r"\s*[—–-]{1,2}\s+"
)


def _is_outlet(actor: str, table: ActorTable) -> bool:
    """A news outlet, known or named like one ('Somali National News Agency')."""
    return _outlet_of(actor, table) is not None or bool(
        re.search(r"\b(?:News|Press)\s+Agency\b|\bTelevision\b|\bBroadcasting\b", actor)
    )


def _subject_of(table: ActorTable, sent: Sentence | None) -> str | None:
    """The person opening the sentence: 'The Somali president, for his part, thanked …'."""
    if sent is None:
        return None
    return next(
        (f.actor for f in table.found if f.start == sent.start and f.kind == ActorKind.PERSON),
        None,
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    if start == 0 or text[start - 1] == "\n":
        m = _DATELINE_LEAD.match(text, start, end)
        if m:
            start = m.end()
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:—–-"):
        end -= 1
    return start, end


def extract_statements(
    text: str,
    paras: tuple[Paragraph, ...],
    sentences: tuple[Sentence, ...],
    table: ActorTable,
) -> tuple[Statement, ...]:
    """All statements in body paragraphs, ordered by position.

    '"Fine," Putin said. "Good."' -> two direct statements by Putin sharing one utterance
    'X, Putin said.' -> reported statement 'X'
    """
    quotes = find_quotes(text, paras)
    cues = find_cues(text, sentences, table, quotes)
    sent_of = {}
    for s in sentences:
        sent_of[s.start] = s

    def sentence_at(pos: int) -> Sentence | None:
        for s in sentences:
            if s.start <= pos < s.end:
                return s
        return None

    statements: list[Statement] = []
    used: set[int] = set()  # cue indexes attributed to quotes
    outlet_cues: set[int] = set()
    outlets: list[tuple[int, str, str, int]] = []  # (paragraph, speaker, outlet, position)
    quote_via: dict[int, str] = {}  # quote start -> the outlet named in its own sentence

    # Main vs reporting-outlet cues within one sentence.
    for s in sentences:
        idx = [i for i, c in enumerate(cues) if s.start <= c.start < s.end]
        for k, i in enumerate(idx):
            c = cues[i]
            if k == 0 or c.speaker is None:
                continue
            outlet = _outlet_of(c.speaker, table)
            if not outlet or c.verb not in reference().reporting_verbs | {"according to"}:
                continue
            before = text[s.start : c.start].rstrip()
            if not before.endswith((",", "—", "–")):
                continue
            main = cues[idx[k - 1]]
            if main.speaker in (None, c.speaker):
                if main.speaker is None:
                    outlets.append((s.paragraph, "", outlet, c.start))
                    outlet_cues.add(i)
                continue
            outlet_cues.add(i)
            outlets.append((s.paragraph, main.speaker, outlet, c.start))

    def resolve(i: int, c: Cue, para: int) -> tuple[str | None, float]:
        if c.speaker is not None:
            # An anonymous source or a group ("a senior official", "analysts") is a weaker
            # attribution than a name; so is a speaker separated from the verb by a
            # parenthetical ("Yang, in comments carried by state television, said").
            k = 0.85 if table.kind(c.speaker) == ActorKind.GROUP else 1.0
            return c.speaker, k * (0.9 if c.parenthetical else 1.0)
        who = _resolve_pronoun(c, table, statements, paras, para, text)
        if who is None:
            return None, 0.0
        cues[i] = replace(c, speaker=who)
        return who, 0.75

    # The closing mark of a quote running over several paragraphs: '"A.\n\n"B," Brandt
    # told NPR.' — the cue after the last paragraph names the speaker of the first.
    chain_close: dict[int, int] = {}
    for n, q in enumerate(quotes):
        if q.close_at is None and not q.continues:
            k = n + 1
            while k < len(quotes) and quotes[k].continues:
                if quotes[k].close_at is not None:
                    chain_close[n] = quotes[k].close_at + 1
                    break
                k += 1

    utterance = 0
    last_quote_speaker: dict[
        int, tuple[str, int, float, Span | None]
    ] = {}  # paragraph -> (speaker, utterance, conf, cue)
    prev_q: Quote | None = None
    for qn, q in enumerate(quotes):
        # 'their "no limits" partnership': a short quoted modifier between a determiner and
        # its noun is a label, not someone's statement ('the "excellent relationship"
        # between them' still is)
        close = (q.close_at + 1) if q.close_at is not None else q.end
        if (
            len(text[q.start : q.end].split()) <= 3
            # ('his "tireless efforts," according to …' ends with its own comma: words)
            and text[q.end - 1 : q.end] not in ",.;:!?"
            and re.search(
                r"\b(?:a|an|the|their|its|his|her|our|so-called)\s+$",
                text[max(0, q.open_at - 12) : q.open_at],
                re.I,
            )
            and re.match(
                r"\s+(?!(?:between|of|with|to|for|in|on|at|from|and|or|that|which|as|is|was|"
                r"were|are|had|has|have|would|will)\b)[a-z]+\b",
                text[close : close + 20],
            )
        ):
            prev_q = q
            continue
        speaker: str | None = None
        conf = 0.0
        cue_span: Span | None = None
        same_utt = False
        close_end = (q.close_at + 1) if q.close_at is not None else chain_close.get(qn, q.end)
        sent = sentence_at(q.open_at)
        if (
            q.continues
            and prev_q is not None
            and prev_q.paragraph == q.paragraph - 1
            and statements
        ):
            last = statements[-1]
            speaker, conf, cue_span, same_utt = last.speaker, last.confidence * 0.95, last.cue, True
        if speaker is None:
            for i, c in enumerate(cues):
                if i in outlet_cues:
                    continue
                gap_after = text[close_end : c.start] if c.start >= close_end else None
                gap_before = text[c.end : q.open_at] if c.end <= q.open_at else None
                same_after = sentence_at(max(close_end - 1, q.start)) == sentence_at(c.start)
                same_before = sentence_at(c.start) == sent or (
                    gap_before is not None and text[c.end : q.open_at].strip() == ":"
                )
                if (
                    gap_after is not None
                    and same_after
                    and (
                        (re.fullmatch(r"[\s,]*", gap_after) and len(gap_after) < 4)
                        # '"…," Foreign Adviser X told reporters': a title the actor table
                        # did not take into the name
                        or re.fullmatch(r"[\s,]{0,3}(?:[A-Z][a-z’'-]+\s+){1,2}", gap_after)
                    )
                ):
                    who, k = resolve(i, c, q.paragraph)
                    subj = _subject_of(table, sent) if c.according and who else None
                    if subj is not None and who and _is_outlet(who, table):
                        # 'X thanked Y for his "tireless efforts," according to the agency':
                        # the sentence's subject said it, the agency carried it
                        quote_via[q.start] = who
                        outlet_cues.add(i)
                        speaker, conf, cue_span = subj, 0.8, Span(c.start, c.end)
                        break
                    if who:
                        speaker, conf, cue_span = who, 0.95 * k, Span(c.start, c.end)
                        used.add(i)
                        break
                if (
                    gap_before is not None
                    and same_before
                    and re.fullmatch(r"(?:\s+(?:to\s+)?[\w’' ]{0,30}?)?\s*[,:]\s*", gap_before)
                ):
                    who, k = resolve(i, c, q.paragraph)
                    if who:
                        speaker, conf, cue_span = who, 0.95 * k, Span(c.start, c.end)
                        used.add(i)
                        break
        if speaker is None and sent is not None:
            # partial quote: the cue earlier in the same sentence
            prior = [
                (i, c)
                for i, c in enumerate(cues)
                if sent.start <= c.start
                and c.end <= q.open_at
                and i not in outlet_cues
                and not any(o.open_at > c.end and o.open_at < q.open_at for o in quotes)
            ]
            if prior:
                i, c = prior[-1]
                # 'KCNA said the chairman welcomed Moon "with the warmest feelings"': the
                # quoted words are those of the outer speaker, who reports the inner verb
                if len(prior) >= 2:
                    i0, c0 = prior[0]
                    between = text[c0.end : c.start]
                    if (
                        not c0.according
                        and c0.speaker is not None
                        and table.kind(c0.speaker) != ActorKind.PERSON
                        and re.fullmatch(
                            r"\s+(?:that\s+)?(?:(?:the|a|an|its|his|her|their)\s+)?", between
                        )
                        and not re.search(r"[;:]|,\s+(?:and|but|while)\b", between)
                        and len(between) < 80
                    ):
                        i, c = i0, c0
                who, k = resolve(i, c, q.paragraph)
                if who:
                    speaker, conf, cue_span = who, 0.9 * k, Span(c.start, c.end)
                    used.add(i)
        intro = sent
        before = text[: q.open_at].rstrip()
        if (
            speaker is None
            and before.endswith(":")
            and "\n" in text[len(before) : q.open_at]
            and not q.continues
        ):
            # 'X said in his closing speech:' closing one paragraph, the quote opening the
            # next: the colon's sentence introduces it
            intro = sentence_at(len(before) - 1)
        if (
            speaker is None
            and intro is not None
            and text[intro.start : q.open_at].rstrip()[-1:] == ":"
        ):
            sent = intro
            # 'He also set out the terms: "First, …"': a quote introduced by a colon is the
            # words of the sentence's subject, whatever the verb
            subj = next(
                (
                    f
                    for f in table.found
                    if f.start == sent.start and f.kind != ActorKind.STATE and f.end < q.open_at
                ),
                None,
            )
            if subj is not None:
                speaker, conf = subj.actor, 0.7
            elif re.match(r"(?:He|She)\s", text[sent.start : sent.start + 4]):
                pc = Cue(
                    None,
                    sent.start,
                    sent.start + 2,
                    "said",
                    pronoun=True,
                    mention_start=sent.start,
                    mention_end=sent.start + 2,
                )
                who = _resolve_pronoun(pc, table, statements, paras, q.paragraph, text)
                if who:
                    speaker, conf = who, 0.6
        if (
            speaker is None
            and prev_q is not None
            and prev_q.paragraph == q.paragraph
            and statements
        ):
            # split quote: '"A," X said. "B."'
            last = statements[-1]
            between = text[(prev_q.close_at or prev_q.end) + 1 : q.open_at]
            if (
                last.cue
                and last.cue.start >= (prev_q.close_at or prev_q.end)
                and not any(c.start > last.cue.end and c.end <= q.open_at for c in cues)
                and len(between) < 120
            ):
                speaker, conf, cue_span, same_utt = (
                    last.speaker,
                    last.confidence * 0.95,
                    last.cue,
                    True,
                )
        if speaker is None and q.paragraph in last_quote_speaker:
            who, _utt, _conf, cs = last_quote_speaker[q.paragraph]
            speaker, conf, cue_span = who, 0.7, cs
        if speaker is None:
            # carry-over: the paragraph's last speaker, else the previous paragraph's
            lo = paras[q.paragraph].start
            prior = [s for s in statements if s.start < q.open_at and lo <= s.start]
            prior_cues = [
                (i, c)
                for i, c in enumerate(cues)
                if lo <= c.start < q.open_at and i not in outlet_cues
            ]
            if prior_cues and (not prior or prior_cues[-1][1].start > prior[-1].start):
                i, c = prior_cues[-1]
                who, k = resolve(i, c, q.paragraph)
                if who:
                    speaker, conf, cue_span = who, 0.7 * k, None
            if speaker is None and prior:
                speaker, conf, cue_span = prior[-1].speaker, 0.7, None
            if speaker is None:
                p = paras[q.paragraph]
                only_quote = text[p.start : p.end].lstrip()[:1] in _OPEN + '"' and not any(
                    p.start <= c.start < p.end for c in cues
                )
                prev = [
                    s
                    for s in statements
                    if q.paragraph > 0 and paras[q.paragraph - 1].start <= s.start < p.start
                ]
                if only_quote and prev:
                    speaker, conf, cue_span = prev[-1].speaker, 0.6, None
        if speaker is None:
            prev_q = q
            continue
        if not same_utt:
            utterance += 1
        st = Statement(
            speaker=speaker,
            text=text[q.start : q.end],
            start=q.start,
            end=q.end,
            direct=True,
            utterance=utterance,
            confidence=round(conf, 3),
            cue=cue_span,
        )
        statements.append(st)
        last_quote_speaker[q.paragraph] = (speaker, utterance, conf, cue_span)
        prev_q = q

    # "X told Y that …, according to the office": a trailing "according to" after another
    # cue in the same sentence attributes the same words again; it reports nothing of its own
    secondary: set[int] = set()
    for i, c in enumerate(cues):
        if c.according and text[max(0, c.start - 2) : c.start].startswith(","):
            s = sentence_at(c.start)
            if s is not None and any(
                o is not c and not o.according and s.start <= o.start < c.start for o in cues
            ):
                secondary.add(i)

    # Reported speech.
    for i, c in enumerate(cues):
        if i in outlet_cues or i in secondary:
            continue
        s = sentence_at(c.start)
        if s is None:
            continue
        who, k = resolve(i, c, s.paragraph)
        if who is None:
            continue
        tail_end = s.end
        for j in outlet_cues:
            oc = cues[j]
            if s.start <= oc.start < s.end and oc.start > c.end:
                tail_end = min(tail_end, oc.start)
        span = _reported_clause(text, s, c, tail_end, cues)
        if span is None:
            continue
        a, b = span
        # 'said 32 agreements had been reviewed and that a new visa regime would …': each
        # clause coordinated by "and that" / "but that" is a statement of its own
        parts = []
        lo = a
        for sep in [*_AND_THAT.finditer(text, a, b), None]:
            hi = sep.start() if sep else b
            parts.append(_trim(text, lo, hi))
            lo = sep.end() if sep else b
        if i in used and not any(q.open_at < b and a < (q.close_at or q.end) + 1 for q in quotes):
            continue  # the cue of an adjacent quote ('"A," Putin said.')
        if any(q.open_at < b and a < (q.close_at or q.end) + 1 for q in quotes):
            # 'said the talks had been "frank" and that the two sides had prepared ...':
            # the quoted words are direct statements already; a coordinated "and that"
            # clause without quote marks is reported speech of its own.
            parts = []
            lo = a
            for sep in [*_AND_THAT.finditer(text, a, b), None]:
                hi = sep.start() if sep else b
                if not any(q.open_at < hi and lo < (q.close_at or q.end) + 1 for q in quotes):
                    parts.append(_trim(text, lo, hi))
                lo = sep.end() if sep else b
        utterance += 1
        conf = (0.85 if not c.according else 0.8) * k
        for a, b in parts:
            if len(text[a:b].split()) < 2:
                continue
            statements.append(
                Statement(
                    who,
                    text[a:b],
                    a,
                    b,
                    False,
                    utterance=utterance,
                    confidence=round(conf, 3),
                    cue=Span(c.start, c.end),
                )
            )

    statements.sort(key=lambda st: st.start)
    # a cue inside someone else's reported words is part of what they said
    statements = [
        st
        for st in statements
        if st.cue is None
        or not any(o is not st and o.start <= st.cue.start < o.end for o in statements)
    ]
    # A reporting outlet at the end of a paragraph covers that speaker's words in it.
    out = []
    for st in statements:
        para = next(p.index for p in paras if p.start <= st.start < p.end + 1)
        via = None
        for pidx, main, outlet, _pos in outlets:
            if pidx == para and (main == st.speaker or main == "") and outlet != st.speaker:
                via = outlet
        via = quote_via.get(st.start, via)
        out.append(replace(st, reported_via=via) if via else st)
    return tuple(out)


def _reported_clause(
    text: str, s: Sentence, c: Cue, tail_end: int, cues: list[Cue]
) -> tuple[int, int] | None:
    """The reported words of one cue.

    'X would go, Putin said after talks.' -> 'X would go'
    'Putin said after the talks that X was open.' -> 'X was open'
    'According to Putin, they agreed.' -> 'they agreed'
    'Putin called for new talks.' -> 'new talks'
    """
    ref = reference()
    if c.according:
        after = text[c.end : tail_end]
        # "According to the Ministry of Foreign Affairs (MFA), …": the acronym is no words
        m = re.match(r"\s*(?:\([A-Z][\w&.-]{1,12}\)\s*)?,\s*(?!\s|(?:who|whose|which)\s)", after)
        before = text[s.start : c.start]
        # "…, according to Itamaraty, Brazil's foreign ministry.": an appositive, not words
        if m and before.rstrip().endswith(",") and not _has_verb(after[m.end() :]):
            m = None
        if m:
            return _trim(text, c.end + m.end(), tail_end)
        if before.rstrip().endswith(","):
            return _trim(text, s.start, c.start)
        return None
    # "Pompeo said he had urged Russia to …, while Lavrov repeated …", "Biden announced
    # that Kim would serve as envoy, as he hosted Moon": a contrasting or circumstantial
    # clause with its own subject is not part of the reported words
    cut = re.search(r",\s+(?:while|whereas)\s|,\s+as\s+(?:he|she|they)\s", text[c.end : tail_end])
    if cut:
        tail_end = c.end + cut.start()
    # "…, before U.S. officials accused Beijing of …": a later event with its own subject
    for cut in re.finditer(r",\s+(?:before|although|though)\s+", text[c.end : tail_end]):
        nxt = text[c.end + cut.end() : tail_end]
        if _has_verb(" ".join(nxt.split()[:5])):
            tail_end = c.end + cut.start()
            break
    # "Yatimov said the maps would be swapped, according to the agency Khovar": the
    # source named after the words is attribution, not part of them
    cut = _ACCORDING_TAIL.search(text, c.end, tail_end)
    if cut:
        tail_end = cut.start()
    after = text[c.end : tail_end]
    if c.verb in ("called", "calls", "call"):
        m = re.match(r"\s+(?:for|on\s+\w+\s+to)\s+", after)
        if not m:
            return None
        return _trim(text, c.end + m.end(), tail_end)
    if c.verb in ref.object_verbs:
        # "urged Washington to …", "denied any interference": a noun object is not reported
        # speech, a that-clause is ("called for new talks" stays an appeal, above)
        m = re.match(r"\s+that\s+", after)
        if m:
            return _trim(text, c.end + m.end(), tail_end)
        after = ""
    tm = _THAT.search(after)
    pre = after[: tm.start()] if tm else ""
    if (
        tm
        # "Abe said he had told Moon that …": the "that" is the inner verb's
        and not any(c.end < o.start < c.end + tm.start() for o in cues)
        and len(pre.split()) <= 8
        and '"' not in pre
        and "“" not in pre
        # "said 32 deals were reviewed and that …", "said the visits showed that …": a
        # later "that" belongs to a coordinated or inner clause, not to the cue's verb
        and not re.search(r"(?:\b(?:and|but|or)|,)\s*$", pre)
        and (
            not pre.strip()
            or (c.verb not in _TOLD and _PREP_START.match(pre))
            # "repeated Moscow's view that …", "reiterated the position that …"
            or re.fullmatch(
                r"\s*(?:[\w'’-]+\s+){0,3}(?:view|position|belief|assessment|stance|conviction)\s*",
                pre,
            )
            or (c.verb in _TOLD and not _has_verb(pre))
        )
    ):
        return _trim(text, c.end + tm.end(), tail_end)
    if c.verb in _TOLD:
        # "told RFE/RL they were hopeful", "told reporters the leaders agreed that …"
        obj = _told_object_end(text, c.end, tail_end)
        if obj is not None:
            m = re.match(r"\s+", text[obj:tail_end])
            assert m is not None
            if _CLAUSE_START.match(text, obj + m.end(), tail_end):
                return _trim(text, obj + m.end(), tail_end)
    # skip a preceding quote or cue in the same sentence
    prev_cue_end = max(
        (o.end for o in cues if s.start <= o.end <= c.start and o is not c), default=s.start
    )
    lead = text[prev_cue_end : c.start]
    clause_before = (
        not after.strip()
        or _PREP_START.match(after)
        # "…, a diplomat told the Interfax news agency last month.": only the object follows
        or (c.verb in _TOLD and not _has_verb(after) and not re.search(r"\bthat\b", after))
    ) and lead.rstrip().endswith((",", "—"))
    if clause_before and (len(lead.split()) >= 3 or c.inverted):
        return _trim(text, prev_cue_end, c.start)
    if c.verb in ("told", "tells", "tell"):
        return None
    if after.strip() and not _PREP_START.match(after) and not c.inverted:
        # "announced more than $1 billion in aid": only a clause is reported speech after
        # a verb that also takes a noun object
        if c.verb not in _BARE_CLAUSE_VERBS and not _CLAUSE_START.match(after.lstrip()):
            return None
        return _trim(text, c.end, tail_end)
    return None
