"""Mixed read/write load on gunicorn + PostgreSQL, with an optional PostgreSQL restart.

    .venv/bin/python bench/load.py                       # 60 s, seeds + 100,000 generated statements
    .venv/bin/python bench/load.py --duration 30 --statements 20000 --reuse
    .venv/bin/python bench/load.py --fault               # restart PostgreSQL a third of the way in

Setup (unless --reuse): database `parley_load` is created, migrated, loaded with the seeds
(`load_seeds`) and a generated corpus (`generate_corpus`); an editor (in the Editors group) and
an API token are created. The real server runs under gunicorn (--workers sync workers,
persistent connections with health checks, DEBUG off).

The driver runs in another process (`bench/load.py --drive …`): --threads threads with
`http.client` keep-alive connections for --duration seconds on 127.0.0.1. Each operation is
a read (90%: the timeline of one year, actor / meeting / statement / claim pages, API lists
and details, search) or an editor's write (10%): GET a claim for its ETag, then PATCH it with
`If-Match` and `Authorization: Token …`, a new review status and a unique note. Claims are
drawn from a small pool so that editors collide and some writes are refused (412). Every
write's outcome is recorded.

Afterwards every write is checked against the database: an acknowledged write (2xx) must be
in the claim's history (its unique note, at the version the response returned), a refused
one (4xx/5xx) must not be anywhere; a write whose response never came (connection lost)
is reported as indeterminate, whatever the database holds.

--fault restarts PostgreSQL (`pg_ctlcluster --skip-systemctl-redirect <version> main restart`)
during the run. THIS RESTARTS THE MACHINE'S SHARED SERVER: every other client is cut off for
a few seconds. The report then also says: how requests in flight failed (503 with a short
body is clean; 500 or a traceback is not), how long the service took to answer again by
itself, and whether anything acknowledged was lost.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    DEFAULT_PG,
    PYTHON,
    Server,
    _db_exists,
    pg_url,
    psql,
    run_manage,
    say,
)

RUN = uuid.uuid4().hex[:8]  # set per driver process; marks this run's notes
CLAIM_POOL = 20  # writes go to this many claims: editors collide, some writes get 412
STATUSES = ["confirmed", "disputed", "retracted", "unreviewed"]

EDITOR_SETUP = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
user, _ = User.objects.get_or_create(username="load-editor", defaults={"is_staff": True})
group = Group.objects.filter(name="Editors").first()
if group:
    user.groups.add(group)
else:
    from django.contrib.auth.models import Permission
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_claim", "view_claim"]))
print(Token.objects.get_or_create(user=user)[0].key)
"""


# --- setup ----------------------------------------------------------------------------------


def prepare(base: str, database: str, statements: int, reuse: bool) -> str:
    admin = psql(base, "postgres")
    if not (reuse and _db_exists(admin, database)):
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{database}"')
            cur.execute(f'CREATE DATABASE "{database}"')
        url = pg_url(base, database)
        say(f"created {database}; migrating, loading the seeds, generating {statements:,}")
        run_manage(["migrate", "--noinput", "-v0"], url)
        try:
            run_manage(["load_seeds", "-v0"], url)
        except subprocess.CalledProcessError as exc:
            say(f"load_seeds reported failures (going on with what loaded): {exc.stderr[-300:]}")
        if statements:
            run_manage(["generate_corpus", "--statements", str(statements)], url)
    admin.close()
    out = run_manage(["shell", "-c", EDITOR_SETUP], pg_url(base, database))
    return out.stdout.strip().splitlines()[-1]


def targets(base: str, database: str) -> dict:
    """What the driver reads and writes: ids and slugs spread over the tables."""
    conn = psql(base, database)
    with conn.cursor() as cur:

        def column(sql: str) -> list:
            cur.execute(sql)
            return [r[0] for r in cur.fetchall()]

        data = {
            "statements": column("SELECT id FROM statements_statement ORDER BY random() LIMIT 300"),
            "claims": column("SELECT id FROM statements_claim ORDER BY random() LIMIT 300"),
            "pool": column(f"SELECT id FROM statements_claim ORDER BY id LIMIT {CLAIM_POOL}"),
            "actors": column(
                "SELECT a.slug FROM actors_actor a WHERE EXISTS (SELECT 1 FROM "
                "statements_statement s WHERE s.speaker_id = a.id) ORDER BY random() LIMIT 100"
            ),
            "meetings": column("SELECT slug FROM events_meeting ORDER BY random() LIMIT 100"),
            "years": column(
                "SELECT DISTINCT extract(year FROM start_date)::int FROM events_meeting "
                "WHERE start_date IS NOT NULL"
            ),
        }
    conn.close()
    return data


