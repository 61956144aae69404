"""`make bench`: Parley against the floor, endpoint by endpoint, on a large PostgreSQL database.

    .venv/bin/python bench/run.py                      # 1,000,000 statements, database parley_bench
    .venv/bin/python bench/run.py --reuse              # keep the database already filled
    .venv/bin/python bench/run.py --statements 100000 --database parley_bench_100k
    .venv/bin/python bench/run.py --smoke              # 1,000 statements, 2 s per endpoint (CI)
    .venv/bin/python bench/run.py --growth             # 100k and 1M, and how each figure changes

What it does: (1) creates the database, migrates it and fills it with `generate_corpus`
(unless --reuse); (2) asks the real application in-process how many queries each endpoint
runs (bench/probe.py, Django's test client + CaptureQueriesContext) and which URL form it
accepts; (3) starts the real server (gunicorn config.wsgi, 2 sync workers, persistent
connections, DEBUG off) and the floor (gunicorn bench.floor, 2 sync workers: raw SQL, orjson)
on 127.0.0.1; (4) drives both ALTERNATELY with wrk (16 connections, --duration seconds,
--rounds rounds, median); (5) times the CSV export of --csv-rows rows and reads the serving
workers' peak RSS (VmHWM); (6) times `load_seeds` on --import-articles generated article files
on one core; (7) prints the table (and writes it as JSON with --json).

wrk comes from Debian's packages: `sudo apt-get install -y wrk`.

Endpoints that do not exist yet are reported as "missing (404)"; the run goes on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# The code the servers, the probe and the importer run: the working tree, or with --snapshot
# an export of the last commit (others may be editing the working tree during a long run).
CODE = ROOT


def snapshot_code() -> Path:
    """Export HEAD into a temporary folder and run everything from there."""
    global CODE
    folder = Path(tempfile.mkdtemp(prefix="parley-snapshot-"))
    archive = subprocess.run(["git", "archive", "HEAD"], cwd=ROOT, check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    say(f"running the code of commit {commit} exported to {folder}")
    CODE = folder
    return folder


# --- options: the API's parameter names (statements/filters.py, config/api_base.py) ---------
SPEAKER_PARAM = "speaker"  # the speaker's slug
DATE_FROM_PARAM = "date_from"
DATE_TO_PARAM = "date_to"
PAGE_SIZE_PARAM = "page_size"
# "newest first": tried in this order; the first the API accepts (200) is used and the floor
# runs the same order ("-date" → ORDER BY date DESC, id DESC; "-id" → ORDER BY id DESC).
NEWEST_FIRST = ["ordering=-date", "ordering=-id"]
CLAIM_STATUS = "disputed"
SEARCH_QUERY = "Mongolia"  # a word about 0.25% of statements contain (a state's name)
SPEAKER_RANGE = ("2010-01-01", "2019-12-31")
PAGE_SIZE = 100
DETAIL_IDS = 50
# The statement page's first views rotate over this many statements: far more than a worker
# keeps rendered (PARLEY_PAGE_CACHE_ENTRIES, 2,000), so nearly every request renders its page.
FIRST_VIEW_IDS = 50_000
SLOW_RPS = 2  # an endpoint slower than this is measured for one round only  # detail endpoints rotate over this many statements
DEFAULT_PG = "postgres://postgres@127.0.0.1:5432"


@dataclass
class Endpoint:
    name: str
    real: list[str]  # candidate URLs, first answering 200 wins
    floor: list[str] = field(default_factory=list)  # set once the real URL is known
    real_paths: list[str] = field(default_factory=list)  # rotated by wrk
    kind: str = "json"


@dataclass
class Figures:
    rps: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    errors: int = 0
    rounds: list[dict] = field(default_factory=list)


# --- helpers --------------------------------------------------------------------------------


def say(*args) -> None:
    print(*args, file=sys.stderr, flush=True)


def pg_url(base: str, database: str) -> str:
    return f"{base.rstrip('/')}/{database}"


def psql(base: str, database: str):
    import psycopg2

    conn = psycopg2.connect(pg_url(base, database))
    conn.autocommit = True
    return conn


def run_manage(args: list[str], database_url: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0"}
    return subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=CODE,
        env=env,
        check=True,
        text=True,
        capture_output=True,
        **kwargs,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


def check_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk is None:
        say(
            "wrk is not installed. It comes from Debian's packages:\n"
            "    sudo apt-get update && sudo apt-get install -y wrk\n"
            "then run the benchmark again."
        )
        sys.exit(2)
    return wrk


# --- the database ---------------------------------------------------------------------------


def prepare_database(base: str, database: str, statements: int, reuse: bool, seed: int) -> dict:
    """Create, migrate and fill `database` (unless --reuse finds it filled); also make an
    empty migrated twin `<database>_import` for the import benchmark. Returns timings."""
    import psycopg2

    timings: dict = {}
    admin = psql(base, "postgres")
    exists = _db_exists(admin, database)
    filled = 0
    if reuse and exists:
        with psql(base, database) as conn, conn.cursor() as cur:
            try:
                cur.execute("SELECT count(*) FROM statements_statement")
                filled = cur.fetchone()[0]
            except psycopg2.Error:
                filled = 0
        conn.close()
    if reuse and filled:
        say(f"reusing {database}: {filled:,} statements")
        timings["statements"] = filled
    else:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{database}"')
            cur.execute(f'CREATE DATABASE "{database}"')
        say(f"created {database}; migrating")
        run_manage(["migrate", "--noinput", "-v0"], pg_url(base, database))
        _make_import_twin(admin, database)
        say(f"generating {statements:,} statements")
        started = time.perf_counter()
        out = run_manage(
            ["generate_corpus", "--statements", str(statements), "--seed", str(seed)],
            pg_url(base, database),
        )
        timings["generate_seconds"] = round(time.perf_counter() - started, 1)
        timings["generate_output"] = out.stdout.strip()
        timings["statements"] = statements
        say(out.stdout.strip())
    if not _db_exists(admin, f"{database}_import"):
        import_db = f"{database}_import"
        with admin.cursor() as cur:
            cur.execute(f'CREATE DATABASE "{import_db}"')
        run_manage(["migrate", "--noinput", "-v0"], pg_url(base, import_db))
    admin.close()
    return timings


def _db_exists(admin, name: str) -> bool:
    with admin.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        return cur.fetchone() is not None


def _make_import_twin(admin, database: str) -> None:
    """An empty, migrated copy for the import benchmark (cheaper than migrating again)."""
    twin = f"{database}_import"
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{twin}"')
        cur.execute(f'CREATE DATABASE "{twin}" TEMPLATE "{database}"')


def drop_databases(base: str, database: str) -> None:
    admin = psql(base, "postgres")
    with admin.cursor() as cur:
        for name in (database, f"{database}_import"):
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def pick_parameters(base: str, database: str, csv_rows: int) -> dict:
    """The busiest speaker, a date from which about `csv_rows` statements were made, and
    statement ids spread over the table for the detail endpoints."""
    with psql(base, database) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT a.slug, count(*) FROM statements_statement s JOIN actors_actor a "
            "ON a.id = s.speaker_id GROUP BY a.slug ORDER BY count(*) DESC, a.slug LIMIT 1"
        )
        speaker, speaker_count = cur.fetchone()
        cur.execute(
            "SELECT count(*) FROM statements_statement s JOIN actors_actor a ON a.id = "
            "s.speaker_id WHERE a.slug = %s AND s.date BETWEEN %s AND %s",
            [speaker, *SPEAKER_RANGE],
        )
        in_range = cur.fetchone()[0]
        cur.execute("SELECT count(*), min(id), max(id) FROM statements_statement")
        total, low, high = cur.fetchone()
        cur.execute(
            "SELECT date FROM statements_statement WHERE date IS NOT NULL "
            "ORDER BY date DESC OFFSET %s LIMIT 1",
            [max(csv_rows - 1, 0)],
        )
        row = cur.fetchone()
        csv_from = row[0] if row else dt.date(1900, 1, 1)
        cur.execute(
            "SELECT date FROM statements_statement WHERE date IS NOT NULL "
            "ORDER BY date DESC OFFSET 500 LIMIT 1"
        )
        row = cur.fetchone()
        probe_csv_from = row[0] if row else dt.date(1900, 1, 1)
        step = max((high - low) // DETAIL_IDS, 1)
        ids = list(range(low, high + 1, step))[:DETAIL_IDS]
        cur.execute("SELECT count(*) FROM statements_statement WHERE id = ANY(%s)", [ids])
        cur.execute("SELECT id FROM statements_statement WHERE id = ANY(%s)", [ids])
        ids = sorted(r[0] for r in cur.fetchall())
        step = max((high - low) // FIRST_VIEW_IDS, 1)
        cur.execute(
            "SELECT id FROM statements_statement WHERE id = ANY(%s) ORDER BY id",
            [list(range(low, high + 1, step))[:FIRST_VIEW_IDS]],
        )
        first_view_ids = [r[0] for r in cur.fetchall()]
    conn.close()
    return {
        "speaker": speaker,
        "speaker_statements": speaker_count,
        "speaker_in_range": in_range,
        "statements": total,
        "csv_from": csv_from.isoformat(),
        "probe_csv_from": probe_csv_from.isoformat(),
        "detail_ids": ids,
        "first_view_ids": first_view_ids,
    }


# --- endpoints ------------------------------------------------------------------------------


def endpoints(p: dict) -> list[Endpoint]:
    a, b = SPEAKER_RANGE
    listing = (
        f"/api/v1/statements/?{SPEAKER_PARAM}={p['speaker']}&{DATE_FROM_PARAM}={a}"
        f"&{DATE_TO_PARAM}={b}&{PAGE_SIZE_PARAM}={PAGE_SIZE}"
    )
    q = urllib.parse.quote_plus(SEARCH_QUERY)
    first = p["detail_ids"][0]
    return [
        Endpoint("statements by speaker+dates", [f"{listing}&{o}" for o in NEWEST_FIRST]),
        Endpoint(
            "claims by status", [f"/api/v1/claims/?status={CLAIM_STATUS}&{PAGE_SIZE_PARAM}=100"]
        ),
        Endpoint("meetings timeline (API)", [f"/api/v1/meetings/?{PAGE_SIZE_PARAM}={PAGE_SIZE}"]),
        Endpoint("meetings timeline (HTML /)", ["/"], kind="html"),
        Endpoint("search q= (API)", [f"/api/v1/statements/?q={q}&{PAGE_SIZE_PARAM}={PAGE_SIZE}"]),
        Endpoint("statement detail (API)", [f"/api/v1/statements/{first}/"]),
        Endpoint("statement detail (HTML)", [f"/statements/{first}/"], kind="html"),
        Endpoint(
            "statement detail (HTML), first views",
            [f"/statements/{p['first_view_ids'][0]}/"],
            kind="html",
        ),
    ]


def floor_paths(ep: Endpoint, chosen: dict, p: dict) -> tuple[list[str], list[str]]:
    """(real paths, floor paths) to rotate over, mirroring what the real URL asks for."""
    url, sql = chosen.get("url", ep.real[0]), chosen.get("sql") or []
    a, b = SPEAKER_RANGE
    if ep.name.startswith("statements by speaker"):
        order = "date" if "ordering=-date" in url else "id"
        return [url], [
            f"/statements?speaker={p['speaker']}&date_from={a}&date_to={b}&limit={PAGE_SIZE}"
            f"&order={order}"
        ]
    if ep.name.startswith("claims"):
        return [url], [f"/claims?status={CLAIM_STATUS}&limit={PAGE_SIZE}"]
    if ep.name == "meetings timeline (API)":
        return [url], [f"/meetings?limit={PAGE_SIZE}"]
    if ep.name.startswith("meetings timeline (HTML"):
        return [url], ["/timeline"]
    if ep.name.startswith("search"):
        main = next((s for s in sql if "@@" in s), "")
        order_by = main.rsplit("ORDER BY", 1)[-1] if "ORDER BY" in main else ""
        if "ts_rank" in order_by or "rank" in order_by.lower():
            order = "rank"
        elif '"id" DESC' in order_by:
            order = "id_desc"
        else:
            order = "id"
        q = urllib.parse.quote_plus(SEARCH_QUERY)
        return [url], [f"/search?q={q}&limit={PAGE_SIZE}&order={order}"]
    if ep.name == "statement detail (API)":
        return (
            [f"/api/v1/statements/{i}/" for i in p["detail_ids"]],
            [f"/statements/{i}" for i in p["detail_ids"]],
        )
    if ep.name == "statement detail (HTML), first views":
        return (
            [f"/statements/{i}/" for i in p["first_view_ids"]],
            [f"/statements/{i}/html" for i in p["first_view_ids"]],
        )
    if ep.name == "statement detail (HTML)":
        return (
            [f"/statements/{i}/" for i in p["detail_ids"]],
            [f"/statements/{i}/html" for i in p["detail_ids"]],
        )
    raise ValueError(ep.name)


def run_probe(database_url: str, spec: dict[str, list[str]]) -> dict:
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0"}
    out = subprocess.run(
        [PYTHON, "-m", "bench.probe"],
        cwd=CODE,
        env=env,
        input=json.dumps(spec),
        text=True,
        capture_output=True,
    )
    if out.returncode != 0:
        say(out.stderr[-3000:])
        raise RuntimeError("bench/probe.py failed (see above)")
    return json.loads(out.stdout)


# --- servers --------------------------------------------------------------------------------


GUNICORN_FLAGS = ["--timeout", "600", "--log-level", "warning"]


class Server:
    def __init__(self, name: str, app: str, database_url: str, workers: int) -> None:
        self.name, self.port = name, free_port()
        gunicorn = str(Path(PYTHON).with_name("gunicorn"))
        env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "DJANGO_CONN_MAX_AGE": "600",
            "DJANGO_DEBUG": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
            # the anonymous API throttle (1000/hour by default) would turn the run into 429s
            "PARLEY_ANON_RATE": "1000000000/s",
        }
        # --timeout 600: a sync worker streaming a long CSV cannot heartbeat; don't kill it
        self.proc = subprocess.Popen(
            [gunicorn, app, "-w", str(workers), "-b", f"127.0.0.1:{self.port}", *GUNICORN_FLAGS],
            cwd=CODE,
            env=env,
            start_new_session=True,
        )
        wait_for_port(self.port)
        time.sleep(0.5)  # let every worker boot

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def workers(self) -> list[int]:
        pids = []
        for task in Path(f"/proc/{self.proc.pid}/task").iterdir():
            children = (task / "children").read_text().split()
            pids += [int(c) for c in children]
        return pids

    def peak_rss_mb(self) -> float:
        """The largest VmHWM (peak resident set) among the workers, in MB."""
        peaks = []
        for pid in self.workers():
            status = Path(f"/proc/{pid}/status").read_text()
            match = re.search(r"VmHWM:\s+(\d+) kB", status)
            if match:
                peaks.append(int(match.group(1)) / 1024)
        return max(peaks, default=0.0)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)


# --- wrk ------------------------------------------------------------------------------------

LUA = """
paths = {%s}
i = math.random(#paths) - 1
request = function()
  i = i %% #paths + 1
  return wrk.format("GET", paths[i])
end
"""


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> dict:
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    lat = {
        q: _ms(v, u)
        for q, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M)
    }
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    sock = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    total = re.search(r"(\d+) requests in", output)
    return {
        "rps": float(rps.group(1)) if rps else 0.0,
        "p50_ms": lat.get("50"),
        "p99_ms": lat.get("99"),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": sum(int(x) for x in sock.groups()) if sock else 0,
        "requests": int(total.group(1)) if total else 0,
    }


def drive(wrk: str, url: str, paths: list[str], args, script_dir: Path) -> dict:
    script = script_dir / f"paths_{abs(hash((url, tuple(paths))))}.lua"
    script.write_text(LUA % ", ".join(json.dumps(p) for p in paths))
    cmd = [wrk, f"-t{args.threads}", f"-c{args.connections}", f"-d{args.duration}s"]
    cmd += ["--latency", "--timeout", "30s", "-s", str(script), url]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def median_figures(rounds: list[dict]) -> Figures:
    def med(key):
        values = [r[key] for r in rounds if r.get(key) is not None]
        return round(statistics.median(values), 2) if values else None

    errors = sum(r["non2xx"] + r["socket_errors"] for r in rounds)
    return Figures(med("rps"), med("p50_ms"), med("p99_ms"), errors, rounds)


def warm(url: str, paths: list[str]) -> int:
    import urllib.error
    import urllib.request

    status = 0
    for path in paths[:3]:
        try:
            with urllib.request.urlopen(url + path, timeout=300) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            status = exc.code
        except OSError:
            status = 0
    return status


def drain(url: str, limit: float = 900) -> float:
    """Wait until the server answers a trivial request promptly: when wrk stops, requests it
    queued on slow endpoints are still being served by the sync workers, and the next
    measurement must not inherit them. Returns the seconds waited."""
    import urllib.error
    import urllib.request

    started = time.monotonic()
    while time.monotonic() - started < limit:
        t = time.monotonic()
        try:
            with urllib.request.urlopen(url + "/bench-idle-probe/", timeout=limit) as r:
                r.read()
        except urllib.error.HTTPError:
            pass
        except OSError:
            time.sleep(1)
            continue
        if time.monotonic() - t < 0.5:
            break
    return round(time.monotonic() - started, 1)


# --- CSV and import -------------------------------------------------------------------------


def time_csv(server: Server, path: str) -> dict:
    """Stream one CSV export to the end: seconds, rows, bytes and the workers' peak RSS."""
    import http.client

    before = server.peak_rss_mb()
    conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=600)
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    size = lines = 0
    first_byte = None
    while chunk := response.read(65536):
        if first_byte is None:
            first_byte = time.perf_counter() - started
        size += len(chunk)
        lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    conn.close()
    return {
        "status": response.status,
        "seconds": round(seconds, 2),
        "first_byte_s": round(first_byte or seconds, 3),
        "rows": max(lines - 1, 0),  # approximate: quoted newlines inside cells count too
        "mb": round(size / 1e6, 1),
        "rss_before_mb": round(before, 1),
        "peak_rss_mb": round(server.peak_rss_mb(), 1),
    }


