"""`{% load parley_jsonld %}{% jsonld obj %}` — an actor's, meeting's, statement's or claim's
schema.org JSON-LD as a `<script type="application/ld+json">` block.

A JSON-LD block is data, not script (the CSP's script-src does not apply to it), but it sits
inside HTML: `<`, `>` and `&` are written as \\u003c, \\u003e, \\u0026 so that no stored string
("</script>", "<!--", "]]>") can end the block or open markup. The document is the same as
`/api/v1/<resource>/<id>.jsonld` whatever the page prefetched: when the object the page
passes already carries every relation `statements.formats.queries` would load for it
(`_RELATIONS`; the statement page loads them), it is used as it is; otherwise the document
is re-read through those querysets (a fixed 2–4 queries).
"""

from __future__ import annotations

import json

from django import template
from django.utils.safestring import SafeString, mark_safe

from actors.models import Actor
from events.models import Meeting
from statements.formats import jsonld as formats_jsonld
from statements.formats import queries
from statements.models import Claim, Statement

register = template.Library()

# What each document reads beyond the object's own row, as `statements.formats.queries`
# loads it: (select_related paths, prefetch_related paths).
_RELATIONS = {
    Statement: (
        ("speaker", "reported_via", "meeting", "article__publisher"),
        ("article__authors",),
    ),
}

_QUERYSETS = {
    Actor: queries.actors_for_jsonld,
    Meeting: queries.meetings_for_jsonld,
    Statement: queries.statements_for_jsonld,
    Claim: queries.claims_for_jsonld,
}


def script_json(data: object) -> SafeString:
    """JSON that is safe inside a <script> element (and inside HTML generally)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    # (str.replace, not str.translate: a lookup per character cost 40 µs on a statement page)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # U+2028/2029 are valid JSON but end a line in older JavaScript parsers
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    # safe: every character that could end the block or open markup is escaped above
    return mark_safe(text)


@register.simple_tag(takes_context=True)
def jsonld(context, obj) -> SafeString:
    """The `<script type="application/ld+json">` block for `obj` ('' for anything else)."""
    fetch = _QUERYSETS.get(type(obj))
    if fetch is None or obj.pk is None:
        return mark_safe("")
    if _carries(obj, *_RELATIONS.get(type(obj), (None, None))):
        fresh = obj
    else:
        fresh = fetch().filter(pk=obj.pk).first()
    if fresh is None:
        return mark_safe("")
    request = context.get("request")
    base = request.build_absolute_uri("/").rstrip("/") if request is not None else ""
    data = formats_jsonld.document_for(fresh, base)
    return mark_safe(f'<script type="application/ld+json">{script_json(data)}</script>')


def _carries(obj, selected: tuple[str, ...] | None, prefetched: tuple[str, ...] | None) -> bool:
    """Whether `obj` already holds these select_related and prefetch_related relations."""
    if selected is None:
        return False
    for path in selected:
        target = obj
        for name in path.split("__"):
            if target is None:
                break
            if not target._meta.get_field(name).is_cached(target):
                return False
            target = getattr(target, name)
    for path in prefetched:
        *head, last = path.split("__")
        target = obj
        for name in head:  # each step was checked above (it is in `selected`)
            target = getattr(target, name) if target is not None else None
        if target is not None and last not in getattr(target, "_prefetched_objects_cache", {}):
            return False
    return True
