"""Fourth generalisation round (statements and claims): a made-up sentence for each rule."""

from __future__ import annotations

from statements.extraction import extract


def _st(text: str) -> list[tuple[str, str, bool]]:
    ex = extract("Title\n\nMay 2, 2019\n\n" + text)
    for s in ex.statements:
        assert ex.text[s.start : s.end] == s.text
    return [(s.speaker, s.text, s.direct) for s in ex.statements]


def test_a_later_that_belongs_to_an_inner_verb() -> None:
    # the "that" after "showed" is the inner verb's, not the cue's
    got = _st("Envoy Ana Ruiz said the new figures showed that trade had grown.")
    assert got == [("Ana Ruiz", "the new figures showed that trade had grown", False)]


def test_told_without_that() -> None:
    assert _st("Envoy Ana Ruiz told Reuters they were hopeful.") == [
        ("Ana Ruiz", "they were hopeful", False)
    ]
    # the object of "told" is not part of the words, an inner "that" is
    assert _st("Envoy Ana Ruiz told reporters the leaders agreed that the row should end.") == [
        ("Ana Ruiz", "the leaders agreed that the row should end", False)
    ]
    # "told <object> <adverbials> that"
    assert _st("Envoy Ana Ruiz told Chilean news agencies last week that the row was over.") == [
        ("Ana Ruiz", "the row was over", False)
    ]


def test_trailing_according_to_is_attribution() -> None:
    got = _st("Envoy Ana Ruiz told Leo Sal that the border would reopen, according to the office.")
    assert got == [("Ana Ruiz", "the border would reopen", False)]


def test_a_noun_object_is_not_reported_speech() -> None:
    assert _st("Envoy Ana Ruiz urged Lima to reopen the border.") == []
    assert _st("Envoy Ana Ruiz welcomed the new visa rules.") == []
    assert _st("Envoy Ana Ruiz denied that troops had crossed.") == [
        ("Ana Ruiz", "troops had crossed", False)
    ]
