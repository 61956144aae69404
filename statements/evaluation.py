"""Score the extraction pipeline's dry-run output against a golden expected extraction.

Plain Python: no Django. Both sides are dicts in the `Extraction.to_dry_run()` shape::

    {"article": {...}, "actors": [...], "meetings": [...], "statements": [...], "claims": [...]}

Per article this computes

* statement precision / recall / F1 — one-to-one greedy matching. When both statements carry a
  valid character span, they match if the spans' overlap ratio (intersection over union) is at
  least ``SPAN_OVERLAP``; if the spans disagree, an identical normalised text still matches (so
  a stored text that differs slightly from the corpus's, e.g. by a stripped BOM, is not scored
  as a total loss). Without valid spans on both sides (the HTML article, offsets -1) texts
  match on token Jaccard, or token containment when the shorter text is at least half as long
  as the longer, at least ``TEXT_SIMILARITY``;
* speaker accuracy on matched statements — the predicted speaker equals the expected speaker's
  name or one of the expected speaker actor's aliases (case-insensitive);
* actor recall — an expected actor is found when a predicted actor shares a name or alias with
  it (case-insensitive). Matching is one-to-one, so two people sharing a surname merged into
  one predicted actor count as one found and one missed;
* meeting recall — a predicted meeting has at least all-but-one (and at least half) of the
  expected participants, matched through actor names and aliases, and the same start date at
  the coarser of the two precisions (or both starts unknown); one-to-one;
* claim recall — claimant matches as for speakers and the proposition's token overlap (Dice
  coefficient over token multisets) is at least ``CLAIM_OVERLAP``; one-to-one.

`evaluate_corpus` micro-averages over articles (sums of counts, then ratios).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from statements.extraction.actors import ONE_NAME_PER_BODY

SPAN_OVERLAP = 0.8
TEXT_SIMILARITY = 0.8
CLAIM_OVERLAP = 0.6

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00a0": " ",
    }
)
_WS = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+")

# Names of the figures, in report order, with the threshold option that guards each.
METRICS: tuple[tuple[str, str], ...] = (
    ("statement_precision", "statement precision"),
    ("statement_recall", "statement recall"),
    ("statement_f1", "statement F1"),
    ("speaker_accuracy", "speaker accuracy"),
    ("actor_recall", "actor recall"),
    ("meeting_recall", "meeting recall"),
    ("claim_recall", "claim recall"),
)


# --------------------------------------------------------------------------- normalisation


def normalise_text(text: str) -> str:
    """NFC, straight quotes, single spaces, trimmed."""
    text = unicodedata.normalize("NFC", text or "").translate(_QUOTES)
    return _WS.sub(" ", text).strip()


# One body, one name: the importer files "Thailand's Ministry of Foreign Affairs" and
# "Thailand's foreign ministry" under one actor, "Foreign Ministry of Thailand" (so that
# articles share it); an expected file may spell the body either way.
_BODY_NAMES = tuple(
    (re.compile(rf"^{re.escape(long)} of "), f"{short.casefold()} of ")
    for long, short in ONE_NAME_PER_BODY.items()
)


def normalise_name(name: str) -> str:
    """Case-folded, normalised text without a leading "the "; a ministry under the name the
    importer gives it ('Ministry of Foreign Affairs of X' -> 'foreign ministry of x')."""
    name = normalise_text(name).casefold()
    if name.startswith("the "):
        name = name[4:]
    for rx, canonical in _BODY_NAMES:
        name = rx.sub(canonical, name)
    return name


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(normalise_text(text).casefold()))


def token_similarity(a: str, b: str) -> float:
    """Jaccard over token multisets, or containment when the shorter is ≥ half the longer."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return 1.0 if normalise_text(a) == normalise_text(b) else 0.0
    inter = sum((ta & tb).values())
    union = sum((ta | tb).values())
    na, nb = sum(ta.values()), sum(tb.values())
    jaccard = inter / union
    short, long_ = min(na, nb), max(na, nb)
    containment = inter / short if short * 2 >= long_ else 0.0
    return max(jaccard, containment)


