"""Actor mentions: states, outlets, institutions, groups and people, resolved by context.

People are found by shape in positions where names occur (after a title, next to an
attribution verb, after an outlet's possessive, in an appositive); later bare surnames
and titles ("the president") are resolved to the person who owns that short form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .names import NAME_RE, NOT_NAME, TOKEN, UP, clean_name, surname, word_spans
from .reference import Reference, _load, ref_pattern, reference
from .types import Actor, ActorKind, Mention, Role, Span

_POSS = r"(?:'s|’s)"
# before a capital that stands for its state as a party (see _entity_mentions)
_CAPITAL_PARTY = re.compile(
    r"\b(?:(?:relations|ties|talks|dialogue|negotiations)\s+with|between|officials\s+from|"
    r"delegations?\s+from|(?:travel|travell?ed|travels|travell?ing|trip|flew|flies|fly|"
    r"return|returns|returned|returning)\s+to|(?:arrived|arrives|arrive|arriving)\s+in|"
    r"visit|visits|visited|visiting|(?:take|takes|took|taking)\s+(?:him|her|them|[A-Z][\w'’-]+)\s+to)"
    r"\s+$"
)
_LOCATIVE = re.compile(
    r"\b(?:in|at|on|from|to|near|into|across|outside|inside|around|of|visit|visited|visiting)\s+$",
    re.I,
)


@dataclass
class _Person:
    name: str
    surname: str
    first: int
    roles: list[Role] = field(default_factory=list)
    country: str | None = None
    affiliation: str | None = None  # outlet or organisation the person works for
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Found:
    """A mention plus what the later stages need to know about it."""

    actor: str
    kind: ActorKind
    start: int
    end: int
    text: str
    form: str = "name"  # name | surname | title | entity | group | capital
    head: int = -1  # where the bare name starts inside the mention (after any title)


@dataclass(frozen=True)
class ActorTable:
    actors: tuple[Actor, ...]
    found: tuple[Found, ...]  # sorted by start
    affiliation: dict[str, str]  # person -> outlet/organisation canonical name

    def mentions(self) -> tuple[Mention, ...]:
        return tuple(Mention(f.actor, f.start, f.end, f.text) for f in self.found)

    def kind(self, name: str) -> ActorKind | None:
        for a in self.actors:
            if a.name == name:
                return a.kind
        return None


def _spans_text(text: str, regions: tuple[Span, ...]):
    for r in regions:
        yield r.start, r.end


def _entity_mentions(text: str, regions: tuple[Span, ...], ref: Reference) -> list[Found]:
    """Known states, outlets and institutions; 'North and South Korea' counts twice.

    "Russian state TV reported" -> Found('Russian state TV', media)
    """
    out: list[Found] = []
    state_tv = ref_pattern(
        ref,
        "state_tv",
        lambda: (
            rf"\b(?P<dem>{'|'.join(re.escape(d) for d in sorted(ref.demonyms, key=len, reverse=True))})"
            r"\s+state(?:-run)?\s+(?P<what>TV|television|media|news agency|broadcaster)\b"
        ),
    )
    for start, end in _spans_text(text, regions):
        taken: list[tuple[int, int]] = []
        for m in state_tv.finditer(text, start, end):
            what = m["what"].replace("television", "TV")
            name = f"{m['dem']} state {what}"
            out.append(Found(name, ActorKind.MEDIA, m.start(), m.end(), m.group(), "entity"))
            taken.append((m.start(), m.end()))
        for m in ref.surface_re.finditer(text, start, end):
            if any(s <= m.start() < e for s, e in taken):
                continue
            ent = ref.entities[ref.surface[m.group()]]
            if (
                m.group() in ("US", "AP", "UN", "UK", "RT", "FT", "DW", "RIA")
                and text[max(0, m.start() - 40) : m.end() + 40].isupper()
            ):
                continue  # shouted headline, not an acronym
            out.append(
                Found(ent.name, ActorKind(ent.kind), m.start(), m.end(), m.group(), "entity")
            )
        # "North and South Korea": a shared head noun
        for m in re.finditer(rf"\b({TOKEN})\s+and\s+({TOKEN})\s+({TOKEN})\b", text[start:end]):
            first = f"{m[1]} {m[3]}"
            if first in ref.surface and f"{m[2]} {m[3]}" in ref.surface:
                ent = ref.entities[ref.surface[first]]
                s = start + m.start(1)
                out.append(Found(ent.name, ActorKind.STATE, s, s + len(m[1]), m[1], "entity"))
        accepted: list[int] = []
        for m in ref.capital_re.finditer(text, start, end):
            after = text[m.end() : m.end() + 40]
            before = text[max(0, m.start() - 4) : m.start()]
            if re.search(_POSS + r"\s$", before):
                continue  # "NPR's Moscow correspondent"
            lead = text[max(start, m.start() - 40) : m.start()]
            if re.match(_POSS, after) or re.match(r"\s+(?:correspondent|bureau|office)\b", after):
                pass  # "Seoul's ambassador", "a former Tokyo correspondent": a place
            elif (
                # the capital stands for its state as a party: "relations with Seoul",
                # "officials from Tokyo and Seoul", "talks between Pyongyang and Washington",
                # the destination of a trip ("arrived in Tokyo", "traveled to Beijing",
                # "visits Moscow"), and a reaction told from there ("In Washington, X said")
                _CAPITAL_PARTY.search(lead)
                or (
                    # "to A, and later to B and C": the same trip's further stops
                    re.search(
                        r"\b(?:and|or)\s+(?:(?:later|then|also|finally)\s+)?(?:to\s+)?$", lead
                    )
                    and accepted
                    and accepted[-1] > m.start() - 40
                )
                or (
                    after.startswith(",")
                    and re.search(r"(?:^|[.!?\"”]\s+|\n)In\s+$", text[start : m.start()])
                )
            ):
                name = ref.capitals[m.group()]
                out.append(Found(name, ActorKind.STATE, m.start(), m.end(), m.group(), "capital"))
                accepted.append(m.end())
                continue
            if re.match(
                rf"\s+(?:(?:{'|'.join(ref.adverbs)})\s+)*(?:{'|'.join(ref.speech_verbs)}|has|wants|insists|is|will|would)\b",
                after,
            ) or re.match(
                _POSS + r"\s+(?:position|response|stance|decision|view|demand|offer|reaction)",
                after,
            ):
                name = ref.capitals[m.group()]
                out.append(Found(name, ActorKind.STATE, m.start(), m.end(), m.group(), "capital"))
    return out


def _honorifics(ref: Reference) -> str:
    return "|".join(re.escape(h) for h in ref.honorifics)


def _group_mentions(text: str, regions: tuple[Span, ...], ref: Reference) -> list[Found]:
    """'Many analysts note' -> Found('analysts', group); 'Russian officials' -> 'Russian officials'."""

    def build() -> str:
        dem = "|".join(re.escape(d) for d in sorted(ref.demonyms, key=len, reverse=True))
        quant = "|".join(re.escape(q) for q in sorted(ref.quantifiers, key=len, reverse=True))
        return rf"\b(?:(?P<q>{quant})\s+)?(?:(?P<dem>{dem})\s+)?(?P<g>{'|'.join(ref.groups)})\b"

    rx = ref_pattern(ref, "groups", build, re.I)
    out = []
    for start, end in _spans_text(text, regions):
        for m in rx.finditer(text, start, end):
            if not m["g"].islower():
                continue
            dem_ok = m["dem"] and m["dem"][0].isupper() and m["dem"] in ref.demonyms
            name = f"{m['dem']} {m['g']}" if dem_ok else m["g"]
            out.append(Found(name, ActorKind.GROUP, m.start(), m.end(), m.group(), "group"))
    return out


@cache
def _bodies() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Patterns for state bodies, appositive organisations and anonymous sources."""
    ref = reference()
    data = _load("bodies.json")
    heads = "|".join(re.escape(h) for h in sorted(data["state_bodies"], key=len, reverse=True))
    states = ref.surface_re.pattern
    dem = ref.demonym_re.pattern
    # "China's Foreign Ministry", "the Chinese foreign ministry", "South Korea's Unification
    # Ministry", "China's Western Theatre Command", "the Indian Army"
    state_body = re.compile(
        rf"(?:(?P<st>{states}){_POSS}|(?P<cap>{ref.capital_re.pattern}){_POSS}|\b[Tt]he\s+(?P<dem>{dem})"
        # "Chinese Foreign Ministry spokesperson Mao Ning said": a demonym opening the
        # sentence or before a spokesperson's title needs no article
        rf"|(?:^|(?<=[.!?]\s)|(?<=\n)|(?<=\b[Aa]\s)|(?<=\b[Aa]n\s))(?P<dem2>{dem})(?=\s+(?:[A-Z][a-z]+\s+)?(?i:{heads})\s+spokes))\s+"
        rf"(?P<mod>(?:[A-Z][a-z]+\s+)?)(?P<head>(?i:{heads}))\b"
    )
    # "the ministry", "the foreign ministry": the body last named with that head
    bare_body = re.compile(rf"\b[Tt]he\s+(?P<head>(?i:{heads}|ministry))\b(?!\s+of\b)")
    org_heads = "|".join(re.escape(h) for h in data["organisation_heads"])
    # "an East Asia expert at King's College London", "a trade expert at the Peterson
    # Institute for International Economics", "the ruling Workers' Party"
    org = re.compile(
        rf"\b(?:at|of|from|with)\s+(?:the\s+)?(?:(?:ruling|governing|opposition)\s+)?"
        rf"(?P<org>(?:[A-Z][\w'’.-]*\s+){{0,5}}"
        rf"(?:{org_heads})(?:\s+(?:for|of|on)\s+(?:[A-Z][\w'’-]*|and|the|a|an)(?:\s+(?:[A-Z][\w'’-]*|and|the))*)?"
        rf"(?:\s+(?!(?:in|on|at)\b)[A-Z][a-z]+)?)"
    )
    mods = "|".join(
        re.escape(m) for m in sorted(data["anonymous_modifiers"], key=len, reverse=True)
    )
    anon_heads = "|".join(
        re.escape(h) for h in sorted(data["anonymous_heads"], key=len, reverse=True)
    )
    # "a senior administration official told reporters", "one European diplomat", "a person
    # familiar with the matter said", "a senior Russian diplomat told the Interfax news agency"
    anon = re.compile(
        rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?P<desc>(?:(?:{mods}|{dem})\s+){{0,4}}(?P<head>{anon_heads}))\b"
    )
    return state_body, bare_body, org, anon


