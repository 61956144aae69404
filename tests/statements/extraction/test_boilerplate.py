"""Boilerplate: newsletter boxes, captions with credits, share links, copyright."""

from __future__ import annotations

from statements.extraction import extract
from statements.extraction.boilerplate import find_boilerplate

TEXT = """Envoys Meet

The envoys met in Geneva on Monday, officials said.
Sign Up For The Example Weekly Newsletter

Get the news you need, every morning.
Email address

By subscribing, you agree to our terms.

Two envoys shake hands before the meeting in Geneva.
Jane Roe/Getty Images

"We made progress," the envoy said.
Related: Earlier talks ended without a deal
Advertisement
© 2020 The Associated Press. All rights reserved.
"""


def _lines(text: str, spans) -> list[str]:
    return [text[s.start : s.end] for s in spans]


def test_noise_lines() -> None:
    bp = find_boilerplate(TEXT, TEXT.index("The envoys"))
    assert _lines(TEXT, bp.spans) == [
        "Sign Up For The Example Weekly Newsletter",
        "Get the news you need, every morning.",
        "Email address",
        "By subscribing, you agree to our terms.",
        "Two envoys shake hands before the meeting in Geneva.",
        "Jane Roe/Getty Images",
        "Related: Earlier talks ended without a deal",
        "Advertisement",
        "© 2020 The Associated Press. All rights reserved.",
    ]
    assert bp.publisher == "The Associated Press"


def test_no_statements_from_noise_and_text_unchanged() -> None:
    ex = extract(TEXT)
    assert ex.text == TEXT
    assert ex.article.publisher == "The Associated Press"
    for st in ex.statements:
        assert not any(b.start <= st.start < b.end for b in ex.article.boilerplate)
    assert all("Earlier talks" not in st.text for st in ex.statements)
