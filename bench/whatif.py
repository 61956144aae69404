"""Before/after measurements of candidate changes to the API, without editing the API.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/parley_bench .venv/bin/python bench/whatif.py

Each experiment times the same request in-process (Django's test client; median of --n
requests after one warm-up) as the code stands, then with the change applied by patching
the class at run time, and reports both with the query count. In-process timings leave out
gunicorn and HTTP, so they isolate what the change does to Django's own work.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("PARLEY_ANON_RATE", "1000000000/s")


def timed(client, url: str, n: int) -> tuple[float, int, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(url)
    status = response.status_code
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    queries = len(ctx.captured_queries)  # now: a reconnect clears the log
    times = []
    for _ in range(n):
        started = time.perf_counter()
        response = client.get(url)
        if getattr(response, "streaming", False):
            for _ in response.streaming_content:
                pass
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), queries, status


@contextmanager
def patched(obj, name: str, value):
    old = getattr(obj, name)
    setattr(obj, name, value)
    try:
        yield
    finally:
        setattr(obj, name, old)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=15)
    args = ap.parse_args(argv)
    import django

    django.setup()
    import django_filters as df
    from django.db import connection
    from django.test import Client

    from actors.models import Actor
    from statements.api import StatementViewSet
    from statements.filters import ClaimFilter, StatementFilter

    client = Client()
    with connection.cursor() as cur:
        cur.execute(
            "SELECT a.slug FROM statements_statement s JOIN actors_actor a ON a.id = s.speaker_id"
            " GROUP BY a.slug ORDER BY count(*) DESC, a.slug LIMIT 1"
        )
        speaker = cur.fetchone()[0]
        cur.execute("SELECT count(*) FROM statements_statement")
        total = cur.fetchone()[0]
    rows = []

    def row(name, url, n=args.n):
        ms, queries, status = timed(client, url, n)
        rows.append((name, url, status, queries, ms))
        print(f"{name:<58} {status} {queries:>2} q {ms:8.1f} ms", flush=True)

    # 1. claims by status: MultipleChoiceFilter adds DISTINCT by default
    url = "/api/v1/claims/?status=disputed&page_size=100"
    row("claims by status, as is (DISTINCT)", url)
    status_filter = ClaimFilter.base_filters["status"]
    with patched(status_filter, "distinct", False):
        row("claims by status, MultipleChoiceFilter(distinct=False)", url)

    # 2. statements of one speaker in a date range, newest first
    base = (
        f"/api/v1/statements/?speaker={speaker}&date_from=2010-01-01&date_to=2019-12-31"
        "&page_size=100"
    )
    row("speaker+dates, as is (ordering=-id, join on slug)", base + "&ordering=-id")

    def by_speaker_id(queryset, name, value):
        found = Actor.objects.filter(slug=value).values_list("pk", flat=True).first()
        return queryset.filter(speaker_id=found if found is not None else -1)

    speaker_filter = df.CharFilter(method=by_speaker_id)
    speaker_filter.parent = None
    filters = dict(StatementFilter.base_filters)
    filters["speaker"] = speaker_filter
    with patched(StatementFilter, "base_filters", filters):
        speaker_filter.model = StatementFilter._meta.model
        row("speaker+dates, slug resolved to id first (ordering=-id)", base + "&ordering=-id")
        with patched(
            StatementViewSet, "ordering_fields", [*StatementViewSet.ordering_fields, "date"]
        ):
            row("speaker+dates, slug→id + ordering=-date (index order)", base + "&ordering=-date")
    print(f"\n{total:,} statements; speaker {speaker}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