def _body_mentions(text: str, regions: tuple[Span, ...], ref: Reference) -> list[Found]:
    """State bodies, organisations named in appositives and anonymous sources.

    "China's Foreign Ministry said" -> Found('Foreign Ministry of China', organization)
    "said X, an expert at the Wilson Center" -> Found('Wilson Center', organization)
    "a senior administration official told reporters" -> Found('senior administration official')
    """
    state_body, bare_body, org, anon = _bodies()
    out: list[Found] = []
    for start, end in _spans_text(text, regions):
        last_by_head: dict[str, str] = {}
        events: list[Found] = []
        for m in state_body.finditer(text, start, end):
            state = (
                ref.surface.get(m["st"])
                if m["st"]
                else ref.capitals.get(m["cap"])
                if m["cap"]
                else ref.demonyms.get(m["dem"] or m["dem2"] or "")
            )
            if not state or ref.entities[state].kind != "state":
                continue
            head = (m["mod"] + m["head"]).strip()
            head = " ".join(
                w
                if w.isupper() or w.lower() in ("of", "and", "for", "the")
                else w[:1].upper() + w[1:]
                for w in head.split()
            )
            # one body, one name: "Ministry of Foreign Affairs" is the "Foreign Ministry"
            head = ONE_NAME_PER_BODY.get(head.lower(), head)
            name = f"{head} of {state}"
            # "the Indian Army", "Sudan's army": armed services go by their demonym
            if head.lower() in _SERVICES:
                dem = (m["dem"] or m["dem2"]) or next(
                    (d for d, st in ref.demonyms.items() if st == state), None
                )
                if dem:
                    name = f"{dem} {head}"
            events.append(
                Found(
                    name,
                    ActorKind.ORGANIZATION,
                    m.start(),
                    m.end(),
                    m.group(),
                    "entity",
                )
            )
        for m in org.finditer(text, start, end):
            name = re.sub(r"(?:\s+(?:and|the|a|an|of|for|on))+$", "", m["org"].strip())
            if name.split()[0] in ref.surface or name in ref.surface:
                continue
            s = m.start("org")
            lead = text[max(start, s - 4) : s]
            e = s + len(name)
            if lead.endswith("the "):
                s -= 4
            events.append(Found(name, ActorKind.ORGANIZATION, s, e, text[s:e], "entity"))
        # "hacking Democratic Party computers", "the Labour Party": a party named anywhere
        for m in re.finditer(
            r"(?<![\w'’-])(?P<party>(?:[A-Z][\w'’-]+\s+){1,3}Party)\b", text[start:end]
        ):
            words = m["party"].split()
            while words and (
                words[0] in _DETERMINERS or words[0] in ref.demonyms or words[0] in ref.surface
            ):
                words.pop(0)
            if len(words) < 2:
                continue
            name = " ".join(words)
            e = start + m.end("party")
            s = e - len(name)
            if any(f.start < e and s < f.end for f in events):
                continue
            events.append(Found(name, ActorKind.ORGANIZATION, s, e, name, "entity"))
        for m in anon.finditer(text, start, end):
            desc = re.sub(r"\s+", " ", m["desc"])
            if desc == m["head"] and desc in ("spokesperson", "spokesman", "spokeswoman", "source"):
                continue  # "a spokesman for X, Name, said": the name is the speaker
            events.append(Found(desc, ActorKind.GROUP, m.start(), m.end(), m.group(), "group"))
        events.sort(key=lambda f: f.start)
        taken = [(f.start, f.end) for f in events]
        anon_by_head: dict[str, str] = {}
        for f in events:
            if f.form == "entity" and " of " in f.actor:
                last_by_head[f.actor.split(" of ")[0].lower().split()[-1]] = f.actor
        for m in bare_body.finditer(text, start, end):
            if any(a <= m.start() < b for a, b in taken):
                continue
            head = m["head"].lower().split()[-1]
            prior = [
                f
                for f in events
                if f.start < m.start()
                and " of " in f.actor
                and f.actor.lower().split(" of ")[0].endswith(head)
            ]
            if prior:
                events.append(
                    Found(
                        prior[-1].actor,
                        ActorKind.ORGANIZATION,
                        m.start(),
                        m.end(),
                        m.group(),
                        "entity",
                    )
                )
        # "the official said": the anonymous source last introduced with that noun
        for f in sorted(events, key=lambda f: f.start):
            if f.kind == ActorKind.GROUP:
                anon_by_head[f.actor.split()[-1]] = f.actor
        for m in re.finditer(
            r"\b[Tt]he\s+(official|diplomat|source|negotiator|aide)\b(?=\s+(?:\w+\s+)?(?:said|says|added|told))",
            text[start:end],
        ):
            s = start + m.start()
            prior = [
                f
                for f in events
                if f.kind == ActorKind.GROUP and f.start < s and f.actor.endswith(m[1])
            ]
            if prior:
                events.append(
                    Found(prior[-1].actor, ActorKind.GROUP, s, start + m.end(), m.group(), "group")
                )
        out.extend(events)
    return out