def token_overlap(a: str, b: str) -> float:
    """Dice coefficient over token multisets."""
    ta, tb = tokens(a), tokens(b)
    total = sum(ta.values()) + sum(tb.values())
    if total == 0:
        return 1.0
    return 2 * sum((ta & tb).values()) / total


def _valid_span(st: Mapping[str, Any]) -> bool:
    start, end = st.get("start"), st.get("end")
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and not isinstance(start, bool)
        and 0 <= start < end
    )


def span_overlap(a: Mapping[str, Any], b: Mapping[str, Any]) -> float:
    """Intersection over union of two [start, end) spans."""
    inter = min(a["end"], b["end"]) - max(a["start"], b["start"])
    if inter <= 0:
        return 0.0
    union = max(a["end"], b["end"]) - min(a["start"], b["start"])
    return inter / union


def statement_score(expected: Mapping[str, Any], predicted: Mapping[str, Any]) -> float:
    """> 0 when the two statements match; higher is a better match (span matches rank first)."""
    exp_text, pred_text = expected.get("text") or "", predicted.get("text") or ""
    if _valid_span(expected) and _valid_span(predicted):
        overlap = span_overlap(expected, predicted)
        if overlap >= SPAN_OVERLAP:
            return 1.0 + overlap
        if normalise_text(exp_text) == normalise_text(pred_text):
            return 1.0
        return 0.0
    similarity = token_similarity(exp_text, pred_text)
    return similarity if similarity >= TEXT_SIMILARITY else 0.0


# --------------------------------------------------------------------------- actors


def actor_forms(actor: Mapping[str, Any]) -> set[str]:
    forms = {normalise_name(actor.get("name") or "")}
    forms.update(normalise_name(a) for a in actor.get("aliases") or ())
    forms.discard("")
    return forms


class ActorIndex:
    """Canonical name → every normalised surface form of that actor (name and aliases)."""

    def __init__(self, actors: Iterable[Mapping[str, Any]]):
        self._forms: dict[str, set[str]] = {}
        for actor in actors:
            key = normalise_name(actor.get("name") or "")
            self._forms.setdefault(key, {key} if key else set()).update(actor_forms(actor))

    def forms(self, name: str | None) -> set[str]:
        key = normalise_name(name or "")
        if not key:
            return set()
        return self._forms.get(key, {key})


def same_actor(
    expected_name: str | None,
    predicted_name: str | None,
    expected_index: ActorIndex,
    predicted_index: ActorIndex | None = None,
) -> bool:
    """Speaker / claimant rule: equal names, or the predicted name is an expected alias.

    With `predicted_index`, any shared surface form of the two actors also counts (used for
    meeting participants, which name actors by their canonical names on both sides).
    """
    pred = normalise_name(predicted_name or "")
    if not pred:
        return False
    exp_forms = expected_index.forms(expected_name)
    if pred in exp_forms:
        return True
    return bool(predicted_index is not None and exp_forms & predicted_index.forms(predicted_name))


# --------------------------------------------------------------------------- matching


