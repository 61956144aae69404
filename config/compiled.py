"""Querysets compiled to SQL once per shape, then run with each request's values.

Building and compiling a 40-column `.values()` query with joins and an annotation took the
ORM about 2–3 ms per request, more than PostgreSQL took to run it (docs/performance.md).
The API's hot reads have a handful of shapes (which filters are present, the ordering, the
cursor's direction), so each shape is built once with the ORM, using *marker* values in
place of the request's values, and compiled; the markers are then found among the compiled
parameters, and each request runs the cached SQL with its own values in their places, through
Django's cursor (so query counting, execute wrappers and database routing still apply) and
with the same converters `.values()` applies. The result is exactly what `.values()` returns.

A shape whose markers cannot all be found (the ORM transformed a value, or put it in the
SQL text) is refused with `NotCompilable`; callers then use the ORM as before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connections, router
from django.db.models import BooleanField, QuerySet, prefetch_related_objects
from django.db.models.expressions import Expression
from django.db.models.query import ModelIterable, get_related_populators

from config.jsonrows import set_prefetched

MAX_SHAPES = 512  # per connection; more distinct shapes than this start a fresh cache


class NotCompilable(Exception):
    """The shape's values cannot be located in its SQL: use the ORM for it."""


class _Empty:
    """A shape whose WHERE can match nothing (e.g. `__in=[]`): no query, no rows."""


_EMPTY = _Empty()


def int_marker(i: int) -> int:
    return -7_919_000_000_001 - i


def str_marker(i: int) -> str:
    return f"\x1fparley-marker-{i}\x1f"


def date_marker(i: int) -> dt.date:
    # Distinct years far from real data; day 11 of month 11, so that the first of the month
    # and the first of the year derived from it are distinct markers too.
    return dt.date(1001 + 3 * i, 11, 11)


def ids_marker(i: int) -> list[int]:
    """A list of ids, bound as one array parameter (`id = ANY(%s)`)."""
    return [int_marker(i)]


_BIGINT = (-(2**63), 2**63 - 1)


class OnOwnTable(Expression):
    """SQL about a column of the queried table that the model does not declare (a generated
    column on PostgreSQL), written against the table's alias in this query — a subquery
    renames it."""

    def __init__(self, template: str, params: tuple, output_field) -> None:
        super().__init__(output_field=output_field)
        self.template, self.params = template, params

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return self.template.format(table=compiler.quote_name_unless_alias(alias)), self.params


def pk_in(model, ids: list[int]) -> OnOwnTable:
    """`pk = ANY(%s)`: one array parameter, so that the SQL is the same for any number of ids
    (`pk__in` writes one placeholder per id)."""
    column = model._meta.pk.column
    return OnOwnTable(f'{{table}}."{column}" = ANY(%s)', (ids,), BooleanField())


def marker_like(value: Any, i: int) -> Any:
    """A marker of the same type as `value` (int, str, date or a list of ids)."""
    if isinstance(value, bool):
        raise NotCompilable("booleans are not markable")
    if isinstance(value, int):
        if not _BIGINT[0] <= value <= _BIGINT[1]:
            # the ORM answers these without asking the database (no row can match, or all);
            # the database would refuse them
            raise NotCompilable("an integer beyond 64 bits")
        return int_marker(i)
    if isinstance(value, str):
        return str_marker(i)
    if isinstance(value, list) and all(
        type(v) is int and _BIGINT[0] <= v <= _BIGINT[1] for v in value
    ):
        return ids_marker(i)
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return date_marker(i)
    raise NotCompilable(f"no marker for {type(value).__name__}")


class _Compiled:
    __slots__ = ("converters", "names", "prepared", "slots", "sql")

    def __init__(self, sql, slots, names, converters, prepare: bool):
        self.sql = sql
        self.slots = slots  # per parameter: (index into the values, to_db) or (None, constant)
        self.names = names
        self.converters = converters
        self.prepared = _statement_name(sql) if prepare else None


def _compile_sql(compiler, markers: Sequence[Any]) -> tuple[str, list] | _Empty:
    """The compiler's SQL and, per parameter, where its value comes from."""
    try:
        sql, params = compiler.as_sql()
    except EmptyResultSet:
        return _EMPTY
    slots: list[tuple[int | None, Any]] = []
    found: set[int] = set()
    for param in params:
        for i, marker in enumerate(markers):
            if param == marker and type(param) is type(marker):
                slots.append((i, None))
                break
            if isinstance(marker, dt.date) and param == str(marker):  # SQLite: dates as text
                slots.append((i, str))
                break
        else:
            if any(str(m) in str(param) for m in markers):
                raise NotCompilable(f"a marker was transformed: {param!r}")
            slots.append((None, param))
            continue
        found.add(slots[-1][0])
    if len(found) != len(markers):
        raise NotCompilable("not every value reached the SQL as a parameter")
    if any(str(m) in sql for m in markers):
        raise NotCompilable("a value was written into the SQL text")
    return sql, slots