_LEADER_WORDS = frozenset(["leader", "premier", "head of state", "head of government"])
_LEADER_TITLES = frozenset(
    ["prime minister", "king", "emir", "chief adviser", "taoiseach", "supreme leader", "leader"]
)
# one body, one name (the evaluator compares expected names through it too)
ONE_NAME_PER_BODY = {
    "ministry of foreign affairs": "Foreign Ministry",
    "foreign affairs ministry": "Foreign Ministry",
    "ministry of defense": "Defense Ministry",
    "ministry of defence": "Defence Ministry",
    "ministry of commerce": "Commerce Ministry",
    "ministry of external affairs": "External Affairs Ministry",
}
_SERVICES = frozenset(["army", "navy", "air force", "armed forces", "coast guard"])
_DETERMINERS = {"The", "A", "An", "This", "That", "Its", "Their", "His", "Her", "Our", "Whose"}
_ACRONYM_DEF = re.compile(r"\s\((?P<acr>[A-Z][A-Z&-]{1,7})\)")
_ORG_CONNECTORS = {"of", "and", "for", "the", "on", "de", "la", "du", "del"}
# the last word of an organisation's name
_ORG_WORDS = frozenset(
    [
        "Forces",
        "Force",
        "Front",
        "Army",
        "Union",
        "Council",
        "Organisation",
        "Organization",
        "Community",
        "Party",
        "Movement",
        "Group",
        "Agency",
        "Alliance",
        "Bank",
        "Fund",
        "Commission",
        "Court",
        "Authority",
        "Association",
        "Coalition",
        "Command",
        "Ministry",
        "Office",
        "Committee",
        "League",
        "Brigade",
        "Brigades",
        "Assembly",
        "Institute",
        "Centre",
        "Center",
        "Federation",
        "Conference",
        "Forum",
        "States",
        "Nations",
        "Service",
        "Services",
        "Guard",
        "Corps",
        "Council",
        "Bureau",
        "Mission",
        "Secretariat",
        "Parliament",
        "Congress",
        "Network",
        "Foundation",
        "Initiative",
        "Programme",
        "Program",
        "Board",
        "Department",
        "Administration",
        "Directorate",
        "Affairs",
        "Relations",
        "Studies",
        "Peace",
        "Development",
        "Cooperation",
        "Research",
        "Rights",
        "Watch",
    ]
)


