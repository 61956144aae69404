"""CAMEO event codes for meetings and statements, so Parley joins with GDELT and ICEWS.

Plain Python: no Django here (the loader and `assign_cameo` call these with plain values).
The keyword table lives in `data/cameo.json` (reference data, see its `_about`).

CAMEO codes an event from a source actor towards a target; Parley stores one code per
meeting, so it picks one side, always the same way:

- a call → 041 Discuss by telephone; a negotiation round or a series of rounds → 046;
- a visit (someone travels to someone) → 042 Make a visit, the traveller's side;
- any other in-person meeting on a participant's home ground → 043 Host a visit, the host's
  side (the guest's side of the same event is 042); on neither side's ground → 044 Meet at a
  third location; place unknown → 040 Consult;
- a meeting only announced or proposed (`planned=True`) → 036 Express intent to meet.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "cameo.json"

MAKE_STATEMENT = "010"
CONSULT = "040"
MAKE_VISIT = "042"
HOST_VISIT = "043"
THIRD_LOCATION = "044"
INTENT_TO_MEET = "036"


@dataclass(frozen=True)
class Rule:
    code: str
    where: str  # "cue" | "text"
    pattern: re.Pattern[str]
    direct_only: bool = False


@cache
def _table() -> dict:
    return json.loads(DATA_FILE.read_text(encoding="utf-8"))


@cache
def statement_rules() -> tuple[Rule, ...]:
    rules = []
    for row in _table()["statement_rules"]:
        words = sorted(row["keywords"], key=len, reverse=True)
        pattern = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE
        )
        rules.append(Rule(row["code"], row["where"], pattern, row.get("direct_only", False)))
    # every cue rule before every text rule, each group in file order
    return tuple(sorted(rules, key=lambda r: r.where != "cue"))


def label(code: str) -> str:
    """'043' → 'Host a visit' ('' for a code Parley does not use)."""
    return _table()["labels"].get(code, "")


def meeting_cameo(
    kind: str,
    host_is_participant: bool | None,
    place_country_is_participant: bool | None,
    *,
    planned: bool = False,
) -> str:
    """The CAMEO code of a meeting.

    `host_is_participant`: a participant is recorded as the host (None: no host recorded).
    `place_country_is_participant`: the place is in a participating state's (or a participating
    person's) country — True, in none of theirs — False, unknown place — None.

    >>> meeting_cameo("bilateral", None, True)   # Putin and Kim on Russky Island, Russia
    '043'
    >>> meeting_cameo("summit", None, False)     # Trump and Kim in Hanoi
    '044'
    """
    if planned:
        return INTENT_TO_MEET
    by_kind = _table()["meeting_kinds"]
    if kind in by_kind:
        return by_kind[kind]
    if host_is_participant or place_country_is_participant:
        return HOST_VISIT
    if place_country_is_participant is False:
        return THIRD_LOCATION
    return CONSULT


def statement_cameo(cue_text: str, text: str, direct: bool) -> str:
    """The CAMEO code of a statement from its reporting cue and its words (010 by default).

    >>> statement_cameo("Putin also called", "for another round of six-party talks", False)
    '020'
    >>> statement_cameo("Putin said", "Kim Jong Un would be willing to denuclearize", False)
    '030'
    """
    for rule in statement_rules():
        if rule.direct_only and not direct:
            continue
        haystack = cue_text if rule.where == "cue" else text
        if haystack and rule.pattern.search(haystack):
            return rule.code
    return MAKE_STATEMENT
