"""Full-text search shared by the API and the site.

PostgreSQL: the stored generated `search` tsvector column (migration 0002) with a GIN index,
matched with `websearch_to_tsquery` and ordered by `ts_rank`. SQLite: every term must occur,
compared accent- and case-insensitively through a `parley_fold` SQL function registered on
each connection (see `StatementsConfig.ready`). Same call, same result shape: a queryset
annotated with `rank`, best first.
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata

from django.db import connection
from django.db.models import BooleanField, FloatField, Func, Q, QuerySet, TextField, Value
from django.db.models.expressions import Expression

# Which columns the SQLite fallback searches, per table (PostgreSQL's are in migration 0002).
FALLBACK_FIELDS: dict[str, tuple[str, ...]] = {
    "statements_statement": ("text",),
    "statements_claim": ("text", "condition"),
    "actors_actor": ("name", "description", "aliases__name"),
    "events_meeting": ("title", "place"),
}

_TERM = re.compile(r"\w[\w'’-]*", re.UNICODE)
_OPERATORS = {"or", "and", "not"}
MAX_QUERY_LENGTH = 200


def fold(value: str | None) -> str:
    """'Pyongyang’s CAFÉ' → 'pyongyang’s cafe': drop accents and case for comparison."""
    if value is None:
        return ""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def search_terms(q: str) -> list[str]:
    """The words of a query, for the fallback match and for highlighting results."""
    words = _TERM.findall((q or "")[:MAX_QUERY_LENGTH])
    return [w for w in words if w.casefold() not in _OPERATORS]


class _OnOwnTable(Expression):
    """SQL about the queried table's `search` column (no model field: a generated column on
    PostgreSQL), written against the table's alias in this query — a subquery renames it."""

    def __init__(self, template: str, params: tuple, output_field) -> None:
        super().__init__(output_field=output_field)
        self.template, self.params = template, params

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return self.template.format(table=compiler.quote_name_unless_alias(alias)), self.params


class Fold(Func):
    function = "parley_fold"
    output_field = TextField()


def apply_search(queryset: QuerySet, q: str) -> QuerySet:
    """Filter `queryset` (statements, claims, actors or meetings) to matches of `q`, annotated
    with `rank` and ordered best first. A query with no words leaves the queryset as it is."""
    q = (q or "").strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(q)
    if not terms:
        return queryset
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        match = _OnOwnTable(
            "{table}.\"search\" @@ websearch_to_tsquery('english', %s)", (q,), BooleanField()
        )
        rank = _OnOwnTable(
            "ts_rank({table}.\"search\", websearch_to_tsquery('english', %s))", (q,), FloatField()
        )
        condition = Q(match)
        if table == "actors_actor":  # aliases are rows of their own: match them directly
            condition |= Q(aliases__name__icontains=q)
            return queryset.filter(condition).annotate(rank=rank).order_by("-rank", "pk").distinct()
        return queryset.filter(condition).annotate(rank=rank).order_by("-rank", "-pk")
    fields = FALLBACK_FIELDS[table]
    queryset = queryset.alias(**{f"_fold{i}": Fold(field) for i, field in enumerate(fields)})
    for term in terms:
        folded = fold(term)
        queryset = queryset.filter(
            functools.reduce(
                operator.or_, (Q(**{f"_fold{i}__contains": folded}) for i in range(len(fields)))
            )
        )
    if any("__" in field for field in fields):
        queryset = queryset.distinct()
    return queryset.annotate(rank=Value(1.0, output_field=FloatField())).order_by("-pk")
