"""A backup taken from SQLite restores into PostgreSQL with nothing lost: every command runs
in a child process against its own database, as an operator would run them."""

from __future__ import annotations

import json

from .subprocesses import manage, postgres_database, python, sqlite_database

BUILD = (
    "from django.db import transaction\n"
    "from tests.backup.kb import build_rich_kb\n"
    "from django.core.management import call_command\n"
    "with transaction.atomic():\n"
    "    build_rich_kb()\n"
    "call_command('export_kb', '--output', OUTPUT)\n"
)


def _without_stamp(path) -> dict:
    data = json.loads(path.read_text())
    data.pop("exported_at")
    return data


def test_sqlite_backup_restores_into_postgresql(tmp_path):
    sqlite_url = sqlite_database(tmp_path / "source.sqlite3")
    from_sqlite = tmp_path / "from_sqlite.json"
    # build the knowledge base and export it (`call_command("export_kb")`, in one process)
    python(sqlite_url, f"OUTPUT = {str(from_sqlite)!r}\n" + BUILD)
    assert json.loads(from_sqlite.read_text())["counts"]["actor_merges"] == 1

    with postgres_database("parley_backup_rt") as pg_url:
        restored = manage(pg_url, "import_kb", str(from_sqlite))
        # the PostgreSQL database had no users: the reviewers come back as placeholders
        assert "placeholder users for reviewers/editors missing here: alice, bob" in (
            restored.stdout
        )
        from_pg = tmp_path / "from_pg.json"
        manage(pg_url, "export_kb", "--output", str(from_pg))
        assert _without_stamp(from_pg) == _without_stamp(from_sqlite)

        again = manage(pg_url, "import_kb", str(from_sqlite), check=False)
        assert again.returncode == 1
        assert "already holds knowledge-base rows" in again.stderr
