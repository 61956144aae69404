"""The benchmark's endpoints timed in-process: real application vs floor, one request at a time.

    .venv/bin/python bench/inprocess.py --database parley_bench_100k [-n 200] [--only HTML]
    .venv/bin/python bench/inprocess.py --database parley_bench_100k --profile "detail (API)"

Both applications are called through their WSGI entry points in this process (the real one
through Django's WSGI handler, with the settings the benchmark's server gets), alternating
endpoint by endpoint, so there is no HTTP, no load generator and no concurrency: a quick way
to see where a request's time goes (`--profile` prints a cProfile of the real application
for the endpoints whose name contains the text). Figures are noisier than bench/run.py's on a
shared machine; use them to compare before/after on the same run, not as results.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def call(application, path: str) -> tuple[str, bytes]:
    path_info, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path_info,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "HTTP_HOST": "127.0.0.1:8000",
        "REMOTE_ADDR": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    seen = {}

    def start_response(status, headers, exc_info=None):
        seen["status"] = status

    body = application(environ, start_response)
    content = b"".join(body)
    if hasattr(body, "close"):
        body.close()
    return seen["status"], content


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--database", default="parley_bench_100k")
    ap.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432")
    ap.add_argument("-n", type=int, default=200, help="requests per endpoint and side")
    ap.add_argument("--only", default="", help="endpoints whose name contains this text")
    ap.add_argument("--profile", default="", help="cProfile endpoints whose name contains this")
    args = ap.parse_args()
    url = f"{args.pg.rstrip('/')}/{args.database}"
    os.environ.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="config.settings",
        DJANGO_CONN_MAX_AGE="600",
        DJANGO_DEBUG="0",
        DJANGO_LOG_LEVEL="ERROR",
        PARLEY_ANON_RATE="1000000000/s",
    )
    from bench import floor
    from bench.run import endpoints, floor_paths, pick_parameters

    floor.DSN = url
    from django.core.wsgi import get_wsgi_application

    real_app = get_wsgi_application()
    params = pick_parameters(args.pg, args.database, 100_000)
    for ep in endpoints(params):
        if args.only not in ep.name:
            continue
        first = ep.real[-1] if ep.name.startswith("statements by") else ep.real[0]
        real, low = floor_paths(ep, {"url": first, "sql": []}, params)
        status, body = call(real_app, real[0])
        if not status.startswith("200"):
            print(f"{ep.name}: {status} {body[:200]!r}")
            continue

        def timed(application, paths):
            for path in paths[:3]:
                call(application, path)
            started = time.perf_counter()
            for i in range(args.n):
                call(application, paths[i % len(paths)])
            return (time.perf_counter() - started) / args.n * 1000

        if args.profile and args.profile in ep.name:
            profile = cProfile.Profile()
            profile.enable()
            for i in range(args.n):
                call(real_app, real[i % len(real)])
            profile.disable()
            out = io.StringIO()
            pstats.Stats(profile, stream=out).sort_stats(
                os.environ.get("SORT", "cumulative")
            ).print_stats(40)
            print(out.getvalue())
        t_real, t_floor = timed(real_app, real), timed(floor.application, low)
        print(
            f"{ep.name:30s} real {t_real:7.2f} ms  floor {t_floor:7.2f} ms  "
            f"ratio {t_floor / t_real:.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
