"""Provenance as editors see it: a statement's words highlighted in their sentence.

Everything from the article is escaped (format_html); only our own <mark> is markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .models import Statement

# Where a sentence ends: . ! or ? (optionally followed by a closing quote) and white space, or a
# line break. "…in Vladivostok. Putin said" → the boundary is after "Vladivostok. ".
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')]*\s+|\n+")
# How far to look for the sentence's edges; a longer sentence is cut with an ellipsis.
WINDOW = 300


def _bounds(text: str, start: int, end: int, window: int) -> tuple[int, int, bool, bool]:
    floor, ceiling = max(0, start - window), min(len(text), end + window)
    left, cut_left = floor, floor > 0
    for match in _BOUNDARY.finditer(text, floor, start):
        left, cut_left = match.end(), False
    match = _BOUNDARY.search(text, end, ceiling)
    if match:
        return left, max(match.start(), end), cut_left, False
    return left, ceiling, cut_left, ceiling < len(text)


def sentence_span(text: str, start: int, end: int, window: int = WINDOW) -> tuple[int, int]:
    """The (start, end) of the sentence(s) around text[start:end].

    >>> sentence_span('One. "We met," he said. Two.', 6, 13)
    (5, 23)
    """
    left, right, _, _ = _bounds(text, start, end, window)
    return left, right


def quote_in_context(text: str, start: int, end: int, window: int = WINDOW) -> SafeString:
    """The sentence around [start, end) with those characters in <mark>; a sentence longer
    than the window is cut, with an ellipsis."""
    left, right, cut_left, cut_right = _bounds(text, start, end, window)
    return format_html(
        '{}{}<mark class="quote">{}</mark>{}{}',
        "…" if cut_left else "",
        text[left:start],
        text[start:end],
        text[end:right],
        "…" if cut_right else "",
    )


def statement_in_context(statement: Statement) -> SafeString:
    return quote_in_context(statement.article.text, statement.start, statement.end)


def evidence_table(statements: Iterable[Statement]) -> SafeString:
    """The evidence of a claim as a read-only table: quote in context, speaker, article."""
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href='{}'>edit</a></td></tr>",
        (
            (
                statement_in_context(s),
                s.speaker.name,
                "direct quote" if s.direct else "reported",
                s.article.title,
                reverse("admin:statements_statement_change", args=[s.pk]),
            )
            for s in statements
        ),
    )
    if not rows:
        return format_html("<p>{}</p>", "No evidence statements.")
    return format_html(
        "<table class='parley-evidence'><thead><tr><th>Quote in its sentence</th>"
        "<th>Speaker</th><th>Kind</th><th>Article</th><th></th></tr></thead>"
        "<tbody>{}</tbody></table>",
        rows,
    )