def _acronym_orgs(text: str, regions: tuple[Span, ...], ref: Reference) -> list[Found]:
    """An organisation introduced with its acronym, and the acronym used alone later.

    'the paramilitary Rapid Support Forces (RSF) … An RSF adviser' -> two mentions of
    'Rapid Support Forces'
    """
    names: dict[str, str] = {}
    out: list[Found] = []
    for lo, hi in _spans_text(text, regions):
        for m in _ACRONYM_DEF.finditer(text, lo, hi):
            acr = m["acr"]
            words = re.findall(r"\S+", text[max(lo, m.start() - 120) : m.start()])
            kept: list[str] = []
            for w in reversed(words):
                if (w[:1].isupper() and re.fullmatch(r"[\w'’-]+", w)) or (
                    w in _ORG_CONNECTORS and kept
                ):
                    kept.insert(0, w)
                else:
                    break
            # the longest run that starts with the acronym's letter: "Delegations of the
            # Westland Army Command (WAC)" -> "Westland Army Command"
            start_at = next(
                (
                    i
                    for i, w in enumerate(kept)
                    if w[:1] == acr[0] and sum(x[:1].isupper() for x in kept[i:]) >= 2
                ),
                None,
            )
            if start_at is None or kept[-1] not in _ORG_WORDS:
                continue  # "Terminal High Altitude Area Defense (THAAD)" is not a body
            name = " ".join(kept[start_at:])
            if name in ref.surface or acr in ref.surface or name in ref.capitals:
                continue
            s = m.start() - len(name)
            if text[s : m.start()] != name:
                continue
            names[acr] = name
            out.append(Found(name, ActorKind.ORGANIZATION, s, m.start(), name, "entity"))
    for lo, hi in _spans_text(text, regions):
        for acr, name in names.items():
            for m in re.finditer(rf"(?<![\w(]){re.escape(acr)}(?![\w)])", text[lo:hi]):
                out.append(
                    Found(name, ActorKind.ORGANIZATION, lo + m.start(), lo + m.end(), acr, "entity")
                )
    return out


