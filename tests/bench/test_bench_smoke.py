"""The benchmark keeps working: `bench/run.py --smoke` (1,000 statements, short wrk runs).

Runs only in the PostgreSQL run of the suite (the benchmark needs PostgreSQL and Debian's
wrk); it uses a database of its own, dropped afterwards. Skipped, saying why, otherwise.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.run import drop_databases, endpoints, parse_wrk  # noqa: E402

DATABASE_URL = os.environ.get("DATABASE_URL", "")


def _skip_reason() -> str | None:
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
        return "the benchmark smoke test runs in the PostgreSQL run of the suite (DATABASE_URL)"
    if shutil.which("wrk") is None:
        return "wrk is not installed (sudo apt-get install -y wrk)"
    return None


def test_parse_wrk_reads_rate_latency_and_errors():
    output = """Running 2s test @ http://127.0.0.1:8000
  2 threads and 16 connections
  Latency Distribution
     50%    1.50ms
     75%    2.00ms
     90%    3.00ms
     99%    1.20s
  4242 requests in 2.00s, 1.00MB read
  Socket errors: connect 0, read 1, write 0, timeout 2
  Non-2xx or 3xx responses: 7
Requests/sec:   2121.00
"""
    figures = parse_wrk(output)
    assert figures == {
        "rps": 2121.0,
        "p50_ms": 1.5,
        "p99_ms": 1200.0,
        "non2xx": 7,
        "socket_errors": 3,
        "requests": 4242,
    }


@pytest.mark.skipif(_skip_reason() is not None, reason=_skip_reason() or "")
def test_smoke_run_prints_a_row_per_endpoint():
    server = DATABASE_URL.rsplit("/", 1)[0]
    database = f"parley_benchsmoke_{os.getpid()}"
    try:
        result = subprocess.run(
            [sys.executable, "bench/run.py", "--smoke", "--pg", server, "--database", database]
            + ["--duration", "1", "--import-articles", "5"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        names = [
            ep.name for ep in endpoints({"speaker": "x", "detail_ids": [1], "first_view_ids": [1]})
        ]
        for name in names:
            assert f"| {name} |" in result.stdout
        # the statement page is one query, read again (its rows' versions) or for the first
        # time (the versions with the rows)
        for row in ("statement detail \\(HTML\\)", "statement detail \\(HTML\\), first views"):
            assert re.search(rf"\| {row} \|.*\| 1 \| [0-9]+/[0-9]+[^|]* \|$", result.stdout, re.M)
        assert "| CSV export |" in result.stdout
        assert "Import: load_seeds on 5 generated article files" in result.stdout
        plans = subprocess.run(
            [sys.executable, "bench/explain.py", "--pg", server, "--database", database],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert plans.returncode == 0, plans.stderr[-3000:]
        detail = plans.stdout.split("## statement detail (API)")[1].split("\n## ")[0]
        # the detail's key lookup is a prepared statement: its text and its plan are shown
        assert "prepared statement, run as `EXECUTE parley_" in detail
        assert "Index Scan using statements_statement_pkey" in detail
        assert "## csv export" in plans.stdout
    finally:
        drop_databases(server, database)