# --- the driver (a separate process) ----------------------------------------------------------


def read_path(rng: random.Random, t: dict) -> str:
    choice = rng.randrange(10)
    if choice == 0:
        year = rng.choice(t["years"])
        return f"/?from={year}&to={year}"
    if choice == 1:
        return f"/statements/{rng.choice(t['statements'])}/"
    if choice == 2:
        return f"/claims/{rng.choice(t['claims'])}/"
    if choice == 3:
        return f"/actors/{rng.choice(t['actors'])}/"
    if choice == 4:
        return f"/meetings/{rng.choice(t['meetings'])}/"
    if choice == 5:
        return f"/api/v1/statements/?speaker={rng.choice(t['actors'])}&page_size=50"
    if choice == 6:
        return f"/api/v1/claims/?status={rng.choice(STATUSES)}&page_size=50"
    if choice == 7:
        return f"/api/v1/statements/{rng.choice(t['statements'])}/"
    if choice == 8:
        return f"/api/v1/claims/{rng.choice(t['claims'])}/"
    return f"/search/?q={rng.choice(['sanctions', 'ceasefire', 'summit', 'Mongolia'])}"


class Client:
    def __init__(self, port: int) -> None:
        self.port = port
        self.conn: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        """(status, body, headers) or (None, error, {}) when no response came."""
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            try:
                self.conn.request(method, path, body=body, headers=headers or {})
                response = self.conn.getresponse()
                data = response.read()
                return response.status, data, dict(response.getheaders())
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError) as exc:
                # a keep-alive connection the server closed: retry once on a new one (only
                # if nothing can have been processed — a GET, or the first attempt's send)
                self.conn.close()
                self.conn = None
                if attempt or method != "GET":
                    return None, repr(exc), {}
            except OSError as exc:
                self.conn.close()
                self.conn = None
                return None, repr(exc), {}
        return None, "unreachable", {}