@cache
def _modifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled once: the outlet and demonym alternations are long."""
    ref = reference()
    return (
        re.compile(rf"({TOKEN})\s+$"),
        re.compile(rf"({ref.surface_re.pattern}){_POSS}\s+$"),
        re.compile(rf"({ref.demonym_re.pattern})\s+$"),
    )


def _modifiers_before(
    text: str, pos: int, ref: Reference, lo: int
) -> tuple[int, str | None, str | None, str]:
    """Walk back from a title over 'NPR's Moscow ' / 'Russian ' / 'North Korea's '.

    Returns (new start, organisation, country, location word).
    """
    window = text[max(lo, pos - 80) : pos]
    base = max(lo, pos - 80)
    loc = ""
    token_end, poss_end, dem_end = _modifier_patterns()
    m = token_end.search(window)
    org = country = None
    start = pos
    if m and m.group(1) not in NOT_NAME:
        # a location word only counts after a possessive: "NPR's Moscow correspondent"
        pre = window[: m.start()]
        pm = poss_end.search(pre)
        if pm:
            loc = m.group(1)
            window, pos = pre, base + m.start()
            start = pos
    pm = poss_end.search(window)
    if pm:
        ent = ref.entities[ref.surface[pm.group(1)]]
        start = base + pm.start()
        if ent.kind == "state":
            country = ent.name
        org = ent.name
        return start, org, country, loc
    dm = dem_end.search(window)
    if dm and not loc:
        country = ref.demonyms[dm.group(1)]
        return base + dm.start(), country, country, loc
    return start, org, country, loc


def _register(people: dict[str, _Person], name: str, pos: int, ref: Reference) -> _Person:
    sur = surname(name, ref.family_name_first)
    if name in people:
        return people[name]
    if len(name.split()) == 1:
        for p in people.values():
            if p.surname == name:
                return p
    else:
        single = people.pop(sur, None)
        person = _Person(name, sur, min(pos, single.first) if single else pos)
        if single:
            person.roles, person.country, person.affiliation = (
                single.roles,
                single.country,
                single.affiliation,
            )
        people[name] = person
        return person
    people[name] = _Person(name, sur, pos)
    return people[name]


def _find_people(
    text: str, regions: tuple[Span, ...], ref: Reference, entity_spans: list[tuple[int, int]]
) -> dict[str, _Person]:
    """People introduced by a title, an outlet's possessive, an appositive or a speech verb."""
    people: dict[str, _Person] = {}
    speech = "|".join(sorted(ref.speech_verbs, key=len, reverse=True))
    adverbs = "|".join(ref.adverbs)
    title_rx = ref_pattern(
        ref,
        "title",
        lambda: rf"(?:(?<![\w-])|(?<=\bthen-)|(?<=\bex-))(?P<title>{ref.title_re})\s+(?=[{UP}])",
    )
    hon_rx = ref_pattern(ref, "honorific_name", lambda: rf"(?:{_honorifics(ref)})\s+({TOKEN})")
    outlet_person_rx = ref_pattern(
        ref, "outlet_person", lambda: rf"({ref.surface_re.pattern}){_POSS}\s+"
    )
    said_rx = ref_pattern(
        ref,
        "said_name",
        lambda: (
            rf"(?:^|(?<=[,.;:—–\"”(]\s)|(?<=[”\"]\s)|(?<=\n))({NAME_RE.pattern})\s+(?:(?:{adverbs})\s+)*(?:{speech})\b"
            rf"|(?:\b(?:{speech})|[Aa]ccording to)\s+({NAME_RE.pattern})(?=\s*[,.;]|\s+(?:in|on|at|after|during|on)\b)"
        ),
        re.M,
    )

    def in_entity(s: int, e: int) -> bool:
        return any(a < e and s < b for a, b in entity_spans)

    def not_a_name(name: str | None, s: int) -> bool:
        """An empty cut, an entity's words, a place, or a demonym-led title phrase ("told
        Chilean President X", "Saudi Crown Prince X said")."""
        return (
            not name
            or in_entity(s, s + len(name))
            or name in ref.surface
            or name in ref.capitals
            or name.split()[0] in ref.demonyms
        )

    for lo, hi in _spans_text(text, regions):
        for m in title_rx.finditer(text, lo, hi):
            nm = NAME_RE.match(text, m.end(), hi)
            if not nm:
                continue
            name = clean_name(nm.group())
            if not name or in_entity(nm.start(), nm.start() + len(name)):
                continue
            title = re.sub(r"\s+", " ", m["title"])
            start, org, country, loc = _modifiers_before(text, m.start(), ref, lo)
            person = _register(people, name, start, ref)
            role = Role(f"{loc} {title}".strip() if loc else title, org)
            if role not in person.roles:
                person.roles.append(role)
            person.country = person.country or country
            if org and ref.entities.get(org) and ref.entities[org].kind != "state":
                person.affiliation = person.affiliation or org
        # "NPR's Anthony Kuhn": an outlet's or institution's own person
        for m in outlet_person_rx.finditer(text[lo:hi]):
            ent = ref.entities[ref.surface[m.group(1)]]
            nm = NAME_RE.match(text, lo + m.end(), hi)
            if not nm:
                continue
            name = clean_name(nm.group())
            if not name or len(name.split()) < 2:
                continue
            if in_entity(nm.start(), nm.start() + len(name)) and not (
                # "Paraguay’s Santiago Peña": a first name that is also a capital
                ent.kind == "state"
                and ref.capital_re.fullmatch(name.split()[0])
                and not any(
                    a < nm.start() + len(name)
                    and nm.start() < b
                    and not ref.capital_re.fullmatch(text[a:b])
                    for a, b in entity_spans
                )
            ):
                continue
            person = _register(people, name, lo + m.start(), ref)
            if ent.kind == "state":
                person.country = person.country or ent.name
            else:
                person.affiliation = person.affiliation or ent.name
        # "Jane Doe said" / "said Jane Doe" / "according to Jane Doe"
        for m in said_rx.finditer(text[lo:hi]):
            raw = m.group(1) or m.group(2)
            s = lo + (m.start(1) if m.group(1) else m.start(2))
            name = clean_name(raw)
            if not_a_name(name, s):
                continue
            if (
                len(name.split()) == 1
                and name not in {p.surname for p in people.values()}
                and (name.isupper() or len(name) < 3)
            ):
                continue
            _register(people, name, s, ref)
        # "Lula, whose government negotiated the text, called …": a name opening a sentence
        # with a relative clause about a person
        for m in re.finditer(
            rf"(?:^|(?<=[.;:!?”\"]\s)|(?<=\n))({NAME_RE.pattern}),\s+(?:who|whose)\b",
            text[lo:hi],
            re.M,
        ):
            name = clean_name(m.group(1))
            s = lo + m.start(1)
            if (
                not_a_name(name, s)
                or name.split()[0] in _DETERMINERS
                or (len(name.split()) == 1 and (name.isupper() or len(name) < 3))
            ):
                continue
            _register(people, name, s, ref)
        # "Jane Doe, the foreign minister," -> role
        for m in re.finditer(
            rf"({NAME_RE.pattern}),\s+(?:(?:a|an|the)\s+)?(?:(?P<dem>{ref.demonym_re.pattern})\s+|(?P<st>{ref.surface_re.pattern}){_POSS}\s+)?(?P<title>{ref.title_re})\b"
            # "X, the head of Kyrgyzstan's security committee", "X, the president of Chile"
            rf"(?:\s+of\s+(?:the\s+)?(?P<st2>{ref.surface_re.pattern})(?!\w))?",
            text[lo:hi],
        ):
            name = clean_name(m.group(1))
            s = lo + m.start(1)
            if not name or len(name.split()) < 2 or in_entity(s, s + len(name)):
                continue
            person = _register(people, name, s, ref)
            org = (
                ref.demonyms.get(m["dem"] or "")
                or (ref.surface.get(m["st"] or "") if m["st"] else None)
                or (ref.surface.get(m["st2"]) if m["st2"] else None)
            )
            role = Role(re.sub(r"\s+", " ", m["title"]), org)
            if role not in person.roles:
                person.roles.append(role)
            if org and ref.entities[org].kind == "state":
                person.country = person.country or org
        # "..., Kim Jong Un would": a capitalised run of name tokens mid-sentence
        for m in NAME_RE.finditer(text, lo, hi):
            raw = m.group()
            if len(raw.split()) < 2 or in_entity(m.start(), m.end()):
                continue
            before = text[max(lo, m.start() - 12) : m.start()]
            if _LOCATIVE.search(before):
                continue
            name = clean_name(raw)
            if (
                not name
                or len(name.split()) < 2
                or name != raw
                or any(t in NOT_NAME for t in name.split())
            ):
                continue
            # "Saudi Crown (Prince …)": a demonym does not start a name
            if name in ref.surface or name in ref.capitals or name.split()[0] in ref.demonyms:
                continue
            _register(people, name, m.start(), ref)
        for m in hon_rx.finditer(text, lo, hi):
            name = m.group(1)
            # "Dr Helen Marsh", "Ms Indira Rao": the whole name after a courtesy title,
            # not its first token
            full = NAME_RE.match(text, m.start(1), hi)
            whole = clean_name(full.group()) if full else None
            if (
                whole
                and len(whole.split()) >= 2
                and not in_entity(m.start(1), m.start(1) + len(whole))
            ):
                name = whole
            if name not in NOT_NAME and not in_entity(m.start(1), m.end(1)):
                _register(people, name, m.start(), ref)
    return people


