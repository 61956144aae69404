"""Confidence orders statements so that the doubtful ones come first for review."""

from __future__ import annotations

from statements.extraction import extract

TEXT = """Leaders meet

April 25, 2019

Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Thursday.

"We have agreed on a great deal," Putin said.

Xi arrived late. "The partnership has no limits," he said.

"It will only grow."

A senior Western diplomat said the meeting was meant as a message to Washington.

Xi, speaking through an interpreter, said the two countries were close neighbours.
"""


def _by_confidence():
    ex = extract(TEXT)
    return sorted(ex.statements, key=lambda s: s.confidence), ex


def test_named_cue_is_most_confident_and_carry_over_least() -> None:
    ordered, ex = _by_confidence()
    texts = {s.text: s for s in ex.statements}
    named = texts["We have agreed on a great deal,"]
    pronoun = texts["The partnership has no limits,"]
    carried = texts["It will only grow."]
    anonymous = texts["the meeting was meant as a message to Washington"]
    appositive = texts["the two countries were close neighbours"]
    assert pronoun.speaker == carried.speaker == "Xi Jinping"
    assert anonymous.speaker == "senior Western diplomat"
    assert appositive.speaker == "Xi Jinping"
    # a carried-over quote (no cue at all) is the most doubtful, a named cue the least
    assert ordered[0] is carried
    assert ordered[-1] is named
    assert carried.confidence < pronoun.confidence < named.confidence
    assert anonymous.confidence < named.confidence
    assert appositive.confidence < named.confidence


def test_claims_carry_their_evidence_confidence() -> None:
    _, ex = _by_confidence()
    assert ex.claims
    for claim in ex.claims:
        best = max(ex.statements[i].confidence for i in claim.evidence)
        assert 0.0 < claim.confidence <= best
        if claim.subject is None:  # a claim about no identified actor is less certain
            assert claim.confidence < best