def fresh_import_twin(base: str, database: str) -> None:
    """An empty, migrated `<database>_import`, so that every run imports into the same
    state (a twin left by an earlier run already holds the same articles: all "unchanged")."""
    twin = f"{database}_import"
    admin = psql(base, "postgres")
    with admin.cursor() as cur:
        cur.execute(f'DROP DATABASE IF EXISTS "{twin}"')
        cur.execute(f'CREATE DATABASE "{twin}"')
    admin.close()
    run_manage(["migrate", "--noinput", "-v0"], pg_url(base, twin))


def time_import(base: str, database: str, count: int) -> dict:
    """`load_seeds` on `count` generated article files, pinned to one core, into a fresh
    empty twin."""
    fresh_import_twin(base, database)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from statements.corpus import article_files

    with tempfile.TemporaryDirectory(prefix="parley-import-") as folder:
        for name, text in article_files(count, seed=count):
            Path(folder, name).write_text(text, encoding="utf-8")
        cmd = [PYTHON, "manage.py", "load_seeds", folder, "-v0"]
        if shutil.which("taskset"):
            cmd = ["taskset", "-c", "0", *cmd]
        env = {
            **os.environ,
            "DATABASE_URL": pg_url(base, f"{database}_import"),
            "DJANGO_DEBUG": "0",
        }
        started = time.perf_counter()
        out = subprocess.run(cmd, cwd=CODE, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - started
    match = re.search(r"Done in ([\d.]+)s: (.*)\.", out.stdout)
    seconds = float(match.group(1)) if match else wall
    return {
        "articles": count,
        "seconds": round(seconds, 1),
        "wall_seconds": round(wall, 1),
        "articles_per_s": round(count / seconds, 1) if seconds else None,
        "summary": match.group(2) if match else (out.stdout + out.stderr)[-500:],
        "exit": out.returncode,
    }


# --- one run --------------------------------------------------------------------------------


def bench(args, statements: int, database: str) -> dict:
    wrk = check_wrk()
    base = args.pg
    url = pg_url(base, database)
    result: dict = {
        "code": str(CODE),
        "statements_requested": statements,
        "database": database,
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": {
            "duration_s": args.duration,
            "rounds": args.rounds,
            "connections": args.connections,
            "threads": args.threads,
            "workers": args.workers,
        },
    }
    result["prepare"] = prepare_database(base, database, statements, args.reuse, args.seed)
    csv_rows = min(args.csv_rows, statements)
    params = pick_parameters(base, database, csv_rows)
    result["parameters"] = {
        k: v for k, v in params.items() if k not in ("detail_ids", "first_view_ids")
    }
    eps = endpoints(params)
    spec = {ep.name: ep.real for ep in eps}
    csv_path = f"/api/v1/statements/?format=csv&{DATE_FROM_PARAM}={params['csv_from']}"
    spec["csv export"] = [
        f"/api/v1/statements/?format=csv&{DATE_FROM_PARAM}={params['probe_csv_from']}"
    ]
    say("probing the real application in-process (queries per request)")
    probed = run_probe(url, spec)
    result["probe"] = {k: {kk: vv for kk, vv in v.items()} for k, v in probed.items()}

    real = Server("real", "config.wsgi:application", url, args.workers)
    floor = Server("floor", "bench.floor:application", url, args.workers)
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="parley-wrk-") as tmp:
            for ep in eps if "wrk" in args.only else []:
                if args.endpoints and not any(
                    e.strip() in ep.name for e in args.endpoints.split(",")
                ):
                    continue
                chosen = probed.get(ep.name, {})
                real_paths, fpaths = floor_paths(ep, chosen, params)
                row = {
                    "endpoint": ep.name,
                    "url": chosen.get("url"),
                    "queries": chosen.get("queries"),
                    "queries_first": chosen.get("queries_first"),
                    "status": chosen.get("status"),
                }
                if chosen.get("status") != 200:
                    row["missing"] = f"missing ({chosen.get('status')})"
                    rows.append(row)
                    say(f"{ep.name}: {row['missing']} — {chosen.get('url')}")
                    continue
                warm(real.url, real_paths)
                warm(floor.url, fpaths)
                r_rounds, f_rounds = [], []
                for n in range(args.rounds):
                    r_rounds.append(drive(wrk, real.url, real_paths, args, Path(tmp)))
                    r_rounds[-1]["drain_s"] = drain(real.url)
                    f_rounds.append(drive(wrk, floor.url, fpaths, args, Path(tmp)))
                    f_rounds[-1]["drain_s"] = drain(floor.url)
                    say(
                        f"{ep.name} round {n + 1}: real {r_rounds[-1]['rps']:.0f} rps, "
                        f"floor {f_rounds[-1]['rps']:.0f} rps"
                    )
                    if r_rounds[-1]["rps"] < SLOW_RPS:
                        # each request takes seconds: more rounds only queue more work
                        row["note"] = f"{n + 1} round(s): under {SLOW_RPS} rps, not repeated"
                        break
                rf, ff = median_figures(r_rounds), median_figures(f_rounds)
                row.update(
                    real=rf.__dict__,
                    floor=ff.__dict__,
                    ratio=round(rf.rps / ff.rps, 3) if rf.rps and ff.rps else None,
                )
                rows.append(row)
        if "csv" in args.only:
            # on fresh workers: VmHWM is the high-water mark of a worker's whole life
            real.stop()
            floor.stop()
            real = Server("real", "config.wsgi:application", url, args.workers)
            floor = Server("floor", "bench.floor:application", url, args.workers)
            warm(real.url, ["/api/v1/statements/?page_size=1"])
            warm(floor.url, ["/statements?limit=1"])
            chosen = probed["csv export"]
            csv_row = {
                "endpoint": f"CSV export {csv_rows:,} rows",
                "queries": chosen.get("queries"),
            }
            if chosen.get("status") != 200:
                csv_row["missing"] = f"missing ({chosen.get('status')})"
            else:
                csv_row["real"] = time_csv(real, csv_path)
                csv_row["floor"] = time_csv(
                    floor, f"/statements.csv?date_from={params['csv_from']}"
                )
                csv_row["ratio"] = (
                    round(csv_row["floor"]["seconds"] / csv_row["real"]["seconds"], 3)
                    if csv_row["real"]["seconds"]
                    else None
                )
            result["csv"] = csv_row
    finally:
        real.stop()
        floor.stop()
    result["endpoints"] = rows
    if args.import_articles and "import" in args.only:
        say(f"importing {args.import_articles} generated articles with load_seeds (one core)")
        result["import"] = time_import(base, database, args.import_articles)
    result["finished"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    if args.drop:
        drop_databases(base, database)
    return result


# --- report ---------------------------------------------------------------------------------


def fmt(value, spec: str = ",.0f", none: str = "–") -> str:
    return none if value is None else format(value, spec)


def queries_cell(row: dict) -> str:
    """A repeat view's queries, and a first view's where a kept page makes them differ (the
    first-views row is almost all first views: their count first)."""
    count, first = row.get("queries"), row.get("queries_first")
    if first is None or first == count:
        return fmt(count, "d")
    if row["endpoint"].endswith("first views"):
        return f"{fmt(first, 'd')} ({fmt(count, 'd')} repeat view)"
    return f"{fmt(count, 'd')} ({fmt(first, 'd')} first view)"


def table(result: dict) -> str:
    p = result["parameters"]
    lines = [
        f"Parley vs floor — {p['statements']:,} statements in {result['database']}, "
        f"{result['settings']['workers']} gunicorn sync workers each, wrk "
        f"{result['settings']['connections']} connections × {result['settings']['duration_s']} s"
        f" × {result['settings']['rounds']} rounds (median), alternating",
        "",
        "| endpoint | rps real | rps floor | ratio | p50 real ms | p99 real ms | p50 floor ms "
        "| p99 floor ms | queries/request | errors (real/floor) |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in result["endpoints"]:
        if "missing" in row:
            lines.append(f"| {row['endpoint']} | {row['missing']} | | | | | | | | |")
            continue
        r, f = row["real"], row["floor"]
        lines.append(
            f"| {row['endpoint']} | {fmt(r['rps'])} | {fmt(f['rps'])} | {fmt(row['ratio'], '.2f')}"
            f" | {fmt(r['p50_ms'], '.1f')} | {fmt(r['p99_ms'], '.1f')} | {fmt(f['p50_ms'], '.1f')}"
            f" | {fmt(f['p99_ms'], '.1f')} | {queries_cell(row)} | {r['errors']}/{f['errors']}"
            + (f" ({row['note']})" if row.get("note") else "")
            + " |"
        )
    c = result.get("csv")
    if c:
        if "missing" in c:
            lines.append(f"| {c['endpoint']} | {c['missing']} | | | | | | | | |")
        else:
            r, f = c["real"], c["floor"]
            lines += [
                "",
                "| CSV export | seconds | first byte s | rows | MB | worker peak RSS MB (before) | status |",
                "|---|---|---|---|---|---|---|",
                f"| real `{result['probe']['csv export']['url'].split('&')[0]}…` | {r['seconds']} | "
                f"{r['first_byte_s']} | {r['rows']:,} | {r['mb']} | {r['peak_rss_mb']} "
                f"({r['rss_before_mb']}) | {r['status']} |",
                f"| floor | {f['seconds']} | {f['first_byte_s']} | {f['rows']:,} | {f['mb']} | "
                f"{f['peak_rss_mb']} ({f['rss_before_mb']}) | {f['status']} |",
                f"| ratio (floor time / real time) | {fmt(c['ratio'], '.2f')} | | | | "
                f"queries: {fmt(c['queries'], 'd')} | |",
            ]
    imp = result.get("import")
    if imp:
        lines += [
            "",
            f"Import: load_seeds on {imp['articles']:,} generated article files, one core: "
            f"{imp['seconds']} s → {fmt(imp['articles_per_s'], '.1f')} articles/s "
            f"(exit {imp['exit']}; {imp['summary']})",
        ]
    prep = result.get("prepare", {})
    if "generate_seconds" in prep:
        lines.append(
            f"Corpus: generate_corpus took {prep['generate_seconds']} s: "
            f"{prep.get('generate_output', '')}"
        )
    lines.append(
        f"Parameters: speaker {p['speaker']} ({p['speaker_statements']:,} statements, "
        f"{p['speaker_in_range']:,} in {SPEAKER_RANGE[0]}..{SPEAKER_RANGE[1]}); "
        f"search q={SEARCH_QUERY!r}; claims status={CLAIM_STATUS}; CSV date_from={p['csv_from']}"
    )
    for row in result["endpoints"]:
        if row.get("url"):
            lines.append(f"  {row['endpoint']}: {row['url']}")
    return "\n".join(lines)


GROWTH_KEYS = [("rps", "rps real"), ("p50_ms", "p50 real ms"), ("p99_ms", "p99 real ms")]


def growth_table(small: dict, large: dict) -> str:
    n1, n2 = small["parameters"]["statements"], large["parameters"]["statements"]
    lines = [
        f"Growth: {n1:,} → {n2:,} statements",
        "",
        f"| endpoint | figure | {n1:,} | {n2:,} | change |",
        "|---|---|---|---|---|",
    ]
    by_name = {r["endpoint"]: r for r in small["endpoints"]}
    for row in large["endpoints"]:
        other = by_name.get(row["endpoint"])
        if not other or "missing" in row or "missing" in other:
            lines.append(f"| {row['endpoint']} | missing | | | |")
            continue
        for key, label in GROWTH_KEYS:
            a, b = other["real"][key], row["real"][key]
            change = f"×{b / a:.2f}" if a and b else "–"
            lines.append(
                f"| {row['endpoint']} | {label} | {fmt(a, ',.1f')} | {fmt(b, ',.1f')} | {change} |"
            )
        lines.append(
            f"| {row['endpoint']} | ratio to floor | {fmt(other['ratio'], '.2f')} | "
            f"{fmt(row['ratio'], '.2f')} | |"
        )
        lines.append(
            f"| {row['endpoint']} | queries | {queries_cell(other)} | {queries_cell(row)} | |"
        )
    for key, label in [("seconds", "CSV seconds"), ("peak_rss_mb", "CSV peak RSS MB")]:
        a = small.get("csv", {}).get("real", {}).get(key)
        b = large.get("csv", {}).get("real", {}).get(key)
        lines.append(f"| CSV export | {label} | {a} | {b} | |")
    return "\n".join(lines)


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--statements", type=int, default=1_000_000)
    ap.add_argument(
        "--database", default=None, help="default parley_bench (smoke: parley_bench_smoke)"
    )
    ap.add_argument(
        "--pg",
        default=os.environ.get("PARLEY_BENCH_PG", DEFAULT_PG),
        help="PostgreSQL server URL without the database name",
    )
    ap.add_argument("--reuse", action="store_true", help="keep a database already filled")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--duration", type=int, default=10, help="seconds per wrk run")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--threads", type=int, default=2, help="wrk threads")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    ap.add_argument("--csv-rows", type=int, default=100_000)
    ap.add_argument("--import-articles", type=int, default=1000, help="0 to skip")
    ap.add_argument("--smoke", action="store_true", help="1,000 statements, 2 s, 1 round (CI)")
    ap.add_argument("--growth", action="store_true", help="run at 100k and 1M and compare")
    ap.add_argument("--drop", action="store_true", help="drop the databases afterwards")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    ap.add_argument(
        "--snapshot",
        action="store_true",
        help="run the last commit (git archive HEAD) rather than the working tree",
    )
    ap.add_argument(
        "--endpoints",
        default="",
        help="only endpoints whose name contains one of these comma-separated texts",
    )
    ap.add_argument(
        "--only",
        default="wrk,csv,import",
        help="comma-separated parts to run: wrk (the endpoints), csv, import (default: all)",
    )
    args = ap.parse_args(argv)
    args.only = {part.strip() for part in args.only.split(",")}
    if args.snapshot:
        snapshot_code()
    if args.smoke:
        args.statements, args.duration, args.rounds = 1000, 2, 1
        args.import_articles = min(args.import_articles, 20)
        args.database = args.database or "parley_bench_smoke"
    args.database = args.database or "parley_bench"
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    check_wrk()
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    if args.growth:
        imports, args.import_articles = args.import_articles, 0  # the import: once, below
        small = bench(args, 100_000, f"{args.database}_100k")
        args.import_articles = imports
        print(table(small), flush=True)
        large = bench(args, args.statements, args.database)
        print("\n" + table(large), flush=True)
        print("\n" + growth_table(small, large))
        results = {"growth": [small, large]}
    else:
        results = bench(args, args.statements, args.database)
        print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
