"""The quote highlighted in its sentence: edges, ellipses, escaping."""

from __future__ import annotations

import pytest

from statements.admin_display import quote_in_context, sentence_span

TEXT = 'Intro.\nPutin met Kim. "We talked for hours," he said. Then they ate.'


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def test_the_sentence_around_a_quote():
    start, end = _span("We talked for hours,")
    left, right = sentence_span(TEXT, start, end)
    assert TEXT[left:right] == '"We talked for hours," he said.'


def test_a_quote_at_the_very_start_or_end_of_the_text():
    assert sentence_span(TEXT, 0, 5) == (0, 6)
    start, end = _span("Then they ate.")
    assert TEXT[slice(*sentence_span(TEXT, start, end))] == "Then they ate."


def test_a_long_sentence_is_cut_with_ellipses():
    text = "word " * 200 + "QUOTE" + " word" * 200
    start = text.index("QUOTE")
    html = str(quote_in_context(text, start, start + 5))
    assert html.startswith("…") and html.endswith("…")
    assert '<mark class="quote">QUOTE</mark>' in html
    assert len(html) < 800


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", '"><img src=x onerror=1>'])
def test_everything_from_the_article_is_escaped(hostile):
    text = f"Before {hostile}. Said {hostile} here. After."
    start = text.index("Said")
    html = str(quote_in_context(text, start, start + len(f"Said {hostile}")))
    assert hostile not in html
    assert "&lt;" in html and html.count("<mark") == 1
