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
from django.db.models.expressions import RawSQL

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


# The big table whose searches PostgreSQL plans badly on its own: with `ORDER BY id LIMIT n`
# it walks the primary key testing every row's tsvector until n match, which is right for
# common words ("talks": 0.2 ms) but ten times too slow for words in a fraction of a percent
# of rows ("Mongolia", 0.25 %: 14–24 ms walking 45,000 rows against 3–6 ms for the GIN bitmap
# and a top-N sort). Its estimates are right; its cost model undervalues the tsvector test.
PLANNED_TABLES = {"statements_statement"}
# Below this share of rows the GIN bitmap wins (bitmap ~2.4 µs a match, walk ~0.3 µs a row:
# they cost the same near 0.36 %); see docs/performance.md, "Search".
RARE_SHARE = 0.0035


def _rare(table: str, q: str) -> bool:
    """Is `q` rare in `table`, by the planner's own statistics (one small query)? Lexemes
    missing from the most-common list are rare; without statistics, leave the plan alone."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(s.attname), "
            "max(s.most_common_elem_freqs[array_position(s.most_common_elems::text::text[], l)]), "
            "min(coalesce(s.most_common_elem_freqs[array_position("
            "s.most_common_elems::text::text[], l)], 0)) "
            "FROM unnest(tsvector_to_array(to_tsvector('english', %s))) AS l "
            "LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = %s "
            "AND s.attname = 'search'",
            # ("a -b": the excluded word says nothing of how many rows match)
            [re.sub(r"(?:^|\s)-\S+", " ", q), table],
        )
        lexemes, with_stats, most, least = cursor.fetchone()
    if not lexemes or with_stats < lexemes:
        return False
    # "a or b" matches at least the commoner word's rows; "a b" at most the rarer's
    share = most if " or " in f" {q.lower()} " else least
    return share is None or share < RARE_SHARE


def _matching_ids(table: str, q: str) -> RawSQL:
    """`id = ANY(ARRAY(SELECT id … WHERE search @@ q))`: the matches first (GIN bitmap, one
    InitPlan), then ordered primary-key probes for just those rows."""
    return RawSQL(
        f'"{table}"."id" = ANY(ARRAY(SELECT m."id" FROM "{table}" m '
        f"WHERE m.\"search\" @@ websearch_to_tsquery('english', %s)))",
        (q,),
        output_field=BooleanField(),
    )


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
        match = RawSQL(
            f'"{table}"."search" @@ websearch_to_tsquery(\'english\', %s)',
            (q,),
            output_field=BooleanField(),
        )
        rank = RawSQL(
            f'ts_rank("{table}"."search", websearch_to_tsquery(\'english\', %s))',
            (q,),
            output_field=FloatField(),
        )
        condition = Q(match)
        if table in PLANNED_TABLES and _rare(table, q):
            condition &= Q(_matching_ids(table, q))
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