def greedy_match(n_expected: int, n_predicted: int, score: Any) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching on `score(i, j) > 0`, best scores first."""
    candidates = []
    for i in range(n_expected):
        for j in range(n_predicted):
            s = score(i, j)
            if s > 0:
                candidates.append((-s, i, j))
    candidates.sort()
    used_e: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for neg, i, j in candidates:
        if i in used_e or j in used_p:
            continue
        used_e.add(i)
        used_p.add(j)
        pairs.append((i, j, -neg))
    return sorted(pairs)


def _date_compatible(a: str | None, b: str | None) -> bool:
    if not a and not b:
        return True
    if not a or not b:
        return False
    k = min(len(a), len(b))
    return a[:k] == b[:k]


def required_participants(n: int) -> int:
    """All but one, and at least half (and at least one)."""
    return max(1, n - 1, math.ceil(n / 2))


# --------------------------------------------------------------------------- results


@dataclass
class ArticleScore:
    name: str
    statements_expected: int = 0
    statements_predicted: int = 0
    statements_matched: int = 0
    speakers_correct: int = 0
    actors_expected: int = 0
    actors_found: int = 0
    meetings_expected: int = 0
    meetings_found: int = 0
    claims_expected: int = 0
    claims_found: int = 0
    missed_statements: list[str] = field(default_factory=list)
    spurious_statements: list[str] = field(default_factory=list)
    wrong_speakers: list[str] = field(default_factory=list)
    missed_actors: list[str] = field(default_factory=list)
    missed_meetings: list[str] = field(default_factory=list)
    missed_claims: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def statement_precision(self) -> float:
        if self.statements_predicted == 0:
            return 1.0 if self.statements_expected == 0 else 0.0
        return self.statements_matched / self.statements_predicted

    @property
    def statement_recall(self) -> float:
        return _ratio(self.statements_matched, self.statements_expected)

    @property
    def statement_f1(self) -> float:
        p, r = self.statement_precision, self.statement_recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def speaker_accuracy(self) -> float:
        if self.statements_matched == 0:
            return 1.0 if self.statements_expected == 0 else 0.0
        return self.speakers_correct / self.statements_matched

    @property
    def actor_recall(self) -> float:
        return _ratio(self.actors_found, self.actors_expected)

    @property
    def meeting_recall(self) -> float:
        return _ratio(self.meetings_found, self.meetings_expected)

    @property
    def claim_recall(self) -> float:
        return _ratio(self.claims_found, self.claims_expected)

    def figures(self) -> dict[str, float]:
        return {key: getattr(self, key) for key, _ in METRICS}

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), **self.figures()}


def _ratio(found: int, expected: int) -> float:
    return 1.0 if expected == 0 else found / expected


_COUNTS = (
    "statements_expected",
    "statements_predicted",
    "statements_matched",
    "speakers_correct",
    "actors_expected",
    "actors_found",
    "meetings_expected",
    "meetings_found",
    "claims_expected",
    "claims_found",
)


@dataclass
class CorpusScore:
    articles: list[ArticleScore]

    @property
    def overall(self) -> ArticleScore:
        total = ArticleScore(name="overall")
        for art in self.articles:
            for key in _COUNTS:
                setattr(total, key, getattr(total, key) + getattr(art, key))
        return total

    def failures(self, thresholds: Mapping[str, float | None]) -> list[str]:
        """Human-readable list of overall figures below their threshold."""
        overall = self.overall.figures()
        labels = dict(METRICS)
        return [
            f"{labels[key]} {overall[key]:.3f} < {minimum:.3f}"
            for key, minimum in thresholds.items()
            if minimum is not None and overall[key] < minimum
        ]

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": [a.as_dict() for a in self.articles],
            "overall": self.overall.as_dict(),
        }


# --------------------------------------------------------------------------- scoring


def _short(text: str, width: int = 70) -> str:
    text = normalise_text(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def score_article(
    predicted: Mapping[str, Any], expected: Mapping[str, Any], name: str = ""
) -> ArticleScore:
    result = ArticleScore(name=name)
    exp_actors: Sequence[Mapping[str, Any]] = expected.get("actors") or []
    pred_actors: Sequence[Mapping[str, Any]] = predicted.get("actors") or []
    exp_index, pred_index = ActorIndex(exp_actors), ActorIndex(pred_actors)

    # statements
    exp_st = expected.get("statements") or []
    pred_st = predicted.get("statements") or []
    result.statements_expected, result.statements_predicted = len(exp_st), len(pred_st)
    pairs = greedy_match(
        len(exp_st), len(pred_st), lambda i, j: statement_score(exp_st[i], pred_st[j])
    )
    result.statements_matched = len(pairs)
    for i, j, _ in pairs:
        if same_actor(exp_st[i].get("speaker"), pred_st[j].get("speaker"), exp_index):
            result.speakers_correct += 1
        else:
            result.wrong_speakers.append(
                f"{_short(exp_st[i].get('text', ''), 50)!r}: expected "
                f"{exp_st[i].get('speaker')!r}, got {pred_st[j].get('speaker')!r}"
            )
    matched_e = {i for i, _, _ in pairs}
    matched_p = {j for _, j, _ in pairs}
    result.missed_statements = [
        f"{s.get('speaker')}: {_short(s.get('text', ''))}"
        for i, s in enumerate(exp_st)
        if i not in matched_e
    ]
    result.spurious_statements = [
        f"{s.get('speaker')}: {_short(s.get('text', ''))}"
        for j, s in enumerate(pred_st)
        if j not in matched_p
    ]

    # actors (one-to-one; exact name matches rank before alias matches)
    def actor_score(i: int, j: int) -> float:
        e, p = exp_actors[i], pred_actors[j]
        if normalise_name(e.get("name") or "") == normalise_name(p.get("name") or ""):
            return 2.0
        return 1.0 if actor_forms(e) & actor_forms(p) else 0.0

    actor_pairs = greedy_match(len(exp_actors), len(pred_actors), actor_score)
    result.actors_expected, result.actors_found = len(exp_actors), len(actor_pairs)
    found = {i for i, _, _ in actor_pairs}
    result.missed_actors = [a.get("name", "") for i, a in enumerate(exp_actors) if i not in found]

    # meetings
    exp_m = expected.get("meetings") or []
    pred_m = predicted.get("meetings") or []

    def meeting_score(i: int, j: int) -> float:
        e, p = exp_m[i], pred_m[j]
        if not _date_compatible(e.get("start"), p.get("start")):
            return 0.0
        exp_parts = list(e.get("participants") or [])
        pred_parts = list(p.get("participants") or [])
        hits = sum(
            any(same_actor(ep, pp, exp_index, pred_index) for pp in pred_parts) for ep in exp_parts
        )
        if hits < required_participants(len(exp_parts)):
            return 0.0
        shared = min(len(e.get("start") or ""), len(p.get("start") or ""))
        return hits + shared / 100

    meeting_pairs = greedy_match(len(exp_m), len(pred_m), meeting_score)
    result.meetings_expected, result.meetings_found = len(exp_m), len(meeting_pairs)
    found = {i for i, _, _ in meeting_pairs}
    result.missed_meetings = [
        f"{m.get('title')} ({m.get('start')})" for i, m in enumerate(exp_m) if i not in found
    ]

    # claims
    exp_c = expected.get("claims") or []
    pred_c = predicted.get("claims") or []

    def claim_score(i: int, j: int) -> float:
        e, p = exp_c[i], pred_c[j]
        if not same_actor(e.get("claimant"), p.get("claimant"), exp_index):
            return 0.0
        overlap = token_overlap(e.get("text") or "", p.get("text") or "")
        return overlap if overlap >= CLAIM_OVERLAP else 0.0

    claim_pairs = greedy_match(len(exp_c), len(pred_c), claim_score)
    result.claims_expected, result.claims_found = len(exp_c), len(claim_pairs)
    found = {i for i, _, _ in claim_pairs}
    result.missed_claims = [
        f"{c.get('claimant')}: {_short(c.get('text', ''))}"
        for i, c in enumerate(exp_c)
        if i not in found
    ]
    return result


def evaluate_corpus(
    pairs: Iterable[tuple[str, Mapping[str, Any], Mapping[str, Any]]],
) -> CorpusScore:
    """`pairs` yields (name, predicted, expected)."""
    return CorpusScore([score_article(pred, exp, name) for name, pred, exp in pairs])


def format_table(score: CorpusScore) -> str:
    """A fixed-width per-article table with an overall line."""
    headers = ("article", "stmt P", "stmt R", "stmt F1", "speaker", "actors", "meetings", "claims")
    rows = []
    for art in [*score.articles, score.overall]:
        figures = art.figures()
        rows.append(
            (
                art.name + (" (error)" if art.error else ""),
                *(
                    f"{figures[k]:.3f}"
                    for k in (
                        "statement_precision",
                        "statement_recall",
                        "statement_f1",
                        "speaker_accuracy",
                        "actor_recall",
                        "meeting_recall",
                        "claim_recall",
                    )
                ),
            )
        )
    width = max(len(headers[0]), *(len(r[0]) for r in rows))
    lines = [f"{headers[0]:<{width}}  " + "  ".join(f"{h:>8}" for h in headers[1:])]
    lines.append("-" * len(lines[0]))
    for n, row in enumerate(rows):
        if n == len(rows) - 1:
            lines.append("-" * len(lines[0]))
        lines.append(f"{row[0]:<{width}}  " + "  ".join(f"{c:>8}" for c in row[1:]))
    return "\n".join(lines)
