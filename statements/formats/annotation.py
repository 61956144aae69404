"""A statement's place in its article as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/).

The target is Parley's copy of the article — the stored text every span counts into, in
Unicode code points, exactly as the TextPositionSelector defines them — with the original
address as its `scope`. A TextQuoteSelector (the words with 32 characters either side) lets a
client re-anchor on a copy whose offsets differ.

Before serving, the stored span is checked against the stored text: if
`article.text[start:end]` is no longer the statement's text, the annotation says so
("parley:spanMismatch": true) and the view refuses it (409) rather than point at other words.
"""

from __future__ import annotations

from typing import Any

from statements.models import Statement

from .jsonld import parley_namespace

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
AFFIX = 32


def span_matches(statement: Statement) -> bool:
    return statement.article.text[statement.start : statement.end] == statement.text


def statement_annotation(statement: Statement, base: str = "") -> dict[str, Any]:
    """The annotation: body = who said it (and a link to the statement), target = the span.

    Example (the seed's first statement): target.selector =
    [{"type": "TextPositionSelector", "start": 328, "end": 416},
     {"type": "TextQuoteSelector", "exact": "If North Korea is given …",
      "prefix": "…", "suffix": ", Russian President Vladimir Putin said …"}]
    """
    article = statement.article
    text = article.text
    start, end = statement.start, statement.end
    page = base + statement.get_absolute_url()
    how = "direct quote" if statement.direct else "reported speech"
    annotation: dict[str, Any] = {
        "@context": [CONTEXT, {"parley": parley_namespace(base)}],
        "id": f"{page.rstrip('/')}/annotation.json",
        "type": "Annotation",
        "motivation": "identifying",
        "body": {
            "type": "TextualBody",
            "purpose": "identifying",
            "format": "text/plain",
            "value": f"{statement.speaker.name} ({how})",
            "creator": {
                "id": base + statement.speaker.get_absolute_url(),
                "name": statement.speaker.name,
            },
        },
        "target": {
            "source": base + article.get_absolute_url(),
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": end},
                {
                    "type": "TextQuoteSelector",
                    "exact": text[start:end],
                    "prefix": text[max(0, start - AFFIX) : start],
                    "suffix": text[end : end + AFFIX],
                },
            ],
        },
        "generator": {"type": "Software", "name": "Parley"},
    }
    if article.url:
        annotation["target"]["scope"] = article.url
    if not span_matches(statement):
        annotation["parley:spanMismatch"] = True
        annotation["parley:storedText"] = statement.text
    return annotation
