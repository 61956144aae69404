"""Ask the real application, in-process, what each benchmark URL costs in queries.

Run as a subprocess with DATABASE_URL pointing at the benchmark database:

    echo '{"statements": ["/api/v1/statements/?…", …], …}' | python -m bench.probe

For each endpoint it tries the candidate URLs in order with Django's test client and keeps
the first that answers 200. It prints one JSON object: per endpoint the chosen URL, its
status (or the last candidate's status when none answered 200), the number of queries of one
request and their SQL (as sent to PostgreSQL, for EXPLAIN; for a prepared statement, its text
and its plan, which only this session can explain). Counts are of a second request,
so that one-off work (loading the user model, content types) is not counted; for a page the
process keeps (config/pagecache.py) both a first view's count and SQL (the cache cleared)
and a repeat view's count.
"""

from __future__ import annotations

import json
import os
import re
import sys


def count_queries(client, url: str) -> list[dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
        if getattr(response, "streaming", False):
            for _ in response.streaming_content:
                pass
    return ctx.captured_queries


def probe(spec: dict[str, list[str]]) -> dict[str, dict]:
    from django.db import connection
    from django.test import Client

    from config.pagecache import pages

    client = Client()
    found: dict[str, dict] = {}
    for name, candidates in spec.items():
        result: dict = {"url": candidates[0], "status": None, "queries": None, "sql": []}
        for url in candidates:
            response = client.get(url)
            status = response.status_code
            if status == 200 and getattr(response, "streaming", False):
                # a CSV export: the count is the same whatever the rows; drain it
                for _ in response.streaming_content:
                    pass
            result.update(url=url, status=status)
            if status == 200:
                # a first view (no page cached: every query the page needs, for the plans),
                # then a repeat view, as the benchmark's rotating URLs mostly are
                pages.clear()
                first = count_queries(client, url)
                repeat = count_queries(client, url)
                result["queries"] = len(repeat)
                result["queries_first"] = len(first)
                result["sql"] = [q["sql"] for q in first]
                result["prepared"] = prepared_plans(connection, result["sql"])
                break
            result["detail"] = response.content[:300].decode("utf-8", "replace")
        found[name] = result
    return found


def prepared_plans(connection, queries: list[str]) -> dict[int, dict]:
    """For each `EXECUTE parley_…(…)` (a prepared key lookup, config/compiled.py): the
    statement PostgreSQL holds and its plan, explained in this session (the only one that
    has it), after six executions — from the sixth on PostgreSQL may keep one generic plan,
    and this is the plan it then runs."""
    found: dict[int, dict] = {}
    with connection.cursor() as cursor:
        for n, sql in enumerate(queries):
            match = re.match(r"EXECUTE (parley_\w+)", sql)
            if not match:
                continue
            cursor.execute(
                "SELECT statement FROM pg_prepared_statements WHERE name = %s", [match[1]]
            )
            (statement,) = cursor.fetchone()
            for _ in range(6):
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                plan = "\n".join(row[0] for row in cursor.fetchall())
            found[n] = {"statement": statement, "plan": plan}
    return found


def main() -> None:
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    spec = json.load(sys.stdin)
    json.dump(probe(spec), sys.stdout)


if __name__ == "__main__":
    main()