def _compile(
    queryset: QuerySet, markers: Sequence[Any], limit: bool, prepare: bool
) -> _Compiled | _Empty:
    query = queryset.query
    compiler = query.get_compiler(queryset.db)
    compiled = _compile_sql(compiler, markers)
    if compiled is _EMPTY:
        return _EMPTY
    sql, slots = compiled
    if limit:
        sql += " LIMIT %s OFFSET %s"
    if query.selected:
        names = list(query.selected)
    else:
        names = [*query.extra_select, *query.values_select, *query.annotation_select]
    return _Compiled(sql, slots, names, _converters(compiler), prepare)


def _converters(compiler) -> list:
    """The compiler's database converters for its selected columns, as `results_iter` finds
    them, found once per shape."""
    columns = [s[0] for s in compiler.select[0 : compiler.col_count]]
    if compiler.has_composite_fields(columns):
        raise NotCompilable("composite fields")
    return list(compiler.get_converters(columns).items())


# A prepared statement the session no longer has (DEALLOCATE, DISCARD ALL from a pooler's
# reset) or whose result type a migration changed under it ("cached plan must not change
# result type").
_LOST_PREPARED = {"26000", "0A000"}


def _fetch(connection, compiled, values: Sequence[Any], limit: int | None, offset: int) -> list:
    """Run a compiled statement with this request's values bound into its slots."""
    try:
        return _run(connection, compiled, values, limit, offset, prepare=True)
    except DatabaseError as error:
        cause = getattr(error.__cause__, "pgcode", None)
        if not compiled.prepared or cause not in _LOST_PREPARED:
            raise
        # Forget what this session had prepared; outside a transaction run the query as it
        # is (it is prepared again on the next request), inside one the error stands.
        connection.__dict__.pop("_parley_prepared", None)
        if not connection.get_autocommit():
            raise
        return _run(connection, compiled, values, limit, offset, prepare=False)


def _run(connection, compiled, values, limit, offset, prepare: bool) -> list:
    prepared = prepare and compiled.prepared and _prepare(connection, compiled, limit is not None)
    params = []
    for i, extra in compiled.slots:  # (index into the values, to_db) or (None, constant)
        if i is not None:
            params.append(values[i] if extra is None else extra(values[i]))
        elif not prepared:  # a prepared statement holds the shape's constants in its text
            params.append(extra)
    if limit is not None:
        params += [limit, offset]
    sql = compiled.sql
    if prepared:
        sql = f"EXECUTE {compiled.prepared}"
        if params:
            sql += f"({', '.join(['%s'] * len(params))})"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# --- server-side prepared statements ---------------------------------------------------------
#
# A key lookup's plan never changes (`id = $1`), yet PostgreSQL plans it again on every
# query: for a detail page's six-table join, planning took 0.5–0.9 ms of a 0.2 ms execution.
# Shapes compiled with `prepare=True` are PREPAREd once per database session and then run with
# EXECUTE. Only key lookups opt in: a prepared filtered list could settle on one generic plan
# for a speaker with ten statements and for one with a hundred thousand.


def _statement_name(sql: str) -> str:
    return "parley_" + hashlib.sha1(sql.encode(), usedforsecurity=False).hexdigest()[:20]


def _prepare(connection, compiled, limit: bool) -> bool:
    """Whether `compiled` is prepared in this database session (preparing it if not); False
    where prepared statements are off or the statement cannot be prepared (then it runs as is).

    The PREPARE runs on the driver's cursor, outside Django's query log: like the session
    settings Django sends on connecting, it is the session's setup, not a request's query (and
    query counts stay exact whichever request happens to come first on a connection)."""
    if connection.vendor != "postgresql" or not settings.PARLEY_PREPARED_STATEMENTS:
        return False
    connection.ensure_connection()
    raw = connection.connection
    state = connection.__dict__.get("_parley_prepared")
    if state is None or state[0] is not raw:  # a new session: nothing of the old one's holds
        state = connection.__dict__["_parley_prepared"] = (raw, {})
    known = state[1]
    name = compiled.prepared
    if name not in known:
        known[name] = _prepare_now(connection, raw, name, compiled, limit)
    return known[name]


