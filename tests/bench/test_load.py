"""bench/load.py's bookkeeping: routes, summaries and the fault report (no server needed)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.load import fault_report, route, summarise


def rec(t, status, kind="read", path="/", ms=10.0, body=None):
    r = {"kind": kind, "path": path, "status": status, "ms": ms, "t": t}
    if body is not None:
        r["body"] = body
    return r


def test_route_groups_ids_and_slugs():
    assert route("/api/v1/claims/12/?page_size=5") == "/api/v1/claims/<id>/"
    assert route("/actors/kim-jong-un-4/") == "/actors/<slug>/"
    assert route("/?from=2019&to=2019") == "/"


def test_summary_counts_statuses_and_percentiles():
    records = [rec(i, 200, ms=float(i)) for i in range(1, 101)] + [rec(200, 412, "write")]
    s = summarise(records, duration=10)
    assert s["requests"] == 101 and s["rps"] == 10.1
    assert s["by_status"] == {"200": 100, "412": 1}
    assert s["p50_ms"] == 50.0 and s["p99_ms"] == 99.0  # nearest rank over 101 values
    assert {r["route"] for r in s["by_route"]} == {"/"}


def test_fault_report_clean_503s_and_recovery():
    short = '{"detail": "The database is briefly unavailable. Please retry in a few seconds."}'
    records = [
        rec(99.0, 200),
        rec(100.5, 503, body=short),
        rec(101.0, 503, body=short),
        rec(103.0, 200),
        rec(120.0, 200),
    ]
    report = fault_report(records, fault_at=100.0, restart_seconds=2.0)
    assert report["failed_requests"] == 2
    assert report["unclean_failures"] == 0
    assert report["first_failure_after_fault_s"] == 0.5
    assert report["recovered_after_fault_s"] == 3.0
    assert report["failures_after_recovery"] == 0


def test_fault_report_flags_500s_and_tracebacks():
    records = [
        rec(100.5, 500, body="<h1>Server Error (500)</h1>"),
        rec(100.6, 503, body="Traceback (most recent call last): ..."),
        rec(101.0, 200),
    ]
    report = fault_report(records, fault_at=100.0, restart_seconds=2.0)
    assert report["unclean_failures"] == 2
