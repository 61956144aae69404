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


def test_long_relative_clause_between_speaker_and_verb() -> None:
    got = _st(
        "Envoy Ana Ruiz, who had been received with full honours by the king and the queen and "
        "the crown prince at the palace the evening before, said Peru would send more grain."
    )
    assert got == [("Ana Ruiz", "Peru would send more grain", False)]


def test_a_name_after_said_that_does_not_end_the_clause_starts_the_words() -> None:
    # "…, Tomas Ferro, said Sal's government had …": Sal is inside the reported clause
    got = _st(
        "President Leo Sal met Ana Ruiz. In a statement, the adviser on trade, Tomas Ferro, "
        "said Sal's government had invited Ruiz to Lima."
    )
    assert got == [("Tomas Ferro", "Sal's government had invited Ruiz to Lima", False)]


def test_agreed_to_is_not_speech() -> None:
    got = _st("Peru and Chile agreed Wednesday to reopen the border, Envoy Ana Ruiz said.")
    assert got == [("Ana Ruiz", "Peru and Chile agreed Wednesday to reopen the border", False)]
    assert _st("Envoy Ana Ruiz agreed that the row was over.") == [
        ("Ana Ruiz", "the row was over", False)
    ]


def test_then_that_and_a_later_clause_with_its_own_subject() -> None:
    got = _st(
        "Envoy Ana Ruiz had said then that a deal was close, before Chilean officials "
        "accused Lima of stalling."
    )
    assert got == [("Ana Ruiz", "a deal was close", False)]


def test_according_to_someone_who_is_a_relative_clause_not_the_words() -> None:
    got = _st("The border would reopen, according to Envoy Ana Ruiz, who spoke in Lima.")
    assert got == [("Ana Ruiz", "The border would reopen", False)]