def _prepare_now(connection, raw, name: str, compiled, limit: bool) -> bool:
    """PREPARE the statement: the request's values become $1, $2, … and the shape's
    constants are written in as the driver would write them (a parameter where a literal
    was would change its type: `true` is a boolean, an untyped `$1` in a SELECT list text)."""
    with connection.wrap_database_errors, raw.cursor() as cursor:
        pieces = []
        numbers = iter(range(1, len(compiled.slots) + 3))
        for i, constant in compiled.slots:
            if i is None:
                pieces.append(cursor.mogrify("%s", [constant]).decode())
            else:
                pieces.append(f"${next(numbers)}")
        if limit:
            pieces += [f"${next(numbers)}", f"${next(numbers)}"]
        placeholders = iter(pieces)
        text = re.sub(r"%(s|%)", lambda m: next(placeholders) if m[1] == "s" else "%", compiled.sql)
        in_transaction = not connection.get_autocommit()
        if in_transaction:  # a failed PREPARE must not abort the caller's transaction
            cursor.execute("SAVEPOINT parley_prepare")
        try:
            cursor.execute(f"PREPARE {name} AS {text}")
        except connection.Database.Error:
            if in_transaction:
                cursor.execute("ROLLBACK TO SAVEPOINT parley_prepare")
                cursor.execute("RELEASE SAVEPOINT parley_prepare")
            return False
        if in_transaction:
            cursor.execute("RELEASE SAVEPOINT parley_prepare")
    return True


def _convert(rows: list, converters: list, connection) -> list:
    """The rows with the database converters applied, as the compiler's `results_iter`
    would apply them — with the converters found once per shape, not per query (for a
    page's 100-odd selected columns, finding them cost more than the query's own Python)."""
    if not converters:
        return rows
    converted = []
    for row in rows:
        row = list(row)
        for pos, (convs, expression) in converters:
            value = row[pos]
            for converter in convs:
                value = converter(value, expression, connection)
            row[pos] = value
        converted.append(row)
    return converted


def compiled_values(
    key: Hashable,
    build: Callable[..., QuerySet],
    values: Sequence[Any],
    *,
    markers: tuple[Sequence[Any], Sequence[Any]] | None = None,
    limit: int | None = None,
    offset: int = 0,
    prepare: bool = False,
) -> list[dict]:
    """`list(build(*values))` — `build` returns a `.values()` queryset — with the SQL compiled
    once per `key` (the shape: everything that changes the SQL besides `values`).

    By default `build` is called with one marker per value. When the builder derives several
    parameters from one argument (a date and the first day of its month), pass
    `markers=(arguments, flat_markers)`: `build(*arguments)` is compiled, and `values` are the
    request's values of `flat_markers`, position by position. `limit`/`offset` slice the
    result like `queryset[offset:offset + limit]`. `prepare=True` (for key lookups only: see
    `_prepare`) runs it as a server-side prepared statement on PostgreSQL."""
    if markers is None:
        arguments = flat = [marker_like(v, i) for i, v in enumerate(values)]
    else:
        arguments, flat = markers
        for i, value in enumerate(values):
            marker_like(value, i)  # refuses values the database would refuse
    entry_key = (key, limit is not None, len(values))
    built = None
    model = _MODELS.get(entry_key)
    if model is None:
        built = build(*arguments)
        model = _MODELS[entry_key] = built.model
    # The database the ORM would read from (replicas, read-your-writes).
    connection = connections[router.db_for_read(model)]
    cache = connection.__dict__.setdefault("_parley_compiled", {})
    compiled = cache.get(entry_key)
    if compiled is None:
        if built is None:
            built = build(*arguments)
        if len(cache) >= MAX_SHAPES:
            cache.clear()
        compiled = _compile(built.using(connection.alias), flat, limit is not None, prepare)
        cache[entry_key] = compiled
    if compiled is _EMPTY:
        return []
    rows = _convert(
        _fetch(connection, compiled, values, limit, offset), compiled.converters, connection
    )
    names = compiled.names
    return [dict(zip(names, row, strict=True)) for row in rows]


_MODELS: dict[Hashable, Any] = {}


# --- model instances ------------------------------------------------------------------------


