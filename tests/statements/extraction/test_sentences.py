"""Sentence spans: abbreviations, initials, decimals, quotes."""

from __future__ import annotations

from statements.extraction.sentences import paragraphs, sentences
from statements.extraction.types import Span


def _split(text: str) -> list[str]:
    paras = paragraphs(text, Span(0, len(text)), ())
    return [text[s.start : s.end] for s in sentences(text, paras)]


def test_abbreviations_and_initials() -> None:
    text = (
        "Mr. Kim met Dr. Lee and Gen. Park at St. Mary's. Matthew S. Schwartz wrote it. "
        "Growth was 2.5 percent in the U.S. Many analysts agree."
    )
    assert _split(text) == [
        "Mr. Kim met Dr. Lee and Gen. Park at St. Mary's.",
        "Matthew S. Schwartz wrote it.",
        "Growth was 2.5 percent in the U.S.",
        "Many analysts agree.",
    ]


def test_us_before_a_noun_does_not_end() -> None:
    assert _split("The U.S. State Department said so.") == ["The U.S. State Department said so."]


def test_quotes_end_sentences() -> None:
    assert _split('"It was fine." He left. "Really?" she asked.') == [
        '"It was fine."',
        "He left.",
        '"Really?" she asked.',
    ]


def test_paragraphs_cut_at_blank_lines_and_skips() -> None:
    text = "One.\nStill one.\n\nTwo.\nNoise line\nThree."
    noise = Span(text.index("Noise"), text.index("Noise") + 10)
    paras = paragraphs(text, Span(0, len(text)), (noise,))
    assert [text[p.start : p.end] for p in paras] == ["One.\nStill one.", "Two.", "Three."]
