"""Key lookups as server-side prepared statements (config/compiled.py, PostgreSQL only):
the same rows as the plain query, planned once per session, and never at a request's cost —
no extra counted query, no aborted transaction when a statement cannot be prepared."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from config.compiled import compiled_instances, compiled_values
from statements.api import with_span_check
from statements.models import Statement
from statements.serializers import STATEMENT_FIELDS
from tests import factories as f
from tests.prepared import executed_sql

pytestmark = pytest.mark.django_db
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)


def detail(pk):
    # the API's detail shape: constants in the SELECT list (the span check's booleans) and a key
    return with_span_check(Statement.objects.filter(pk=pk)).values(*STATEMENT_FIELDS)


def run(key, build, values, **kwargs):
    with CaptureQueriesContext(connection) as ctx:
        rows = compiled_values(key, build, values, **kwargs)
    (query,) = ctx.captured_queries
    return rows, query["sql"]


@pytest.mark.parametrize("enabled", [True, False])
def test_prepared_rows_are_the_plain_rows(settings, enabled):
    settings.PARLEY_PREPARED_STATEMENTS = enabled
    statements = [f.StatementFactory(date=dt.date(2020, 1, d)) for d in (1, 2)]
    for statement in statements:
        expected = list(detail(statement.pk))
        rows, sql = run(("test-prepared-detail", enabled), detail, [statement.pk], prepare=True)
        assert rows == expected and rows[0]["span_valid"] is True
        prepared = connection.vendor == "postgresql" and enabled
        assert sql.startswith("EXECUTE parley_") is prepared
        if prepared:
            assert 'FROM "statements_statement"' in executed_sql(sql)
    assert compiled_values(("test-prepared-detail", enabled), detail, [10**9], prepare=True) == []


def test_unprepared_shapes_run_as_they_are():
    statement = f.StatementFactory()
    _rows, sql = run("test-not-prepared", detail, [statement.pk])
    assert sql.startswith("SELECT")


def test_limits_and_id_lists_are_parameters():
    statements = [f.StatementFactory() for _ in range(4)]
    ids = [s.pk for s in statements]

    def of(id_list):
        from config.compiled import pk_in

        return Statement.objects.filter(pk_in(Statement, id_list)).order_by("id").values("id")

    if connection.vendor != "postgresql":
        pytest.skip("pk_in is PostgreSQL's (= ANY)")
    for window in (ids, ids[1:3], []):
        rows, sql = run("test-prepared-ids", of, [window], limit=2, offset=1, prepare=True)
        assert [r["id"] for r in rows] == sorted(window)[1:3]
        assert sql.startswith("EXECUTE parley_")


@postgres_only
def test_preparing_is_not_a_counted_query(django_assert_num_queries):
    statement = f.StatementFactory()

    def page(pk):  # a shape no other test prepares
        return Statement.objects.select_related("speaker").filter(pk=pk).order_by("-id")

    with django_assert_num_queries(1):  # PREPARE and EXECUTE: one query of the request's
        (found,) = compiled_instances("test-first-prepare", page, [statement.pk], prepare=True)
    assert found == statement and found.speaker == statement.speaker


@postgres_only
def test_a_statement_that_cannot_be_prepared_runs_as_is():
    """`$1 IS NOT NULL` has no type PostgreSQL can infer: the PREPARE fails inside the test's
    transaction, which must go on working."""
    statement = f.StatementFactory(cameo_code="043")

    def untyped(code):
        return Statement.objects.extra(where=["%s IS NOT NULL"], params=[code]).values("id")

    assert not connection.get_autocommit()  # inside the test's transaction
    rows, sql = run("test-unpreparable", untyped, ["043"], prepare=True)
    assert rows == [{"id": statement.pk}] and sql.startswith("SELECT")
    assert Statement.objects.filter(pk=statement.pk).exists()  # the transaction is not aborted
    rows, sql = run("test-unpreparable", untyped, ["043"], prepare=True)
    assert sql.startswith("SELECT")  # not tried again in this session


@postgres_only
def test_a_rolled_back_transaction_keeps_the_prepared_statement():
    """PREPARE is not undone by ROLLBACK, so the session's record of it stays true."""
    statement = f.StatementFactory()

    def newest(pk):  # a shape no other test prepares
        return detail(pk).order_by("-date")

    with pytest.raises(RuntimeError), transaction.atomic():
        run("test-prepared-rollback", newest, [statement.pk], prepare=True)
        raise RuntimeError
    rows, sql = run("test-prepared-rollback", newest, [statement.pk], prepare=True)
    assert rows[0]["id"] == statement.pk and sql.startswith("EXECUTE parley_")


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_new_session_prepares_again():
    statement = f.StatementFactory()
    run("test-prepared-session", detail, [statement.pk], prepare=True)
    connection.close()  # as CONN_MAX_AGE or a failed health check would
    rows, sql = run("test-prepared-session", detail, [statement.pk], prepare=True)
    assert rows[0]["id"] == statement.pk and sql.startswith("EXECUTE parley_")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'parley_%%'")
        assert cursor.fetchone()[0] == 1  # this session's: prepared again, once


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_a_prepared_statement_the_session_lost_is_prepared_again():
    """A pooler's DISCARD ALL, or a DEALLOCATE, removes the session's prepared statements
    behind Django's back: the request runs the query as it is, the next one prepares again."""
    statement = f.StatementFactory()
    run("test-prepared-lost", detail, [statement.pk], prepare=True)
    with connection.connection.cursor() as cursor:  # behind config.compiled's back
        cursor.execute("DEALLOCATE ALL")
    with CaptureQueriesContext(connection) as ctx:
        rows = compiled_values("test-prepared-lost", detail, [statement.pk], prepare=True)
    failed, plain = (q["sql"] for q in ctx.captured_queries)  # the EXECUTE, then the query
    assert rows[0]["id"] == statement.pk
    assert failed.startswith("EXECUTE parley_") and plain.startswith("SELECT")
    rows, sql = run("test-prepared-lost", detail, [statement.pk], prepare=True)
    assert rows[0]["id"] == statement.pk and sql.startswith("EXECUTE parley_")
    with connection.connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    with pytest.raises(DatabaseError), transaction.atomic():  # inside a transaction: it stands
        run("test-prepared-lost", detail, [statement.pk], prepare=True)
    rows, sql = run("test-prepared-lost", detail, [statement.pk], prepare=True)
    assert rows[0]["id"] == statement.pk and sql.startswith("EXECUTE parley_")
