"""Quotes and reported speech: split quotes, multi-paragraph quotes, pronouns, carry-over."""

from __future__ import annotations

from statements.extraction import extract


def _st(text: str):
    ex = extract("Title\n\nMay 2, 2019\n\n" + text)
    for s in ex.statements:
        assert ex.text[s.start : s.end] == s.text
    return [(s.speaker, s.text, s.direct, s.utterance, s.reported_via) for s in ex.statements], ex


def test_split_quote_shares_utterance() -> None:
    got, _ = _st('"We are ready," Foreign Minister Ann Berg said. "The door is open."')
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Ann Berg", "We are ready,", True),
        ("Ann Berg", "The door is open.", True),
    ]
    assert got[0][3] == got[1][3]


def test_speaker_first_and_colon() -> None:
    got, _ = _st('President Tom Hale said: "We will talk." Hale added, "Soon."')
    assert [(g[0], g[1]) for g in got] == [("Tom Hale", "We will talk."), ("Tom Hale", "Soon.")]


def test_inverted_cue() -> None:
    got, _ = _st('"Nothing was agreed," said Chancellor Eva Lind.')
    assert got[0][:3] == ("Eva Lind", "Nothing was agreed,", True)


def test_multi_paragraph_quote() -> None:
    text = (
        'Ambassador Rui Sato said: "The first part goes here.\n\n'
        '"The second part follows.\n\n'
        '"And the end."\n\nOfficials declined to comment.'
    )
    got, _ = _st(text)
    assert [(g[0], g[1]) for g in got[:3]] == [
        ("Rui Sato", "The first part goes here."),
        ("Rui Sato", "The second part follows."),
        ("Rui Sato", "And the end."),
    ]
    assert len({g[3] for g in got[:3]}) == 1


def test_pronoun_speaker() -> None:
    got, ex = _st('Prime Minister Lena Moss arrived late. "It was a long flight," she said.')
    assert got == [("Lena Moss", "It was a long flight,", True, got[0][3], None)]
    assert ex.statements[0].confidence < 0.95


def test_carry_over_paragraph() -> None:
    got, ex = _st('"We disagree," envoy Paul Dunne said.\n\n"And we will say so again."')
    assert [(g[0], g[1]) for g in got] == [
        ("Paul Dunne", "We disagree,"),
        ("Paul Dunne", "And we will say so again."),
    ]
    assert ex.statements[1].confidence <= 0.7


def test_reported_forms_and_outlet() -> None:
    text = (
        "The sanctions would stay in place, President Tom Hale said on Monday. "
        "According to Hale, both sides want calm. Hale also called for new talks, Reuters reported.\n\n"
        "Hale said after the meeting that the sides were close. "
        '"We are close," Hale said, The Associated Press reported.'
    )
    got, _ = _st(text)
    assert [(g[0], g[1], g[2], g[4]) for g in got] == [
        # the outlet closing the paragraph covers all of that speaker's words in it
        ("Tom Hale", "The sanctions would stay in place", False, "Reuters"),
        ("Tom Hale", "both sides want calm", False, "Reuters"),
        ("Tom Hale", "new talks", False, "Reuters"),
        ("Tom Hale", "the sides were close", False, "The Associated Press"),
        ("Tom Hale", "We are close,", True, "The Associated Press"),
    ]


def test_partial_quote_and_described_as() -> None:
    text = (
        'President Tom Hale said he hoped the visit would "open a new chapter." '
        'Hale described the talks as "frank."'
    )
    got, _ = _st(text)
    assert [(g[0], g[1], g[2]) for g in got] == [
        ("Tom Hale", "open a new chapter.", True),
        ("Tom Hale", "frank.", True),
    ]


def test_outlet_as_speaker() -> None:
    got, _ = _st("Russian state TV reported that the delegations dined together.")
    assert got[0][:3] == ("Russian state TV", "the delegations dined together", False)


def test_nested_single_quotes() -> None:
    got, _ = _st("\"He told me 'never again,' and left,\" Senator Ida Ruiz said.")
    assert got[0][:2] == ("Ida Ruiz", "He told me 'never again,' and left,")
