"""Scale-out on PostgreSQL itself: a real streaming replica (pg_basebackup of a private
cluster started here), reads routed to it, writes to the primary, read-your-writes pinning."""

from __future__ import annotations

import glob
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_BINS = sorted(glob.glob("/usr/lib/postgresql/*/bin"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(*cmd: str) -> subprocess.CompletedProcess:
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *cmd], capture_output=True, text=True, timeout=120, check=True)


@pytest.fixture(scope="module")
def clusters():
    if not PG_BINS or not Path(PG_BINS[-1], "pg_basebackup").exists():
        pytest.skip("PostgreSQL server binaries (initdb, pg_basebackup) are not installed")
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            pytest.skip("no postgres system user to run a private cluster as")
    bin_dir = PG_BINS[-1]
    base = Path(tempfile.mkdtemp(prefix="parley-replica-", dir="/tmp"))
    base.chmod(0o755)
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    primary, replica = base / "primary", base / "replica"
    p_port, r_port = free_port(), free_port()
    started = []
    try:
        as_postgres(f"{bin_dir}/initdb", "-D", str(primary), "--auth=trust", "-U", "postgres")
        with open(primary / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {p_port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{base}'\nwal_level = replica\n"
                "max_wal_senders = 4\nfsync = off\n"
            )
        as_postgres(
            f"{bin_dir}/pg_ctl", "-D", str(primary), "-l", str(base / "primary.log"), "-w", "start"
        )
        started.append(primary)
        as_postgres(
            f"{bin_dir}/pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(p_port),
            "-U",
            "postgres",
            "-D",
            str(replica),
            "-R",
            "-X",
            "stream",
        )
        with open(replica / "postgresql.auto.conf", "a") as conf:
            conf.write(f"\nport = {r_port}\n")
        as_postgres(
            f"{bin_dir}/pg_ctl", "-D", str(replica), "-l", str(base / "replica.log"), "-w", "start"
        )
        started.append(replica)
        as_postgres(
            f"{bin_dir}/createdb", "-h", "127.0.0.1", "-p", str(p_port), "-U", "postgres", "parley"
        )
        yield p_port, r_port
    finally:
        for data in reversed(started):
            subprocess.run(
                [
                    "runuser",
                    "-u",
                    "postgres",
                    "--",
                    f"{bin_dir}/pg_ctl",
                    "-D",
                    str(data),
                    "-m",
                    "immediate",
                    "stop",
                ]
                if os.geteuid() == 0
                else [f"{bin_dir}/pg_ctl", "-D", str(data), "-m", "immediate", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(base, ignore_errors=True)


def test_reads_go_to_the_replica_writes_to_the_primary_and_writers_read_their_writes(clusters):
    p_port, r_port = clusters
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{p_port}/parley",
        "DATABASE_REPLICA_URLS": f"postgres://postgres@127.0.0.1:{r_port}/parley",
        "DJANGO_CONN_MAX_AGE": "0",
    }
    run = subprocess.run(
        [sys.executable, str(ROOT / "tests/config/replica_probe.py")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    result = json.loads(run.stdout.strip().splitlines()[-1])
    assert result["primary_in_recovery"] is False
    assert result["replica_in_recovery"] is True  # a real streaming standby
    assert result["replica_has_schema"] and result["replicated"]
    assert result["write_served_by"] == ["default"]
    assert result["read_served_by"] == ["replica_1"]
    assert result["replica_refused_write"] is True
    assert result["after_write_served_by"] == ["default"] and result["pin_cookie_set"]
    assert result["pinned_read_served_by"] == ["default"]
    assert result["other_client_read_served_by"] == ["replica_1"]


def test_router_without_replicas_uses_the_primary_for_everything(settings):
    from config.routers import PrimaryReplicaRouter

    router = PrimaryReplicaRouter()
    assert router.db_for_read(None) == "default" and router.db_for_write(None) == "default"
    assert router.allow_migrate("replica_1", "actors") is False
