"""Generic personal-name shapes: no gazetteer of people, only token patterns."""

from __future__ import annotations

import re

UP = "A-ZÀ-ÖØ-Þ"
LO = "a-zß-öø-ÿ"
TOKEN = (
    rf"(?:[{UP}][{LO}]*['’][{UP}][{LO}]+"
    rf"|[{UP}][{LO}]+(?:[{UP}][{LO}]+)?(?:-[{UP}{LO}][{LO}]+)*"
    rf"|[{UP}]\.)"
)
PARTICLES = "de|da|del|van|von|der|den|bin|ibn|al|el|la|le|du|di|dos"
NAME_RE = re.compile(rf"{TOKEN}(?:\s+(?:(?:{PARTICLES})\s+)?{TOKEN}){{0,4}}")
TOKEN_RE = re.compile(TOKEN)

# Capitalised words that are not parts of personal names.
NOT_NAME = frozenset(
    """
    The A An And But Or Of In On At For To From With By As If When While After Before Since Until
    Up Down Out Over Under First Last Next New Old Daily Weekly News Morning Evening Edition Day
    Week Weekend All Things Considered Here Now This That These Those There Their His Her Its Our
    Live Today Tonight Show Report Times Post Journal Press Radio TV Television Agency Ministry
    Department Office House Council Party Army Navy Force Forces Committee Commission University
    Institute Center Centre Foundation Company Group Bank Fund North South East West Eastern Western
    Northern Southern Central Korean Peninsula Island Islands Union War World II III Sea River Street
    Square Palace Hall Summit Talks Security Guarantees Says Said Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October
    November December Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec He She It They We I You Many Some
    Most Several Both Each Every No Not Mr Mrs Ms Dr President Minister Secretary Chancellor Leader
    King Queen Prince Pope Premier General Gen Admiral Director Chief Head Ambassador Envoy
    Spokesperson Spokesman Spokeswoman Chairman Chairwoman Correspondent Reporter Senator Governor
    Mayor Foreign Prime Vice Deputy Supreme State Federal National International United Republic
    Democratic People's Kingdom Empire Federation Government Administration Embassy Parliament
    Congress Senate Assembly Court Council Twitter Facebook Instagram Email Share Sign Subscribe
    Advertisement Related Read More Photo Image Video Audio Getty Images Pool Via Reuters Breaking
    Analysis Opinion Editorial Updated Published Posted Chinese Russian American Japanese Iranian
    Israeli Ukrainian Soviet European Asian African Arab Western Gulf Pacific Atlantic Middle
    Also Still However Meanwhile According Although Though Because Despite Instead Yet So Then Thus
    Asked Told Added Noted Describing Speaking Writing Meeting Talking Willing Given Open Eager
    """.split()
)


def clean_name(candidate: str) -> str | None:
    """Cut a capitalised run down to the name part, or None.

    'Vladimir Putin' -> 'Vladimir Putin'; 'Up First' -> None; 'S.' -> None
    """
    tokens = candidate.split()
    out: list[str] = []
    for tok in tokens:
        bare = tok.rstrip(".")
        if bare in NOT_NAME or tok in NOT_NAME:
            break
        out.append(tok)
    while out and (len(out[-1]) == 2 and out[-1].endswith(".")):
        out.pop()  # a trailing initial is a sentence end, not a name part
    while out and out[-1] in PARTICLES.split("|"):
        out.pop()
    if not out or all(len(t) <= 2 for t in out):
        return None
    return " ".join(out)


def surname(name: str, family_first: frozenset[str]) -> str:
    """The form a text uses on second reference.

    'Vladimir Putin' -> 'Putin'; 'Kim Jong Un' -> 'Kim'; 'Moon Jae-in' -> 'Moon'
    """
    tokens = name.split()
    if len(tokens) == 1:
        return tokens[0]
    if tokens[0] in family_first and (len(tokens) == 3 or "-" in tokens[1] or len(tokens) == 2):
        if not (len(tokens) == 2 and tokens[1] in family_first):
            return tokens[0]
    return tokens[-1]
