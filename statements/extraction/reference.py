"""Reference data (countries, outlets, titles, verbs), loaded once from `data/`.

Only general knowledge lives here: nothing transcribed from a particular article.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _load(name: str):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Entity:
    """A known non-person actor: state, media outlet or institution."""

    name: str
    kind: str  # "state" | "media" | "organization"
    country: str | None = None


@dataclass(frozen=True)
class Reference:
    entities: dict[str, Entity]  # canonical name -> entity
    surface: dict[str, str]  # surface form (case-sensitive) -> canonical name
    surface_re: re.Pattern[str]
    demonyms: dict[str, str]  # "Russian" -> "Russia"
    demonym_re: re.Pattern[str]
    capitals: dict[str, str]  # "Moscow" -> "Russia"
    capital_re: re.Pattern[str]
    titles: tuple[str, ...]  # lower-case, longest first
    title_re: str  # regex source matching a title (case-insensitive per word start)
    honorifics: tuple[str, ...]
    groups: frozenset[str]
    quantifiers: frozenset[str]
    speech_verbs: frozenset[str]
    object_verbs: tuple[str, ...]
    inverted_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    adverbs: frozenset[str]
    family_name_first: frozenset[str]


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _title_pattern(title: str) -> str:
    """'prime minister' -> '[Pp]rime\\s+[Mm]inister' so titles match capitalised or not."""
    parts = []
    for word in title.split():
        pieces = []
        for piece in word.split("-"):  # "Secretary-General" as well as "secretary-general"
            first, rest = piece[:1], re.escape(piece[1:])
            pieces.append(
                f"[{first.upper()}{first.lower()}]{rest}" if first.isalpha() else re.escape(piece)
            )
        parts.append("-".join(pieces))
    return r"\s+".join(parts)


@cache
def reference() -> Reference:
    """Build the lookup tables once per process."""
    entities: dict[str, Entity] = {}
    surface: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for c in _load("countries.json"):
        entities[c["name"]] = Entity(c["name"], "state", c["name"])
        for a in c["aliases"]:
            surface[a] = c["name"]
        for d in c["demonyms"]:
            demonyms[d] = c["name"]
        for cap in c["capitals"]:
            capitals[cap] = c["name"]
    for m in _load("media.json"):
        entities[m["name"]] = Entity(m["name"], "media", m.get("country"))
        for a in m["aliases"]:
            surface[a] = m["name"]
    for i in _load("institutions.json"):
        entities[i["name"]] = Entity(i["name"], i.get("kind", "organization"), i.get("country"))
        for a in i["aliases"]:
            surface[a] = i["name"]
    titles = _load("titles.json")
    groups = _load("groups.json")
    verbs = _load("verbs.json")
    title_list = tuple(sorted(set(titles["titles"]), key=len, reverse=True))
    return Reference(
        entities=entities,
        surface=surface,
        surface_re=re.compile(rf"(?<![\w.])(?:{_alternation(surface)})(?![\w]|\.\w)"),
        demonyms=demonyms,
        demonym_re=re.compile(rf"(?<![\w.])(?:{_alternation(demonyms)})(?!\w)"),
        capitals=capitals,
        capital_re=re.compile(rf"(?<![\w.])(?:{_alternation(capitals)})(?!\w)"),
        titles=title_list,
        title_re="|".join(_title_pattern(t) for t in title_list),
        honorifics=tuple(titles["honorifics"]),
        groups=frozenset(groups["groups"]),
        quantifiers=frozenset(groups["quantifiers"]),
        speech_verbs=frozenset(verbs["speech"]),
        object_verbs=tuple(sorted(verbs["object_verbs"], key=len, reverse=True)),
        inverted_verbs=frozenset(verbs["inverted"]),
        reporting_verbs=frozenset(verbs["reporting"]),
        adverbs=frozenset(verbs["adverbs"]),
        family_name_first=frozenset(_load("surnames.json")["family_name_first"]),
    )


_REF_PATTERNS: dict[str, tuple[Reference, re.Pattern[str]]] = {}


def ref_pattern(ref: Reference, name: str, build: Callable[[], str], flags: int = 0):
    """A pattern made of the reference data's word lists, compiled once per reference:
    sorting, escaping and joining hundreds of words on every article cost more than
    matching them (docs/performance.md, seventh round)."""
    held = _REF_PATTERNS.get(name)
    if held is None or held[0] is not ref:
        held = _REF_PATTERNS[name] = (ref, re.compile(build(), flags))
    return held[1]