class _CompiledModels:
    __slots__ = (
        "converters",
        "end",
        "init_list",
        "lookups",
        "model",
        "populators",
        "prepared",
        "slots",
        "sql",
        "start",
    )

    def __init__(self, sql, slots, compiler, alias, lookups, prepare: bool):
        self.sql, self.slots, self.lookups = sql, slots, lookups
        self.prepared = _statement_name(sql) if prepare else None
        klass_info, select = compiler.klass_info, compiler.select
        self.model = klass_info["model"]
        fields = klass_info["select_fields"]
        self.start, self.end = fields[0], fields[-1] + 1
        self.init_list = [f[0].target.attname for f in select[self.start : self.end]]
        self.populators = get_related_populators(klass_info, select, alias)
        self.converters = _converters(compiler)


def compiled_instances(
    key: Hashable,
    queryset: Callable[..., QuerySet],
    values: Sequence[Any],
    *,
    limit: int | None = None,
    offset: int = 0,
    prepare: bool = False,
) -> list:
    """The model instances of `queryset.filter(...)` as `list()` would give them —
    select_related objects attached, then `queryset`'s prefetch_related lookups run — with
    the main query compiled once per `key` (the lookups are part of the shape: taken from the
    first build, as the SQL is). `queryset` is a callable taking the filter
    values (markers the first time) and returning the queryset. `limit`/`offset` slice the
    result like `queryset[offset:offset + limit]`; `prepare` as for `compiled_values`."""
    markers = [marker_like(v, i) for i, v in enumerate(values)]
    entry_key = ("instances", key, len(values), limit is not None)
    model = _MODELS.get(entry_key)
    built = None
    if model is None:
        built = queryset(*markers)
        model = _MODELS[entry_key] = built.model
    alias = router.db_for_read(model)
    connection = connections[alias]
    cache = connection.__dict__.setdefault("_parley_compiled", {})
    compiled = cache.get(entry_key)
    if compiled is None:
        if built is None:
            built = queryset(*markers)
        built = built.using(alias)
        if (
            built._iterable_class is not ModelIterable
            or built._known_related_objects
            or built.query.annotation_select
        ):
            raise NotCompilable("only plain model querysets")
        compiler = built.query.get_compiler(alias)
        plain = _compile_sql(compiler, markers)
        if plain is _EMPTY:
            compiled = _EMPTY
        else:
            sql = plain[0] + (" LIMIT %s OFFSET %s" if limit is not None else "")
            lookups = built._prefetch_related_lookups
            compiled = _CompiledModels(sql, plain[1], compiler, alias, lookups, prepare)
        if len(cache) >= MAX_SHAPES:
            cache.clear()
        cache[entry_key] = compiled
    if compiled is _EMPTY:
        return []
    rows = _convert(
        _fetch(connection, compiled, values, limit, offset), compiled.converters, connection
    )
    objects = []
    start, end, init_list = compiled.start, compiled.end, compiled.init_list
    for row in rows:
        obj = compiled.model.from_db(alias, init_list, row[start:end])
        for populator in compiled.populators:
            populator.populate(row, obj)
        objects.append(obj)
    if objects and compiled.lookups:
        # the shape's prefetches, kept with its SQL (Django's clones share them likewise)
        prefetch_related_objects(objects, *compiled.lookups)
    return objects


def compiled_related(key: Hashable, instance, name: str, queryset: QuerySet | None = None):
    """Prefetch `instance.<name>` (a many-to-many or reverse foreign key) as
    `prefetch_related(Prefetch(name, queryset))` would, for this one instance, with the SQL
    compiled once per `key`: afterwards `getattr(instance, name).all()` runs no query."""
    model = type(instance)

    def build(pk):
        manager = getattr(model(pk=pk), name)
        if queryset is None:
            return manager.get_queryset()
        return manager._apply_rel_filters(queryset)

    objects = compiled_instances(("related", key), build, [instance.pk], prepare=True)
    set_prefetched(instance, name, objects, queryset)


# --- raw SQL --------------------------------------------------------------------------------

_RAW: dict[str, _Compiled] = {}


def prepared_rows(sql: str, values: Sequence[Any], *, using: str) -> list[tuple]:
    """Rows of a raw key lookup (`%s` for each of `values`), run as a prepared statement on
    PostgreSQL where prepared statements are on, and through Django's cursor either way (so
    it is counted, wrapped and routed like any query)."""
    compiled = _RAW.get(sql)
    if compiled is None:
        if len(_RAW) >= MAX_SHAPES:
            _RAW.clear()
        slots = [(i, None) for i in range(len(re.findall(r"%s", sql)))]
        compiled = _RAW[sql] = _Compiled(sql, slots, [], [], prepare=True)
    return _fetch(connections[using], compiled, values, None, 0)
