"""Round 7 (after held-out batch 7 was scored): made-up stories, none from the corpus."""

from __future__ import annotations

from statements.extraction import extract


def test_names_with_vietnamese_letters_are_people_and_speakers() -> None:
    text = (
        "Ministers meet on rice trade\n\nMay 4, 2022\n\n"
        "HANOI — Deputy Prime Minister Trần Lưu Quang met Thai Trade Minister Jurin Laksanawisit "
        "in Hanoi on Tuesday. "
        '"Rice links our farmers," Quang said.\n'
    )
    ex = extract(text)
    names = {a.name for a in ex.actors}
    assert "Trần Lưu Quang" in names
    speakers = {s.speaker for s in ex.statements}
    assert "Trần Lưu Quang" in speakers
