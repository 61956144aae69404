"""Helpers for tests that run `manage.py` in child processes against databases of their own
(a SQLite file, a PostgreSQL database created and dropped by the test)."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_SERVER = os.environ.get("PARLEY_TEST_PG_SERVER", "postgres://postgres@127.0.0.1:5432")


def child_env(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SETTINGS_MODULE="config.settings",
        PYTHONPATH=str(ROOT),
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(database_url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """`python manage.py ARGS` against `database_url`; output captured as text."""
    proc = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=child_env(database_url),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check and proc.returncode != 0:
        raise AssertionError(
            f"manage.py {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}"
        )
    return proc


def python(database_url: str, code: str) -> None:
    """Run a Python snippet with Django set up against `database_url`."""
    proc = subprocess.run(
        [sys.executable, "-c", "import django\ndjango.setup()\n" + code],
        env=child_env(database_url),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr


def _connect_admin():
    import psycopg2

    try:
        conn = psycopg2.connect(f"{PG_SERVER}/postgres", connect_timeout=3)
    except psycopg2.OperationalError as exc:
        if os.environ.get("PARLEY_REQUIRE_POSTGRES") == "1":
            pytest.fail(
                f"PostgreSQL is required (PARLEY_REQUIRE_POSTGRES=1) but unreachable: {exc}"
            )
        pytest.skip(
            f"PostgreSQL is not reachable at {PG_SERVER} (set PARLEY_REQUIRE_POSTGRES=1 to fail)"
        )
    conn.autocommit = True
    return conn


_templates: dict[str, str] = {}


def sqlite_database(path: Path) -> str:
    """A migrated SQLite database file at `path` (copied from one migrated once per run:
    migrating takes seconds); returns its URL."""
    if "sqlite" not in _templates:
        folder = tempfile.mkdtemp(prefix="parley-tpl-")
        atexit.register(shutil.rmtree, folder, True)
        template = Path(folder) / "template.sqlite3"
        manage(f"sqlite:///{template}", "migrate", "-v0")
        _templates["sqlite"] = str(template)
    shutil.copyfile(_templates["sqlite"], path)
    return f"sqlite:///{path}"


def _pg_template(admin) -> str:
    if "postgresql" not in _templates:
        name = f"parley_backup_tpl_{os.getpid()}"
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}"')
        _templates["postgresql"] = name
        atexit.register(_drop, name)
        manage(f"{PG_SERVER}/{name}", "migrate", "-v0")
    return _templates["postgresql"]


def _drop(name: str) -> None:
    import psycopg2

    with contextlib.suppress(psycopg2.Error):
        conn = psycopg2.connect(f"{PG_SERVER}/postgres", connect_timeout=3)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@contextlib.contextmanager
def postgres_database(name: str, *, migrated: bool = True) -> Iterator[str]:
    """A fresh PostgreSQL database for one test (migrated: copied from a template migrated
    once per run), dropped afterwards; yields its URL. The name carries the pid so that two
    test runs at once never share one."""
    name = f"{name}_{os.getpid()}"
    admin = _connect_admin()
    try:
        template = f' TEMPLATE "{_pg_template(admin)}"' if migrated else ""
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cur.execute(f'CREATE DATABASE "{name}"{template}')
        yield f"{PG_SERVER}/{name}"
    finally:
        with admin.cursor() as cur:
            cur.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
