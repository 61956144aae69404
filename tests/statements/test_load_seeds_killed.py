"""Kill the importer (SIGKILL) in the middle of a folder: the database holds only whole
articles, and a re-run loads the rest, each article exactly once.

The loader commits one transaction per article (`statements.loader.load_extraction`), so a
process killed between or during articles leaves no half article behind. Each engine runs
in child processes against a database of its own.
"""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from statements.loader import claim_fingerprint, meeting_slug
from tests.backup.subprocesses import ROOT, child_env, manage, postgres_database, sqlite_database

N_ARTICLES = 40
KILL_AFTER = 3  # committed articles

PEOPLE = [
    ("Foreign Minister", "Anna Berg", "Norway", "Norwegian"),
    ("Prime Minister", "Erik Lund", "Sweden", "Swedish"),
    ("President", "Marta Kowalska", "Poland", "Polish"),
    ("Chancellor", "Jonas Weber", "Germany", "German"),
    ("Foreign Minister", "Luis Herrera", "Chile", "Chilean"),
    ("President", "Amara Okafor", "Nigeria", "Nigerian"),
    ("Prime Minister", "Kenji Sato", "Japan", "Japanese"),
    ("President", "Elena Petrova", "Bulgaria", "Bulgarian"),
    ("Foreign Minister", "Rahul Mehta", "India", "Indian"),
    ("President", "Sofia Almeida", "Portugal", "Portuguese"),
    ("Prime Minister", "Pierre Martin", "France", "French"),
    ("Foreign Minister", "Carmen Ruiz", "Spain", "Spanish"),
]
PLACES = [
    ("OSLO", "Norway"),
    ("GENEVA", "Switzerland"),
    ("VIENNA", "Austria"),
    ("NAIROBI", "Kenya"),
    ("HANOI", "Vietnam"),
    ("LIMA", "Peru"),
    ("ACCRA", "Ghana"),
    ("HELSINKI", "Finland"),
]
OUTLETS = [("AP", "The Associated Press"), ("Reuters", "Reuters"), ("AFP", "AFP")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "October"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TOPICS = [
    "trade",
    "fisheries",
    "energy security",
    "border crossings",
    "climate finance",
    "grain exports",
    "visa rules",
    "rail links",
]


def article(n: int) -> str:
    """A plausible wire story, different for every n: two leaders, a place, a date, quotes
    and reported speech, then some routine paragraphs."""
    rnd = random.Random(n)
    (t1, p1, c1, d1), (t2, p2, c2, d2) = rnd.sample(PEOPLE, 2)
    city, country = rnd.choice(PLACES)
    tag, outlet = rnd.choice(OUTLETS)
    year = rnd.choice([2016, 2017, 2018, 2019, 2021])
    topic, topic2 = rnd.sample(TOPICS, 2)
    s1, s2 = p1.split()[-1], p2.split()[-1]
    paragraphs = [
        f"{s1} And {s2} Agree To Keep Talking On {topic.title()}",
        f"{rnd.choice(MONTHS)} {rnd.randint(1, 28)}, {year} {rnd.randint(6, 11)}:"
        f"{rnd.randint(10, 59)} AM ET",
        f"{city}, {country} ({tag}) — {d1} {t1} {p1} met {d2} {t2} {p2} in {city.title()} on "
        f"{rnd.choice(WEEKDAYS)} for talks on {topic} and {topic2}, the first such meeting "
        f"since {year - rnd.randint(1, 6)}.",
        f'"We agreed to keep talking about {topic}," {s1} said after the meeting. '
        f'"Nobody expected a breakthrough today, but we made progress."',
        f"{s2} said the two governments would set up a working group on {topic2}. "
        f'"Our teams will meet again within {rnd.choice(["two", "three", "six"])} months," '
        f"{s2} told reporters.",
        f"{s1} said {c1} was ready to compromise on {topic} if {c2} lowered its tariffs.",
        f'"This is a good day for {c1} and for {c2}," {s1} said, {outlet} reported.',
    ]
    paragraphs += [
        f"Officials from both sides discussed {rnd.choice(TOPICS)} in detail, according to a "
        f"statement released in {city.title()}."
        for _ in range(rnd.randint(3, 8))
    ]
    return "\n\n".join(paragraphs) + "\n"


class Db:
    """Plain SQL on the child's database (the test process's own Django database is another)."""

    def __init__(self, connect: Callable[[], object]) -> None:
        self.connect = connect

    def rows(self, sql: str) -> list[tuple]:
        for _ in range(200):  # SQLite: the writer may hold the lock for a moment
            try:
                conn = self.connect()
                try:
                    cur = conn.cursor()
                    cur.execute(sql)
                    return cur.fetchall()
                finally:
                    conn.close()
            except sqlite3.OperationalError:
                time.sleep(0.01)
        raise AssertionError(f"database stayed locked: {sql}")

    def count(self, table: str) -> int:
        return self.rows(f"SELECT COUNT(*) FROM {table}")[0][0]


def _sqlite(tmp_path: Path) -> tuple[str, Db]:
    path = tmp_path / "killed.sqlite3"
    url = sqlite_database(path)
    return url, Db(lambda: sqlite3.connect(path, timeout=0.05))


def _expected(url: str, folder: Path) -> dict[str, dict]:
    """`load_seeds --dry-run --format json` of the folder: one line per file, in the
    importer's (sorted) order."""
    out = manage(url, "load_seeds", "--dry-run", "--format", "json", str(folder)).stdout
    lines = [json.loads(line) for line in out.splitlines() if line.strip()]
    files = sorted(p.name for p in folder.iterdir())
    assert len(lines) == len(files) == N_ARTICLES
    return dict(zip(files, lines, strict=True))


def _assert_whole(db: Db, expected: dict[str, dict]) -> int:
    """Every stored article has exactly the statements, claims and meetings a dry run of its
    file finds. Returns how many articles are stored."""
    articles = db.rows("SELECT id, source_name FROM statements_article")
    spans: dict[int, set[tuple[int, int]]] = {}
    for article_id, start, end in db.rows(
        'SELECT article_id, start, "end" FROM statements_statement'
    ):
        spans.setdefault(article_id, set()).add((start, end))
    fingerprints = {fp for (fp,) in db.rows("SELECT fingerprint FROM statements_claim")}
    meetings = {slug for (slug,) in db.rows("SELECT slug FROM events_meeting")}
    for article_id, source_name in articles:
        dry = expected[source_name]
        assert dry["statements"], f"{source_name}: the pipeline found no statements"
        assert spans.get(article_id, set()) == {
            (s["start"], s["end"]) for s in dry["statements"]
        }, source_name
        for c in dry["claims"]:
            fp = claim_fingerprint(c["claimant"], c["subject"], c["text"], c.get("condition"))
            assert fp in fingerprints, f"{source_name}: claim {c['text']!r} missing"
        for m in dry["meetings"]:
            assert meeting_slug(m["title"]) in meetings, f"{source_name}: {m['title']!r}"
    return len(articles)


def _engines(tmp_path: Path, engine: str):
    if engine == "sqlite":
        url, db = _sqlite(tmp_path)
        yield url, db
        return
    import psycopg2

    with postgres_database("parley_backup_kill") as url:
        yield url, Db(lambda: psycopg2.connect(url, connect_timeout=3))


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_killed_importer_leaves_whole_articles_and_a_rerun_finishes(tmp_path, engine):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(N_ARTICLES):
        (folder / f"{n:03d}_wire.txt").write_text(article(n), encoding="utf-8")
    assert len({p.read_text() for p in folder.iterdir()}) == N_ARTICLES

    for url, db in _engines(tmp_path, engine):
        expected = _expected(url, folder)
        proc = subprocess.Popen(
            [sys.executable, str(ROOT / "manage.py"), "load_seeds", str(folder)],
            env=child_env(url),
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 120
            while db.count("statements_article") < KILL_AFTER:
                assert proc.poll() is None, "the importer ended before it could be killed"
                assert time.monotonic() < deadline, "the importer stored nothing in 120 s"
                time.sleep(0.005)
            proc.send_signal(signal.SIGKILL)
        finally:
            proc.kill()
            proc.wait()
        assert proc.returncode == -signal.SIGKILL

        stored = _assert_whole(db, expected)
        print(f"{engine}: killed with {stored} of {N_ARTICLES} articles committed")
        assert KILL_AFTER <= stored < N_ARTICLES, "the kill did not land mid-folder"

        rerun = manage(url, "load_seeds", str(folder))
        summary = rerun.stdout.strip().splitlines()[-1]
        assert f"created {N_ARTICLES - stored}" in summary, summary
        assert f"unchanged {stored}" in summary, summary

        assert _assert_whole(db, expected) == N_ARTICLES
        names = Counter(name for (name,) in db.rows("SELECT source_name FROM statements_article"))
        assert set(names) == set(expected) and set(names.values()) == {1}
        hashes = db.rows("SELECT COUNT(DISTINCT content_hash) FROM statements_article")
        assert hashes[0][0] == N_ARTICLES
