"""Speakers the actor stage leaves unnamed: offices, unnamed bodies and groups before a verb.

Runs after `find_actors` and only fills gaps: a phrase gets a mention here when it is the
subject of an attribution verb (or follows "according to") and no actor mention already
starts there. Plain shapes, no article-specific words:

* `Yoon's office said`, `Tashiev's press service said` -> organisation named as written;
  a later `The presidential office said` / `the office` is the same body;
* `The Communications Directorate said`, `The Ministry of External Affairs said` ->
  organisation by its name; a later `the MEA said` (its initials) is the same body;
* `Analysts in Tokyo said`, `Residents of border villages told`, `officials from both sides
  say`, `according to two people familiar with the talks`, `one of the people said` ->
  a group, lower case, without its number or where it is (`residents of border villages`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from .actors import ActorTable, Found
from .reference import reference
from .sentences import Sentence
from .types import Actor, ActorKind

_BODY_HEADS = (
    r"Ministry|Directorate|Office|Department|Agency|Commission|Council|Secretariat|"
    r"Presidency|Committee|Bureau|Cabinet"
)
_POSS_HEADS = (
    r"office|press\s+service|press\s+office|media\s+office|spokesman|spokeswoman|"
    r"spokesperson|government|administration|cabinet|campaign|camp"
)
_GROUP_EXTRA = (
    "people",
    "residents",
    "sources",
    "officials",
    "diplomats",
    "negotiators",
    "farmers",
    "fishermen",
    "villagers",
    "economists",
    "investors",
    "traders",
    "workers",
    "students",
    "voters",
    "locals",
    "campaigners",
    "researchers",
    "delegates",
)
_NUMBER = (
    r"(?:two|three|four|five|several|some|many|most|other|few|a\s+few|a\s+number\s+of|"
    r"dozens\s+of|hundreds\s+of)"
)
_FUNCTION = (
    r"who|whom|which|that|and|but|or|as|if|when|while|because|since|the|a|an|of|in|on|at|"
    r"to|from|with|by|for|said|says|told"
)
_LINK = r"(?:of|in|from|on|at|familiar\s+with|close\s+to|with\s+knowledge\s+of|briefed\s+on)"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    ref = reference()
    verbs = "|".join(sorted(ref.speech_verbs, key=len, reverse=True))
    adverbs = "|".join(sorted(ref.adverbs, key=len, reverse=True))
    verb = rf"\s+(?:(?:{adverbs})\s+)*(?:{verbs})\b"
    groups = "|".join(sorted(set(ref.groups) | set(_GROUP_EXTRA), key=len, reverse=True))
    name = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
    return {
        # "Yoon's office said", "Tashiev's press service said"
        # ("Meloni's office at Palazzo Chigi said": where the office is, between it and the verb)
        "poss": re.compile(
            rf"(?P<np>(?P<owner>{name})['’]s\s+(?P<head>{_POSS_HEADS}))"
            rf"(?=(?:\s+(?:at|in)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?{verb})"
        ),
        # "The Communications Directorate said", "The Ministry of External Affairs said"
        "body": re.compile(
            r"(?P<np>\b[Tt]he\s+(?P<name>(?:[A-Z][\w'’-]*\s+){0,4}"
            rf"(?P<head>{_BODY_HEADS})(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*"
            r"(?:\s+(?:(?:and|of|for)\s+)?[A-Z][\w'’-]*)*)?))"
            rf"(?={verb}|\s*,\s+[^,]{{1,60}},{verb})"
        ),
        # "the Kenyan presidency said", "the Sudanese government said"
        "state_body": re.compile(
            rf"(?P<np>\b[Tt]he\s+(?P<dem>{ref.demonym_re.pattern})\s+(?P<head>presidency|"
            rf"government|cabinet|embassy|military|army|navy|police|delegation))"
            # "According to the Polish government, …", "…, according to the Kenyan
            # presidency.": a source before a comma or a full stop too
            rf"(?={verb}|\s*[,.;])"
        ),
        # "The presidential office said", "the office said": a body named before
        "back": re.compile(
            rf"(?P<np>\b[Tt]he\s+(?:[a-z]+\s+){{0,2}}(?P<head>office|ministry|directorate|"
            rf"department|agency|commission|presidency|press\s+service))(?={verb})"
        ),
        # "The statement said": the statement told just before, by whoever issued it
        "statement": re.compile(rf"(?P<np>\b[Tt]he\s+(?:joint\s+|written\s+)?statement)(?={verb})"),
        # "the MEA said"
        "acronym": re.compile(rf"(?P<np>\b(?:[Tt]he\s+)?(?P<acr>[A-Z]{{2,6}}))(?={verb})"),
        # "Analysts in Tokyo said", "officials from both sides say", "Residents of border
        # villages in Batken told", "two people familiar with the talks"
        "group": re.compile(
            rf"\b(?P<np>(?P<g>(?i:{groups}))"
            rf"(?P<pp>(?:\s+{_LINK}\s+(?:the\s+|both\s+|all\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)*?))"
            rf"(?={verb})"
        ),
        # the words before a group's noun: "two people", "Diplomatic sources"
        "group_lead": re.compile(
            rf"(?<![\w-])(?:(?i:{_NUMBER})\s+)?(?P<mod>(?!(?i:{_FUNCTION})\s)[A-Za-z-]+\s+)?$"
        ),
        "according": re.compile(
            rf"\b[Aa]ccording\s+to\s+(?P<np>(?:(?i:{_NUMBER})\s+)?(?P<mod>[a-z-]+\s+)?"
            rf"(?P<g>{groups})(?P<pp>\s+{_LINK}\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)?)"
        ),
        # "according to the state news agency WAM", "according to the Somali National
        # News Agency (SONNA)": an outlet the reference data does not know
        "outlet": re.compile(
            r"\b[Aa]ccording\s+to\s+(?:the\s+)?(?:"
            r"(?:(?:official|state|state-run|national)\s+)*(?:news\s+agency|broadcaster|"
            r"television|newspaper)\s+(?P<short>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})"
            r"|(?P<long>(?:[A-Z][\w-]*\s+){1,4}(?:News\s+Agency|Press\s+Agency|Television|"
            r"Broadcasting\s+(?:Corporation|Service)))(?:\s+\((?P<acr>[A-Z]{2,8})\))?)"
        ),
        # "An RSF adviser, who spoke on condition of anonymity, said": an unnamed person
        # described by the body they serve
        "anon": re.compile(
            # "A senior EU official": a rank before the body's name
            r"(?P<np>\b(?:[Aa]n?|[Oo]ne)\s+(?P<desc>(?:(?:senior|top|high-ranking|former)\s+)?"
            r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+"
            r"(?:adviser|advisor|official|source|diplomat|spokesman|spokeswoman|spokesperson|"
            r"aide|negotiator|commander|lawmaker|envoy)))"
            rf"(?=\s*,|{verb})"
        ),
        # "the official said" paragraphs after "A senior administration official told …"
        "the_anon": re.compile(
            r"(?P<np>\b[Tt]he\s+(?P<head>official|diplomat|source|negotiator|aide|adviser|"
            rf"advisor|envoy))(?={verb})"
        ),
        # "His spokesman later told reporters": the aide of the person last named
        "his": re.compile(
            r"(?P<np>\b(?:His|Her|his|her)\s+(?P<head>spokesman|spokeswoman|spokesperson|"
            rf"office|press\s+secretary|press\s+office|aides?))(?={verb})"
        ),
        # "A spokesperson for Peters said": the aide of a person named by surname
        "aide_for": re.compile(
            r"(?P<np>\b(?:[Aa]n?|[Oo]ne)\s+(?P<desc>(?:spokesperson|spokesman|spokeswoman|"
            r"aide|adviser|advisor)\s+(?:for|to)\s+(?P<owner>[A-Z][\w'’-]*"
            r"(?:\s+[A-Z][\w'’-]*)?)))"
            rf"(?=\s*,|{verb})"
        ),
        # "A spokesperson for the Libyan National Army said", "a spokesman for Haftar's
        # self-styled Libyan National Army (LNA), X, said": a body's unnamed voice
        "voice_of_body": re.compile(
            r"(?P<np>\b(?:[Aa]n?|[Oo]ne)\s+(?P<head>spokesperson|spokesman|spokeswoman)\s+"
            r"(?:for|of|at)\s+(?P<owner>(?:the\s+)?[^,;.\"“”]{2,80}?))"
            rf"(?=\s*,|{verb})"
        ),
        "one_of": re.compile(
            rf"\b(?P<np>[Oo]ne\s+of\s+(?:the|those|these)\s+(?P<g>\w+))(?={verb})"
        ),
        # a sentence without an attribution verb or "according to" has no speaker to find
        "any": re.compile(rf"{verb}|\b[Aa]ccording\s+to\b"),
    }


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _group_name(m: re.Match[str], mod: str | None) -> str:
    """'Residents of border villages in Batken' -> 'residents of border villages'."""
    head = m["g"].lower()
    mod = (mod or "").strip()
    words = [mod.lower()] if mod and mod.lower() not in ("the", "a", "an") else []
    ref = reference()
    if mod and (mod in ref.demonyms or mod.lower() in ref.quantifiers):
        words = [mod] if mod in ref.demonyms else []
    out = " ".join([*words, head])
    for link in re.finditer(
        rf"\s+(?P<l>{_LINK})\s+(?P<o>(?:the\s+|both\s+|all\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)",
        m["pp"] or "",
    ):
        # where they are ("in Tokyo", "from both sides") is not who they are
        if link["l"] in ("in", "from", "on", "at") or link["o"][:1].isupper():
            break
        out += f" {link['l']} {link['o']}"
    return out


def add_speakers(text: str, sentences: tuple[Sentence, ...], table: ActorTable) -> ActorTable:
    """The table with mentions for unnamed bodies and groups that speak.

    "Yoon's office said." -> Found("Yoon's office", organization)
    """
    pats = _patterns()
    found = list(table.found)
    actors = {a.name: a for a in table.actors}
    kinds = {a.name: a.kind for a in table.actors}
    ref = reference()
    added: list[Found] = []

    def covered(start: int, end: int) -> bool:
        return any(f.start == start and f.end >= end for f in found + added)

    def add(name: str, kind: ActorKind, start: int, end: int) -> None:
        if covered(start, end):
            return
        surface = text[start:end]
        added.append(
            Found(name, kind, start, end, surface, "group" if kind == "group" else "entity")
        )
        if name in actors:
            a = actors[name]
            if surface not in a.aliases:
                actors[name] = replace(a, aliases=(*a.aliases, surface))
        else:
            country = ref.demonyms.get(name.split()[0]) if kind == ActorKind.GROUP else None
            actors[name] = Actor(name, kind, (surface,), country)
            kinds[name] = kind

    bodies: list[tuple[int, str, str]] = []  # (position, head, actor)
    starts = {x.start for x in sentences}
    for s in sentences:
        lo, hi = s.start, s.end
        if not pats["any"].search(text, lo, hi):
            continue
        for key in ("poss", "body"):
            for m in pats[key].finditer(text, lo, hi):
                if key == "poss":
                    owner = next((f for f in found if f.start <= m.start("owner") < f.end), None)
                    if owner is None or owner.kind != ActorKind.PERSON:
                        continue
                    name = m["np"]
                else:
                    name = re.sub(r"\s+", " ", m["name"])
                    if name in ref.surface:
                        continue
                start = m.start("np")
                if covered(start, m.end("np")):
                    continue
                add(name, ActorKind.ORGANIZATION, start, m.end("np"))
                bodies.append((start, m["head"].lower(), name))
        for m in pats["state_body"].finditer(text, lo, hi):
            if not covered(m.start("np"), m.end("np")) and not any(
                f.start <= m.start("head") < f.end for f in found
            ):
                name = text[m.start("dem") : m.end("np")]
                add(name, ActorKind.ORGANIZATION, m.start("np"), m.end("np"))
        for m in pats["back"].finditer(text, lo, hi):
            prior = [b for b in bodies if b[0] < m.start() and b[1].endswith(m["head"].split()[-1])]
            if prior and not any(f.start <= m.start() < f.end for f in found):
                add(prior[-1][2], ActorKind.ORGANIZATION, m.start("np"), m.end("np"))
        for m in pats["statement"].finditer(text, lo, hi):
            # "X said in a statement … The statement said": the issuer of the statement
            # told last before it, in the same sentence as that statement
            prev = [
                x.start()
                for x in re.finditer(r"\bstatement\b", text[max(0, m.start() - 600) : m.start()])
            ]
            if not prev or covered(m.start("np"), m.end("np")):
                continue
            at = max(0, m.start() - 600) + prev[-1]
            sent_lo = next((x.start for x in sentences if x.start <= at < x.end), at)
            issuers = [
                f
                for f in found + added
                if sent_lo <= f.start
                and f.end <= at
                and f.kind != ActorKind.GROUP
                and kinds.get(f.actor) != ActorKind.MEDIA
            ]
            if issuers:
                last = max(issuers, key=lambda f: f.end)
                add(last.actor, kinds.get(last.actor, last.kind), m.start("np"), m.end("np"))
        for m in pats["acronym"].finditer(text, lo, hi):
            acr = m["acr"]
            if acr in ref.surface or any(f.start <= m.start("acr") < f.end for f in found):
                continue
            owners = [
                a.name
                for a in actors.values()
                if a.kind == ActorKind.ORGANIZATION and _initials(a.name) == acr
            ]
            if owners:
                add(owners[-1], ActorKind.ORGANIZATION, m.start("np"), m.end("np"))
        for key in ("group", "according"):
            for m in pats[key].finditer(text, lo, hi):
                g = m["g"].lower()
                if g == "people" and not re.search(
                    r"familiar|close|knowledge|briefed", m["pp"] or ""
                ):
                    continue
                start, mod = m.start("np"), m["mod"] if key == "according" else None
                if key == "group":
                    gl = pats["group_lead"].search(text, max(lo, start - 40), start)
                    if gl is not None:
                        start, mod = gl.start(), gl["mod"]
                    # a capitalised head only opens the sentence ("Analysts said")
                    if not m["g"].islower() and start != lo:
                        continue
                    lead = text[max(lo, start - 40) : start]
                    if lead.strip() and not re.search(r"(?:^|[,—–:]\s*)$", lead):
                        continue
                add(_group_name(m, mod), ActorKind.GROUP, start, m.end("np"))
        for m in pats["outlet"].finditer(text, lo, hi):
            key = "short" if m["short"] else "long"
            name = " ".join(m[key].split())
            start = m.start(key) if key == "long" else m.start(0) + len("according to ")
            if name in ref.surface or any(f.start <= m.start(key) < f.end for f in found):
                continue
            add(name, ActorKind.MEDIA, start, m.end(key))
            if m["acr"]:
                add(name, ActorKind.MEDIA, m.start("acr"), m.end("acr"))
        for m in pats["anon"].finditer(text, lo, hi):
            if not covered(m.start("np"), m.end("np")):
                add(re.sub(r"\s+", " ", m["desc"]), ActorKind.GROUP, m.start("np"), m.end("np"))
        for m in pats["aide_for"].finditer(text, lo, hi):
            owner = next((f for f in found if f.start == m.start("owner")), None)
            if owner is None or owner.kind != ActorKind.PERSON:
                continue
            if not covered(m.start("np"), m.end("np")):
                add(re.sub(r"\s+", " ", m["desc"]), ActorKind.PERSON, m.start("np"), m.end("np"))
        for m in pats["voice_of_body"].finditer(text, lo, hi):
            if covered(m.start("np"), m.end("np")):
                continue
            body = next(
                (
                    f
                    for f in found
                    if m.start("owner") <= f.start < m.end("owner")
                    and f.kind in (ActorKind.ORGANIZATION, ActorKind.STATE)
                ),
                None,
            )
            if body is None:
                continue  # "a spokesman for Putin": the person's aide (aide_for)
            named = re.sub(r"^[Tt]he\s+", "", text[body.start : body.end])
            the = "" if body.kind == ActorKind.STATE else "the "
            add(f"{m['head']} for {the}{named}", ActorKind.GROUP, m.start("np"), m.end("np"))
        for m in pats["the_anon"].finditer(text, lo, hi):
            prior = [
                f
                for f in found + added
                if f.kind == ActorKind.GROUP
                and f.start < m.start()
                and f.actor.split()[-1] == m["head"]
            ]
            if prior and not covered(m.start("np"), m.end("np")):
                add(prior[-1].actor, ActorKind.GROUP, m.start("np"), m.end("np"))
        for m in pats["his"].finditer(text, lo, hi):
            people = [
                f
                for f in found
                if f.kind == ActorKind.PERSON and m.start() - 600 < f.start < m.start()
            ]
            # the subject of an earlier sentence, else whoever was named last
            subjects = [f for f in people if f.start in starts]
            if people and not covered(m.start("np"), m.end("np")):
                owner = (subjects or people)[-1]
                bare = text[owner.head if owner.head >= owner.start else owner.start : owner.end]
                short = bare.split()[-1] if owner.actor.split()[-1] == bare.split()[-1] else bare
                head = " ".join(m["head"].split())
                name = f"{short}'s {head}"
                add(name, ActorKind.PERSON, m.start("np"), m.end("np"))
        for m in pats["one_of"].finditer(text, lo, hi):
            plural = m["g"].lower()
            groups = [
                f
                for f in found + added
                if f.kind == ActorKind.GROUP and f.start < m.start() and plural in f.actor.split()
            ]
            if groups:
                add(groups[-1].actor, ActorKind.GROUP, m.start("np"), m.end("np"))
    # "A State Department spokesperson", "a Kremlin aide": the institution a group speaks for
    # is an actor of the article too
    for g in [f for f in found + added if f.kind == ActorKind.GROUP]:
        for m in ref.surface_re.finditer(text, g.start, g.end):
            ent = ref.entities.get(ref.surface.get(m.group(0), ""))
            if ent is None or ent.kind not in ("organization", "media"):
                continue
            if any(f.start <= m.start() < f.end and f.kind != ActorKind.GROUP for f in found):
                continue
            kind = ActorKind.MEDIA if ent.kind == "media" else ActorKind.ORGANIZATION
            add(ent.name, kind, m.start(), m.end())
    if not added:
        return table
    merged = tuple(sorted(found + added, key=lambda f: (f.start, -f.end)))
    return ActorTable(tuple(actors.values()), merged, table.affiliation)