def _given_short_forms(people: dict[str, _Person]) -> dict[str, _Person]:
    """A one-word name that is a leading part of exactly one full name, and nobody's family
    name, is that person's short form: 'Anwar' -> Anwar Ibrahim, 'Lula' -> Luiz Inácio Lula
    da Silva (Malay, Brazilian and many other names are shortened to a given name)."""
    out: dict[str, _Person] = {}
    surnames = {p.surname for p in people.values() if " " in p.name}
    for single in [p for p in people.values() if " " not in p.name]:
        form = single.name
        if form in surnames or len(form) < 3:
            continue
        owners = [p for p in people.values() if " " in p.name and form in p.name.split()[:-1]]
        if len(owners) != 1:
            continue
        owner = owners[0]
        owner.first = min(owner.first, single.first)
        for role in single.roles:
            if role not in owner.roles:
                owner.roles.append(role)
        owner.country = owner.country or single.country
        owner.affiliation = owner.affiliation or single.affiliation
        del people[form]
        out[form] = owner
    return out


@cache
def _counterpart_re() -> re.Pattern[str]:
    return re.compile(rf"(?P<dem>{reference().demonym_re.pattern})\s+counterparts?\b[,:]?")


def _counterparts(
    text: str, regions: tuple[Span, ...], ref: Reference, people: dict[str, _Person]
) -> None:
    """ "his Turkish counterpart Mevlut Cavusoglu", "their South Korean counterparts, Foreign
    Minister A and Defence Minister B": the people named after the demonym are of that state."""
    rx = _counterpart_re()
    for lo, hi in _spans_text(text, regions):
        for m in rx.finditer(text, lo, hi):
            stop = re.search(
                r"[.;()]|\s(?:in|on|at|for|to|who|which|said|says|told)\s", text[m.end() : hi]
            )
            seg = text[m.end() : m.end() + (stop.start() if stop else hi - m.end())]
            country = ref.demonyms.get(m["dem"])
            # "his Moldovan and Romanian counterparts, A (L) and B (R)": respectively
            first = re.search(
                rf"(?<![\w-])(?P<dem>{ref.demonym_re.pattern})\s+and\s+$",
                text[max(lo, m.start() - 40) : m.start()],
            )
            if first and ref.demonyms.get(first["dem"]) != country:
                end = re.search(
                    r"[.;]|\s(?:in|on|at|for|to|who|which|said|says|told)\s", text[m.end() : hi]
                )
                seg2 = text[m.end() : m.end() + (end.start() if end else hi - m.end())]
                named = sorted(
                    (hit[0], p) for p in people.values() for hit in word_spans(seg2, p.name)[:1]
                )
                if len(named) == 2:
                    for (_, p), c in zip(
                        named, (ref.demonyms.get(first["dem"]), country), strict=True
                    ):
                        p.country = p.country or c
                    continue
            for p in people.values():
                if p.country is None and word_spans(seg, p.name):
                    p.country = country


