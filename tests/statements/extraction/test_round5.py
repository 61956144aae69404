"""Round 5 (meetings and actors on unseen articles): made-up stories, none from the corpus."""

from __future__ import annotations

from statements.extraction import extract


def _actor_names(text: str) -> set[str]:
    return {a.name for a in extract(text).actors}


def test_names_with_latin_extended_letters() -> None:
    text = (
        "Ministers meet on river traffic\n\nMay 4, 2022\n\n"
        "Czech Foreign Minister Tomáš Petříček met Polish diplomat Jarosław Wałęsa in Prague. "
        '"The river unites us," Wałęsa said.\n'
    )
    names = _actor_names(text)
    assert "Tomáš Petříček" in names
    assert "Jarosław Wałęsa" in names
