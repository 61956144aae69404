"""EXPLAIN (ANALYZE, BUFFERS) of the SQL Django runs for each benchmark endpoint.

    .venv/bin/python bench/explain.py [--database parley_bench] [--pg postgres://…:5432]

The SQL is captured from the real application (bench/probe.py: Django's test client with
CaptureQueriesContext, exactly as sent to PostgreSQL), then each statement is explained on
the same database. Plans that read a large table sequentially are flagged, because their
cost grows with the table.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    DATE_FROM_PARAM,
    DEFAULT_PG,
    endpoints,
    pg_url,
    pick_parameters,
    psql,
    run_probe,
)

BIG_TABLES = (
    "statements_statement",
    "statements_article",
    "statements_claim",
    "statements_claim_evidence",
)


def explain(base: str, database: str, csv_rows: int = 100_000) -> str:
    params = pick_parameters(base, database, csv_rows)
    spec = {ep.name: ep.real for ep in endpoints(params)}
    spec["csv export"] = [f"/api/v1/statements/?format=csv&{DATE_FROM_PARAM}={params['csv_from']}"]
    probed = run_probe(pg_url(base, database), spec)
    out = []
    conn = psql(base, database)
    with conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM statements_statement")
        total = cur.fetchone()[0]
        out.append(f"# Query plans on {database} ({total:,} statements)\n")
        for name, found in probed.items():
            out.append(
                f"## {name}\n\n`GET {found['url']}` → {found['status']}, "
                f"{found['queries']} queries\n"
            )
            prepared = found.get("prepared") or {}
            for n, sql in enumerate(found.get("sql") or [], 1):
                sql = re.sub(r"^DECLARE .*? CURSOR (WITH(OUT)? HOLD )?FOR ", "", sql, flags=re.S)
                note = ""
                if str(n - 1) in prepared:  # explained by the probe, in its session
                    held = prepared[str(n - 1)]
                    note = f"prepared statement, run as `{_elide_lists(sql)}`; its plan:\n\n"
                    sql, plan = held["statement"], _elide_lists(held["plan"])
                elif not sql.lstrip().upper().startswith("SELECT"):
                    continue
                else:
                    cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                    plan = _elide_lists("\n".join(r[0] for r in cur.fetchall()))
                seq = [t for t in BIG_TABLES if re.search(rf"Seq Scan on {t}\b", plan)]
                flag = f" — SEQUENTIAL SCAN on {', '.join(seq)}" if seq else ""
                out.append(
                    f"### query {n}{flag}\n\n{note}```sql\n{_short(sql)}\n```\n\n```\n{plan}\n```\n"
                )
    conn.close()
    return "\n".join(out)


def _short(sql: str) -> str:
    """The SELECT list and long IN (…) lists elided (they say nothing about the plan)."""
    sql = re.sub(
        r"^(PREPARE \w+ AS )?SELECT (DISTINCT )?.*? FROM ",
        r"\1SELECT \2… FROM ",
        sql,
        count=1,
        flags=re.S,
    )
    return _elide_lists(sql)


def _elide_lists(text: str) -> str:
    def repl(match: re.Match) -> str:
        items = match.group(1).split(",")
        return f"({', '.join(i.strip() for i in items[:3])}, … {len(items)} values)"

    def repl_braces(match: re.Match) -> str:
        return "{" + repl(match)[1:-1] + "}"

    text = re.sub(r"\{((?:[^{},]+,){20,}[^{},]+)\}", repl_braces, text)
    return re.sub(r"\(((?:[^(),]+,){20,}[^(),]+)\)", repl, text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--database", default="parley_bench")
    ap.add_argument("--pg", default=DEFAULT_PG)
    ap.add_argument("--csv-rows", type=int, default=100_000)
    args = ap.parse_args(argv)
    print(explain(args.pg, args.database, args.csv_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