def find_actors(
    text: str, regions: tuple[Span, ...], discovery: tuple[Span, ...] | None = None
) -> ActorTable:
    """Every actor mention in the regions, people resolved by context.

    'Russian President Vladimir Putin met Kim Jong Un. Kim said ...' ->
    Vladimir Putin (person, role President of Russia), Kim Jong Un (person, alias 'Kim'), Russia
    """
    ref = reference()
    entities = _entity_mentions(text, regions, ref)
    groups = _group_mentions(text, regions, ref)
    discovery = regions if discovery is None else discovery
    entity_spans = [(f.start, f.end) for f in entities if f.form != "capital"]
    entity_spans += [
        (m.start(), m.end())
        for r in discovery
        for m in ref.capital_re.finditer(text, r.start, r.end)
    ]
    entity_spans += [
        (f.start, f.end) for f in _entity_mentions(text, discovery, ref) if f.form != "capital"
    ]
    bodies = _body_mentions(text, regions, ref) + _acronym_orgs(text, regions, ref)
    entity_spans += [(f.start, f.end) for f in bodies]
    people = _find_people(text, discovery, ref, entity_spans)
    _counterparts(text, discovery, ref, people)
    short_forms = _given_short_forms(people)
    by_name = sorted(people.values(), key=lambda p: p.first)

    # Occurrences of full names, with any title phrase before them.
    title_prefix = ref_pattern(
        ref,
        "title_prefix",
        lambda: (
            rf"(?:(?:{ref.surface_re.pattern}){_POSS}\s+(?:{TOKEN}\s+)?|(?:{ref.demonym_re.pattern})\s+)?(?:{ref.title_re})\s+$"
        ),
    )
    found: list[Found] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    full_forms = sorted(
        ((p.name, p) for p in by_name if len(p.name.split()) > 1), key=lambda x: -len(x[0])
    )
    for lo, hi in _spans_text(text, regions):
        for form, p in full_forms:
            for ms, me in word_spans(text[lo:hi], form):
                s, e = lo + ms, lo + me
                if not free(s, e):
                    continue
                start = s
                pm = title_prefix.search(text[max(lo, s - 90) : s])
                if pm:
                    start = max(lo, s - 90) + pm.start()
                    # "Russian President" belongs to the name; "North Korea's" may stay a state too
                found.append(Found(p.name, ActorKind.PERSON, start, e, text[start:e], "name", s))
                taken.append((s, e))
    # Bare surnames (and honorific forms), resolved by ownership.
    by_surname: dict[str, list[_Person]] = {}
    for p in by_name:
        by_surname.setdefault(p.surname, []).append(p)
    for form, p in short_forms.items():
        by_surname.setdefault(form, []).append(p)
    occurrences: list[tuple[int, int, str]] = []
    for lo, hi in _spans_text(text, regions):
        for sur in by_surname:
            for ms, me in word_spans(text[lo:hi], sur):
                s, e = lo + ms, lo + me
                if free(s, e) and not any(a <= s < b for a, b in entity_spans):
                    occurrences.append((s, e, sur))
    full_positions = sorted((f.head, f.actor) for f in found)
    owner: dict[str, str] = {}
    hon_before = ref_pattern(ref, "honorific_before", lambda: rf"(?:{_honorifics(ref)})\s+$")
    for s, e, sur in sorted(occurrences):
        cands = by_surname[sur]
        hon = hon_before.search(text[max(0, s - 6) : s])
        same_hon = (
            {
                f.actor
                for f in found
                if f.form == "name"
                and f.actor in {c.name for c in cands}
                and re.search(
                    rf"{re.escape(hon.group().strip())}\s+$", text[max(0, f.head - 6) : f.head]
                )
            }
            if hon and len(cands) > 1
            else set()
        )
        if len(cands) == 1:
            chosen = cands[0].name
        elif len(same_hon) == 1:
            # "Dr Wong" after "Prime Minister Lawrence Wong" and "Dr Wong Mei Lin": the one
            # introduced with the same courtesy title
            chosen = next(iter(same_hon))
        elif sur in owner:
            chosen = owner[sur]
        else:
            names = {c.name for c in cands}
            before = [a for pos, a in full_positions if pos < s and a in names]
            chosen = before[-1] if before else min(cands, key=lambda c: c.first).name
            owner[sur] = chosen
        start = s
        hm = hon_before.search(text[max(0, s - 6) : s])
        if hm:
            start = s - (len(text[max(0, s - 6) : s]) - hm.start())
        pm = title_prefix.search(text[max(0, s - 90) : s])
        if pm:
            start = max(0, s - 90) + pm.start()
        found.append(Found(chosen, ActorKind.PERSON, start, e, text[start:e], "surname", s))
        taken.append((s, e))
    # "the president", "the Russian leader": whoever holds that title in the article
    title_ref = re.compile(
        rf"\b[Tt]he\s+(?:(?P<dem>{ref.demonym_re.pattern})\s+)?(?P<title>{ref.title_re})\b(?!\s+(?:of\b|{TOKEN}))"
    )
    for lo, hi in _spans_text(text, regions):
        for m in title_ref.finditer(text, lo, hi):
            if not free(m.start(), m.end()):
                continue
            title = re.sub(r"\s+", " ", m["title"]).lower()
            country = ref.demonyms.get(m["dem"] or "")
            holders = [
                p
                for p in by_name
                if any(r.title.lower().endswith(title) for r in p.roles)
                and (country is None or p.country == country)
            ]
            if not holders and country is not None and title in _LEADER_WORDS:
                # "the Angolan leader", "the Thai premier": the state's head of state or
                # government the article named
                holders = [
                    p
                    for p in by_name
                    if p.country == country
                    and any(
                        r.title.lower() in _LEADER_TITLES
                        or (
                            r.title.lower().split()[-1] in ("president", "premier", "chancellor")
                            and not r.title.lower().startswith(("vice", "deputy", "former"))
                        )
                        for r in p.roles
                    )
                ]
                if len(holders) != 1:
                    continue
            if not holders:
                continue
            prior = [
                f for f in found if f.start < m.start() and f.actor in {h.name for h in holders}
            ]
            holder = max(prior, key=lambda f: f.start).actor if prior else holders[0].name
            found.append(
                Found(holder, ActorKind.PERSON, m.start(), m.end(), m.group(), "title", m.start())
            )
    # Entities and groups not inside a person's name.
    for f in bodies:
        if free(f.start, f.end):
            found.append(f)
            taken.append((f.start, f.end))
    for f in entities + groups:
        if free(f.start, f.end) or f.kind == ActorKind.STATE or f.kind == ActorKind.MEDIA:
            found.append(f)
    found.sort(key=lambda f: (f.start, -f.end))

    actors: dict[str, Actor] = {}
    aliases: dict[str, list[str]] = {}
    first: dict[str, int] = {}
    for f in found:
        aliases.setdefault(f.actor, [])
        surface = f.text
        if surface.startswith(("the ", "The ")) and f.kind in (
            ActorKind.ORGANIZATION,
            ActorKind.MEDIA,
            ActorKind.STATE,
        ):
            pass
        if surface not in aliases[f.actor]:
            aliases[f.actor].append(surface)
        if f.form in ("name", "surname") and f.head > f.start:
            bare = text[f.head : f.end]
            if bare not in aliases[f.actor]:
                aliases[f.actor].append(bare)
        first.setdefault(f.actor, f.start)
    affiliation: dict[str, str] = {}
    for name in sorted(first, key=first.get):
        kind = next(f.kind for f in found if f.actor == name)
        if kind == ActorKind.PERSON:
            p = people[name]
            if p.affiliation:
                affiliation[name] = p.affiliation
            if p.name not in aliases[name]:
                aliases[name].insert(0, p.name)
            actors[name] = Actor(name, kind, tuple(aliases[name]), p.country, tuple(p.roles))
        else:
            ent = ref.entities.get(name)
            country = ent.country if ent else None
            if name.endswith(
                (" state TV", " state media", " state news agency", " state broadcaster")
            ):
                country = ref.demonyms.get(name.split(" state ")[0])
            if kind == ActorKind.GROUP and " " in name:
                country = ref.demonyms.get(name.split()[0])
            actors[name] = Actor(name, kind, tuple(aliases[name]), country)
    # "Kenyan President William Ruto", "Soviet troops": a state named only by its demonym is
    # an actor of the story too (no mention: the demonym belongs to the phrase it modifies)
    for lo, hi in _spans_text(text, regions):
        for m in ref.demonym_re.finditer(text, lo, hi):
            state = ref.demonyms[m.group()]
            if state not in actors and ref.entities.get(state) is not None:
                actors[state] = Actor(state, ActorKind.STATE, (m.group(),), state)
    return ActorTable(tuple(actors.values()), tuple(found), affiliation)
