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

from django.db import connection, connections
from django.db.models import (
    BooleanField,
    F,
    FloatField,
    Func,
    Q,
    QuerySet,
    TextField,
    Value,
)
from django.db.models.expressions import Expression, OrderBy

from config.compiled import OnOwnTable

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


class Fold(Func):
    function = "parley_fold"
    output_field = TextField()


def normalise_query(q: str | None) -> str:
    """The text the database is asked to match: stripped, at most MAX_QUERY_LENGTH."""
    return (q or "").strip()[:MAX_QUERY_LENGTH]


def search_match(q: str) -> Expression:
    """PostgreSQL: the boolean condition `q` matches the row's `search` column."""
    return OnOwnTable(
        "{table}.\"search\" @@ websearch_to_tsquery('english', %s)", (q,), BooleanField()
    )


# What reading one GIN match costs (a random heap page, the recheck, a place in the sort),
# in rows walked along the primary key; measured on the 1M benchmark database, where the two
# plans break even near 5,000 matches for a page of 101 (docs/performance.md, fifth round).
GIN_MATCH_COST = 4.5


def estimate_matches(model, q: str, using: str) -> tuple[float, float]:
    """PostgreSQL's own estimates, from its statistics and without running the search, of
    how many rows of `model`'s table match `q` and how many rows the table has: one EXPLAIN,
    planning only, a fraction of a millisecond."""
    table = connections[using].ops.quote_name(model._meta.db_table)
    with connections[using].cursor() as cursor:
        cursor.execute(
            f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table}"
            " WHERE search @@ websearch_to_tsquery('english', %s)"
            f" UNION ALL SELECT 1 FROM {table}",
            [q],
        )
        (plan,) = cursor.fetchone()  # psycopg2 parses EXPLAIN's JSON
    matches, table_rows = (float(p["Plan Rows"]) for p in plan[0]["Plan"]["Plans"])
    return matches, table_rows


def sort_gin_matches(matches: float, table_rows: float, page_rows: int) -> bool:
    """Whether a page of `page_rows` search results in id order is cheaper from the GIN
    index's matches, sorted (cost ~ matches), than from walking the primary key and testing
    each row until the page is full (cost ~ page_rows × table_rows / matches, matches being
    spread evenly). PostgreSQL's planner prices the walk's per-row test too low and walks
    even for a word that one row in 400 contains."""
    return matches * matches * GIN_MATCH_COST < page_rows * table_rows


def is_searched(queryset: QuerySet) -> bool:
    """Whether `apply_search` filtered this queryset on PostgreSQL (it annotates `rank`)."""
    postgresql = connections[queryset.db].vendor == "postgresql"
    return postgresql and "rank" in queryset.query.annotations


def ids_order(model, q: str, using: str, first: str, page_rows: int) -> tuple[bool, OrderBy]:
    """How a searched page ordered by id (`first`: 'id' or '-id', or 'pk' …) takes its ids:
    (whether from the GIN matches sorted, the ORDER BY expression). `id + 0` is served by no
    index, so PostgreSQL sorts the GIN index's matches; plain `id` walks the primary key."""
    found, table_rows = estimate_matches(model, q, using)
    gin_sorted = sort_gin_matches(found, table_rows, page_rows)
    key = F("pk") + 0 if gin_sorted else F("pk")
    return gin_sorted, key.desc() if first.startswith("-") else key.asc()


class SearchedRows:
    """What DRF's paginators ask of a queryset (`order_by`, a position filter, a slice), for a
    searched list on PostgreSQL: the page's ids from `matches` first, by the plan
    `sort_gin_matches` picks when the order is by id, then `rows_for(ids)` in the same order
    — the joins and the computed columns for the page's rows only. Config/lean.py does the
    same with SQL compiled once; this is the ORM's version, for the full DRF path."""

    def __init__(self, matches: QuerySet, q: str, rows_for) -> None:
        self.matches, self.q, self.rows_for = matches, q, rows_for
        self.ordering = tuple(matches.query.order_by)

    def _copy(self, matches: QuerySet, ordering=None) -> SearchedRows:
        other = SearchedRows(matches, self.q, self.rows_for)
        other.ordering = self.ordering if ordering is None else ordering
        return other

    def order_by(self, *fields) -> SearchedRows:
        return self._copy(self.matches.order_by(*fields), fields)

    def filter(self, *args, **kwargs) -> SearchedRows:
        return self._copy(self.matches.filter(*args, **kwargs))

    def __getitem__(self, window: slice) -> list[dict]:
        matches = self.matches
        first = str(self.ordering[0]) if self.ordering else ""
        if first.lstrip("-") in ("id", "pk"):
            page_rows = window.stop - (window.start or 0)
            _, order = ids_order(matches.model, self.q, matches.db, first, page_rows)
            matches = matches.order_by(order)
        ids = list(matches.values_list("pk", flat=True)[window])
        return list(self.rows_for(ids).order_by(*self.ordering))


def apply_search(queryset: QuerySet, q: str) -> QuerySet:
    """Filter `queryset` (statements, claims, actors or meetings) to matches of `q`, annotated
    with `rank` and ordered best first. A query with no words leaves the queryset as it is."""
    q = normalise_query(q)
    terms = search_terms(q)
    if not terms:
        return queryset
    table = queryset.model._meta.db_table
    if connection.vendor == "postgresql":
        match = search_match(q)
        rank = _rank(q)
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


def _rank(q: str) -> OnOwnTable:
    return OnOwnTable(
        "ts_rank({table}.\"search\", websearch_to_tsquery('english', %s))", (q,), FloatField()
    )


# The site's search page ranks at most this many of the newest matches of each kind. Ranking
# reads every candidate's tsvector: a common word ("talks") matches 137,287 of the 1M
# statements, and ranking them all took 227 ms of a 342 ms page (docs/performance.md).
RANK_CANDIDATES = 2000


def best_matches(queryset: QuerySet, q: str, limit: int, candidates: int | None = None) -> list:
    """`apply_search(queryset, q)[:limit]` with its cost bounded: on PostgreSQL the best
    `limit` of the newest `candidates` matches (all of them when there are fewer), so that a
    word every seventh row contains costs what a rare one does. Actors (a small table, and
    matched through their aliases too) are ranked in full."""
    q = normalise_query(q)
    model = queryset.model
    if (
        connection.vendor != "postgresql"
        or not search_terms(q)
        or model._meta.db_table == "actors_actor"
    ):
        return list(apply_search(queryset, q)[:limit])
    candidates = RANK_CANDIDATES if candidates is None else candidates
    newest = model._default_manager.filter(search_match(q)).order_by("-pk").values("pk")
    ranked = queryset.filter(pk__in=newest[:candidates]).annotate(rank=_rank(q))
    return list(ranked.order_by("-rank", "-pk")[:limit])