def drive(port: int, token: str, t: dict, duration: float, threads: int, seed: int, out: Path):
    stop = time.monotonic() + duration
    lock = threading.Lock()
    records: list[dict] = []

    def worker(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        client = Client(port)
        local = []
        while time.monotonic() < stop:
            t0 = time.monotonic()
            if rng.random() < 0.10:
                local.append(write(client, rng, token, t, t0))
            else:
                path = read_path(rng, t)
                status, body, _ = client.request("GET", path)
                local.append(_record("read", path, status, body, t0))
        with lock:
            records.extend(local)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join()
    out.write_text(json.dumps(records))


def _record(kind: str, path: str, status, body, t0: float, **extra) -> dict:
    rec = {
        "kind": kind,
        "path": path,
        "status": status,
        "ms": round((time.monotonic() - t0) * 1000, 2),
        "t": round(time.time() - (time.monotonic() - t0), 3),  # when it started (wall clock)
        **extra,
    }
    if status is None or status >= 500:
        text = body if isinstance(body, str) else body[:2000].decode("utf-8", "replace")
        rec["body"] = text[:2000]
    return rec


def write(client: Client, rng: random.Random, token: str, t: dict, t0: float) -> dict:
    claim = rng.choice(t["pool"])
    path = f"/api/v1/claims/{claim}/"
    auth = {"Authorization": f"Token {token}"}
    status, body, headers = client.request("GET", path, headers=auth)
    if status != 200:
        return _record("write", path, status, body, t0, claim=claim, stage="read", note=None)
    etag = headers.get("ETag") or headers.get("Etag")
    if rng.random() < 0.3:
        time.sleep(rng.random() * 0.05)  # an editor thinking: another may save first
    # unique across runs (the seed repeats): a note found in the database is this write's
    note = f"load {RUN} {uuid.UUID(int=rng.getrandbits(128))}"
    payload = json.dumps({"status": rng.choice(STATUSES), "note": note}).encode()
    headers = {**auth, "Content-Type": "application/json", "If-Match": etag or '"0"'}
    status, body, _ = client.request("PATCH", path, payload, headers)
    version = None
    if status and 200 <= status < 300:
        try:
            version = json.loads(body)["version"]
        except (ValueError, KeyError):
            version = None
    return _record(
        "write", path, status, body, t0, claim=claim, stage="patch", note=note, version=version
    )


# --- checks ---------------------------------------------------------------------------------


def verify(base: str, database: str, records: list[dict]) -> dict:
    """Every acknowledged write is in the history at its version; no refused one is anywhere."""
    writes = [r for r in records if r["kind"] == "write" and r.get("stage") == "patch"]
    conn = psql(base, database)
    lost, phantom, indeterminate_found = [], [], 0
    with conn.cursor() as cur:
        cur.execute(
            "SELECT review_note, version FROM statements_historicalclaim "
            "WHERE review_note LIKE 'load %%'"
        )
        history = {}
        for note, version in cur.fetchall():
            history.setdefault(note, set()).add(version)
        cur.execute("SELECT review_note FROM statements_claim WHERE review_note LIKE 'load %%'")
        current = {r[0] for r in cur.fetchall()}
    conn.close()
    for w in writes:
        stored = w["note"] in history or w["note"] in current
        if w["status"] is None:
            indeterminate_found += stored
        elif 200 <= w["status"] < 300:
            if w["note"] not in history or (
                w["version"] and w["version"] not in history[w["note"]]
            ):
                lost.append(w)
        elif stored:
            phantom.append(w)
    return {
        "writes": len(writes),
        "acknowledged": sum(1 for w in writes if w["status"] and 200 <= w["status"] < 300),
        "refused": Counter(
            str(w["status"]) for w in writes if w["status"] and not 200 <= w["status"] < 300
        ),
        "no_response": sum(1 for w in writes if w["status"] is None),
        "no_response_but_stored": indeterminate_found,
        "lost": len(lost),
        "phantom": len(phantom),
        "lost_examples": lost[:3],
        "phantom_examples": phantom[:3],
    }


def route(path: str) -> str:
    """'/api/v1/claims/12/?x' → '/api/v1/claims/<id>/'; '/actors/kim/' → '/actors/<slug>/'."""
    path = re.sub(r"/\d+/", "/<id>/", path.split("?")[0])
    for prefix in ("/actors/", "/meetings/"):
        if path.startswith(prefix):
            return prefix + "<slug>/"
    return path


def by_route(records: list[dict]) -> list[dict]:
    groups: dict[tuple[str, str], list[dict]] = {}
    for r in records:
        groups.setdefault((r["kind"], route(r["path"])), []).append(r)
    rows = []
    for (kind, path), rs in groups.items():
        ms = [r["ms"] for r in rs if r["status"] is not None]
        rows.append(
            {
                "kind": kind,
                "route": path,
                "n": len(rs),
                "p50_ms": round(statistics.median(ms), 1) if ms else None,
                "statuses": dict(Counter(str(r["status"]) for r in rs)),
            }
        )
    return sorted(rows, key=lambda r: -(r["p50_ms"] or 0))


def summarise(records: list[dict], duration: float) -> dict:
    ms = sorted(r["ms"] for r in records if r["status"] is not None)

    def pct(p: float):
        return round(ms[min(len(ms) - 1, int(p * len(ms)))], 1) if ms else None

    return {
        "requests": len(records),
        "rps": round(len(records) / duration, 1),
        "p50_ms": pct(0.50),
        "p99_ms": pct(0.99),
        "by_status": dict(Counter(str(r["status"]) for r in records)),
        "reads": sum(1 for r in records if r["kind"] == "read"),
        "writes": sum(1 for r in records if r["kind"] == "write"),
        "mean_ms": round(statistics.fmean(ms), 1) if ms else None,
        "by_route": by_route(records),
    }


def fault_report(records: list[dict], fault_at: float, restart_seconds: float) -> dict:
    """How requests failed around the restart and when the service answered again."""
    failed = [r for r in records if r["status"] is None or r["status"] >= 500]
    after = sorted((r for r in records if r["t"] >= fault_at), key=lambda r: r["t"])
    first_failure = next((r for r in after if r["status"] is None or r["status"] >= 500), None)
    recovered_at = None
    if first_failure:
        later_ok = [
            r for r in after if r["t"] > first_failure["t"] and r["status"] and r["status"] < 500
        ]
        recovered_at = later_ok[0]["t"] if later_ok else None
    bodies = Counter((r["status"], (r.get("body") or "")[:120]) for r in failed)
    unclean = [
        r
        for r in failed
        if r["status"] is not None
        and (
            r["status"] != 503
            or "Traceback" in (r.get("body") or "")
            or len(r.get("body") or "") > 500
        )
    ]
    return {
        "restart_command_seconds": round(restart_seconds, 1),
        "failed_requests": len(failed),
        "failed_by_status": dict(Counter(str(r["status"]) for r in failed)),
        "failure_bodies": [
            {"status": s, "body": b, "count": n} for (s, b), n in bodies.most_common(5)
        ],
        "unclean_failures": len(unclean),
        "unclean_examples": unclean[:3],
        "first_failure_after_fault_s": round(first_failure["t"] - fault_at, 2)
        if first_failure
        else None,
        "recovered_after_fault_s": round(recovered_at - fault_at, 2) if recovered_at else None,
        "failures_after_recovery": sum(
            1
            for r in records
            if recovered_at
            and r["t"] > recovered_at + 5
            and (r["status"] is None or r["status"] >= 500)
        ),
    }


def restart_postgres() -> float:
    versions = sorted(os.listdir("/etc/postgresql"))
    cmd = ["pg_ctlcluster", "--skip-systemctl-redirect", versions[-1], "main", "restart"]
    started = time.monotonic()
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    return time.monotonic() - started


# --- main -----------------------------------------------------------------------------------


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--database", default="parley_load")
    ap.add_argument("--pg", default=os.environ.get("PARLEY_BENCH_PG", DEFAULT_PG))
    ap.add_argument("--statements", type=int, default=100_000, help="generated on top of the seeds")
    ap.add_argument("--reuse", action="store_true")
    ap.add_argument("--duration", type=float, default=60)
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn sync workers")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fault", action="store_true", help="restart PostgreSQL during the run")
    ap.add_argument("--fault-at", type=float, default=1 / 3, help="fraction of the run")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--drive", type=Path, help=argparse.SUPPRESS)  # internal: driver mode
    ap.add_argument("--port", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--token", help=argparse.SUPPRESS)
    ap.add_argument("--targets", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.drive:
        t = json.loads(args.targets.read_text())
        drive(args.port, args.token, t, args.duration, args.threads, args.seed, args.drive)
        return 0

    token = prepare(args.pg, args.database, args.statements, args.reuse)
    t = targets(args.pg, args.database)
    server = Server("real", "config.wsgi:application", pg_url(args.pg, args.database), args.workers)
    work = Path(f"/tmp/parley-load-{os.getpid()}")
    work.mkdir(exist_ok=True)
    (work / "targets.json").write_text(json.dumps(t))
    out = work / "records.json"
    result: dict = {"database": args.database, "duration_s": args.duration, "threads": args.threads}
    try:
        say(f"driving {server.url} for {args.duration:.0f} s with {args.threads} threads")
        driver = subprocess.Popen(
            [
                *(PYTHON, __file__, "--drive", str(out), "--port", str(server.port)),
                *("--token", token, "--targets", str(work / "targets.json")),
                *("--duration", str(args.duration), "--threads", str(args.threads)),
                *("--seed", str(args.seed)),
            ],
            cwd=ROOT,
        )
        fault_at = restart_s = None
        if args.fault:
            time.sleep(args.duration * args.fault_at)
            say("restarting PostgreSQL (the shared server) now")
            fault_at = time.time()
            restart_s = restart_postgres()
            say(f"PostgreSQL restarted in {restart_s:.1f} s")
        driver.wait()
    finally:
        server.stop()
    records = json.loads(out.read_text())
    result["load"] = summarise(records, args.duration)
    result["writes"] = verify(args.pg, args.database, records)
    if args.fault:
        result["fault"] = fault_report(records, fault_at, restart_s)
    print(json.dumps(result, indent=1, default=str))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, default=str))
    w = result["writes"]
    bad = w["lost"] or w["phantom"] or result["load"]["by_status"].get("500")
    if args.fault:
        bad = (
            bad
            or result["fault"]["unclean_failures"]
            or not result["fault"]["recovered_after_fault_s"]
        )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
