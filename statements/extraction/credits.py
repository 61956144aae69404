"""People and agencies named only in credit lines, which the body never mentions.

'Chris Lane/Getty Images' -> Chris Lane (person, reporter role at Getty Images), Getty Images
'(Photo: Ana Ruiz/AP)' -> Ana Ruiz, The Associated Press
'Associated Press writer Tom Hale in Lima contributed to this report.' -> Tom Hale
"""

from __future__ import annotations

import re

from .boilerplate import _caps_credit
from .reference import reference
from .types import Actor, ActorKind, Role

_NAME = r"[A-Z][\w'’.-]+(?:[ ]+(?:[A-Z]\.|[A-Z][\w'’-]+)){1,3}"
_NOT_PERSON = re.compile(r"\b(?:Pool|Press|Photo|Corps|Agency|News|Images|Service|Office)\b")
# "Pavel Orlov/Getty Images", "(Photo: Ana Ruiz/AP)", "(Frederic J. BROWN / POOL / AFP)",
# "Vladimir Ivanov/Sputnik, Kremlin Pool Photo via AP"
_PHOTO = re.compile(
    rf"(?:^|\(|\b(?:Photo|Image|Picture|Credit)s?:[ ]*)(?P<name>{_NAME})[ ]*/[ ]*"
    r"(?:POOL[ ]*/[ ]*|Pool[ ]*/[ ]*)?(?P<agency>[A-Z][\w&'’.-]*(?:[ ]+[A-Z][\w&'’.-]*){0,2})"
    r"[ ]*(?=[,)\n]|$)",
    re.M,
)
# "CNN's Jane Roe contributed to this report", "Associated Press writer Tom Hale in Lima
# contributed reporting"
_CONTRIB = re.compile(
    rf"(?:^|[.\n]\s*)(?P<pre>[^\n.]{{0,60}}?)\b(?P<name>{_NAME})(?:\s+in\s+[A-Z][\w-]+)?"
    r"\s+contributed(?:\s+to\s+(?:this|the)\s+report|\s+reporting)",
    re.M,
)


def credit_actors(text: str, known: set[str]) -> list[Actor]:
    """Actors named in photo credits and contributor lines, not already in `known`."""
    ref = reference()
    out: dict[str, Actor] = {}

    def media(raw: str) -> str | None:
        raw = raw.strip()
        if raw.upper() in ("POOL", "FILE", "HANDOUT"):
            return None
        name = ref.surface.get(raw, raw)
        if name not in known and name not in out:
            out[name] = Actor(name, ActorKind.MEDIA, (raw,))
        return name

    def person(raw: str, outlet: str | None) -> None:
        raw = (
            re.split(r"['’]s?[ ]+", raw)[-1] if re.search(r"\w['’]s?[ ]", raw) else raw
        )  # "The Washington Post’s Daniel Okafor", "Reuters' Ivo Brandt"
        if len(raw.split()) < 2 or _NOT_PERSON.search(raw):
            return
        name = " ".join(t if not t.isupper() or len(t) < 3 else t.title() for t in raw.split())
        if name in known or name in out or name in ref.surface:
            return
        role = (Role("photographer" if outlet else "reporter", outlet),) if outlet else ()
        out[name] = Actor(name, ActorKind.PERSON, (raw,), None, role)

    for m in _PHOTO.finditer(text):
        outlet = media(m["agency"])
        if outlet:
            person(m["name"], outlet)
    # "Image source, KCNA via Reuters", "AFP via Getty Images": the distributing agency
    for m in re.finditer(
        r"\bvia[ ]+(?P<agency>[A-Z][\w&'’.-]*(?:[ ]+[A-Z][\w&'’.-]*){0,2})[ ]*$", text, re.M
    ):
        if m["agency"] in ref.surface:
            media(m["agency"])
    # "KYODO, STAFF REPORT", "SOURCE: AL JAZEERA AND NEWS AGENCIES": an outlet credited in
    # a short line in capitals
    for line in text.split("\n"):
        outlet = _caps_credit(line.strip())
        if outlet and outlet not in known and outlet not in out:
            surface = next(
                (s for s in ref.surface if ref.surface[s] == outlet and s.upper() in line), outlet
            )
            out[outlet] = Actor(outlet, ActorKind.MEDIA, (surface.upper(),))
    for m in _CONTRIB.finditer(text):
        pre = m["pre"]
        outlet = next(
            (ref.surface[s] for s in sorted(ref.surface, key=len, reverse=True) if s in pre), None
        )
        person(m["name"], outlet)
    return list(out.values())
