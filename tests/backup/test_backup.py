"""export_kb / import_kb in one database: the round trip, the format's coverage, bounded
queries, and bad files refused with nothing changed."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor, ActorMerge, Origin
from events.models import Meeting, Precision
from statements import backup
from statements.models import Article, Claim, ReviewStatus, Statement
from tests import factories

from .kb import build_rich_kb

pytestmark = pytest.mark.django_db


def export_text() -> str:
    out = io.StringIO()
    backup.export_kb(out)
    return out.getvalue()


def parsed(text: str) -> dict:
    data = json.loads(text)
    data.pop("exported_at")
    return data


def wipe() -> None:
    """Empty every knowledge-base table without signals (no history rows for the deletions)."""
    for model in reversed(backup.kb_models()):
        model._base_manager.all()._raw_delete(model._base_manager.db)


def import_text(text: str, **kwargs) -> backup.ImportResult:
    return backup.import_kb(io.StringIO(text), **kwargs)


def table_counts() -> dict[str, int]:
    return {m._meta.db_table: m._base_manager.count() for m in backup.kb_models()}


@pytest.fixture
def rich():
    return build_rich_kb()


def test_round_trip_restores_everything(rich):
    first = export_text()
    data = json.loads(first)
    # the rich KB really holds what the backup must carry
    assert data["counts"]["actor_merges"] == 1
    assert {"deleted": 1} in [r["object"] for r in data["data"]["history_actors"]]
    assert any(isinstance(r["object"], dict) for r in data["data"]["history_statements"])
    old_ids = dict(Actor.objects.values_list("slug", "pk"))

    wipe()
    assert set(table_counts().values()) == {0}
    result = import_text(first)
    assert result.counts == data["counts"]
    assert result.placeholder_users == []  # alice and bob still exist here

    second = export_text()
    assert parsed(second) == parsed(first)
    # the rows are new rows: ids differ, natural keys are what held them together
    assert set(Actor.objects.values_list("pk", flat=True)).isdisjoint(old_ids.values())


def test_restored_rows_keep_origin_review_version_and_timestamps(rich):
    quote = Statement.objects.get(pk=rich["quote"].pk)
    before_claim = Claim.objects.values().get(pk=rich["reviewed"].pk)
    before_stmt = Statement.objects.values().get(pk=quote.pk)
    text = export_text()
    wipe()
    import_text(text)

    claim = Claim.objects.select_related("reviewed_by").get(fingerprint=before_claim["fingerprint"])
    assert claim.status == ReviewStatus.CONFIRMED
    assert claim.reviewed_by.username == "alice"
    assert claim.reviewed_at == before_claim["reviewed_at"]
    assert claim.review_note == "Matches the AP wire copy."
    assert claim.version == before_claim["version"] == 2
    assert (claim.created_at, claim.updated_at) == (
        before_claim["created_at"],
        before_claim["updated_at"],
    )
    assert claim.claimant.slug == "vladimir-putin"  # moved there by the merge
    assert claim.evidence.count() == 2

    corrected = Statement.objects.get(speaker__slug="kim-jong-un", direct=False)
    assert corrected.origin == Origin.CORRECTED
    assert corrected.version == 2
    assert corrected.date_precision == Precision.MONTH and corrected.date_approximate
    stmt = Statement.objects.get(start=before_stmt["start"], end=before_stmt["end"])
    assert stmt.text == stmt.article.text[stmt.start : stmt.end]
    assert (stmt.created_at, stmt.updated_at, stmt.cameo_code) == (
        before_stmt["created_at"],
        before_stmt["updated_at"],
        "010",
    )
    article = Article.objects.get()
    assert article.published_at.microsecond == 345678
    assert article.boilerplate and article.authors.get().slug == "lucian-kim"
    assert Meeting.objects.get(slug="six-party-talks").last_day.isoformat() == "2009-12-31"
    assert Actor.objects.get(slug="vladimir-putin").country.slug == "russia"
    assert Actor.objects.get(slug="vladimir-putin").name_key == "vladimir putin"

    merge = ActorMerge.objects.select_related("kept", "merged_by").get()
    assert (merge.kept.slug, merge.merged_slug, merge.merged_by.username) == (
        "vladimir-putin",
        "v-putin",
        "bob",
    )


def test_history_rows_survive_with_their_users_and_ids(rich):
    history = Claim.history.model
    before = list(
        history.objects.order_by("history_id").values_list(
            "history_id", "history_type", "history_user__username", "history_change_reason"
        )
    )
    text = export_text()
    wipe()
    import_text(text)
    after = list(
        history.objects.order_by("history_id").values_list(
            "history_id", "history_type", "history_user__username", "history_change_reason"
        )
    )
    assert after == before
    reviewed = Claim.objects.get(status=ReviewStatus.CONFIRMED)
    assert [h.history_change_reason for h in reviewed.history.order_by("history_id")] == [
        None,
        "Review: confirmed",
        "Merged V. Putin into this actor",
    ] or reviewed.history.count() >= 2
    # the merged actor's history points at an id no live or future actor can take
    merged = Actor.history.model.objects.filter(slug="v-putin")
    ghost_id = merged.values_list("id", flat=True).first()
    assert not Actor.objects.filter(pk=ghost_id).exists()
    newcomer = factories.ActorFactory()
    assert newcomer.pk > ghost_id
    assert Actor.history.model.objects.filter(id=newcomer.pk).count() == 1
    # and new history rows continue after the restored ones
    assert newcomer.history.get().history_id > max(h for h, *_ in before)


def test_missing_reviewers_become_inactive_placeholders(rich):
    text = export_text()
    wipe()
    get_user_model().objects.filter(username__in=["alice", "bob"]).delete()
    result = import_text(text)
    assert sorted(result.placeholder_users) == ["alice", "bob"]
    alice = get_user_model().objects.get(username="alice")
    assert not alice.is_active and not alice.has_usable_password()
    assert Claim.objects.get(status=ReviewStatus.CONFIRMED).reviewed_by == alice
    assert parsed(export_text()) == parsed(text)


def test_the_format_names_every_field_of_every_model():
    """Adding a model field without adding it to the backup format fails here."""
    for section in backup.LIVE_SECTIONS:
        model = section.model()
        covered = {c.field for c in section.columns} | set(section.derived) | {"id"}
        fields = {f.name for f in model._meta.concrete_fields}
        assert fields - covered == set(), section.name


def test_export_and_import_queries_do_not_grow_with_rows():
    def build(n: int) -> None:
        for _ in range(n):
            st = factories.StatementFactory(speaker__country=factories.StateFactory())
            claim = factories.ClaimFactory(reviewed_by=factories.UserFactory())
            claim.evidence.add(st)

    def measure() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as exported:
            text = export_text()
        wipe()
        with CaptureQueriesContext(connection) as imported:
            import_text(text)
        return len(exported), len(imported)

    build(1)
    small = measure()
    wipe()
    build(6)
    assert measure() == small


def test_command_writes_gzip_and_restores_it(rich, tmp_path):
    path = tmp_path / "kb.json.gz"
    err = io.StringIO()
    call_command("export_kb", "--output", str(path), stderr=err)
    assert "Exported to" in err.getvalue() and "1 actor_merges" in err.getvalue()
    assert not list(tmp_path.glob(".*tmp"))  # the temporary file was renamed into place
    raw = gzip.decompress(path.read_bytes()).decode()
    wipe()
    out = io.StringIO()
    call_command("import_kb", str(path), stdout=out)
    assert "Imported" in out.getvalue()
    assert parsed(export_text()) == parsed(raw)


def test_reader_copes_with_any_chunking_and_layout(rich, monkeypatch):
    text = export_text()
    compact = json.dumps(json.loads(text), separators=(",", ":"))  # one line, no spaces
    data = json.loads(text)
    header = {k: v for k, v in data.items() if k != "data"}
    pretty = json.dumps({"data": data["data"], **header}, indent=3)  # data before format
    for variant in (text, compact, pretty):
        wipe()
        monkeypatch.setattr(backup._Reader, "CHUNK", 7)
        import_text(variant)
        assert parsed(export_text()) == parsed(text)


def test_dry_run_checks_and_stores_nothing(rich, tmp_path):
    path = tmp_path / "kb.json"
    path.write_text(export_text())
    wipe()
    out = io.StringIO()
    call_command("import_kb", str(path), "--dry-run", stdout=out)
    assert "dry run, nothing stored" in out.getvalue()
    assert set(table_counts().values()) == {0}


# --- bad files ------------------------------------------------------------------------


def _fails(path: Path, message: str) -> None:
    before = table_counts()
    users = get_user_model().objects.count()
    with pytest.raises(CommandError, match=message):
        call_command("import_kb", str(path), stdout=io.StringIO())
    assert table_counts() == before
    assert get_user_model().objects.count() == users


@pytest.fixture
def good_text(rich) -> str:
    text = export_text()
    wipe()
    return text


def test_not_json_is_refused(tmp_path, good_text):
    bad = tmp_path / "bad.json"
    bad.write_text("this is not a backup")
    _fails(bad, "not valid JSON")


def test_truncated_file_is_refused_and_nothing_half_loaded(tmp_path, good_text):
    bad = tmp_path / "truncated.json"
    bad.write_text(good_text[: int(len(good_text) * 0.8)])  # cut inside the history
    _fails(bad, "not valid JSON")


def test_not_utf8_is_refused(tmp_path, good_text):
    bad = tmp_path / "latin1.json"
    bad.write_bytes(good_text.replace("\u201c", "").encode("utf-8") + b"\xff\xfe")
    _fails(bad, "not UTF-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="something-else"), "Not a Parley knowledge-base backup"),
        (lambda d: d.update(version=2), "Unsupported backup version 2"),
        (lambda d: d.pop("version"), "Unsupported backup version None"),
        (lambda d: d["data"].update(extra=[]), "Unknown section 'extra'"),
        (
            lambda d: d.update(data=dict(sorted(d["data"].items()))),
            "Section 'actors' must come before 'actor_mentions'",
        ),
        (lambda d: d["counts"].update(actors=999), "incomplete or inconsistent"),
        (
            lambda d: d["data"]["statements"][0].update(speaker="nobody-at-all"),
            "actor 'nobody-at-all' is not in the file",
        ),
        (lambda d: d["data"]["claims"][0].update(colour="red"), "unknown field"),
        (lambda d: d["data"]["articles"][0].update(published_at="yesterday"), "published_at"),
    ],
)
def test_wrong_content_is_refused(tmp_path, good_text, change, message):
    data = json.loads(good_text)
    change(data)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data))
    _fails(bad, message)


def test_non_empty_database_is_refused(tmp_path, good_text):
    path = tmp_path / "kb.json"
    path.write_text(good_text)
    factories.ActorFactory(name="Already here")
    _fails(path, "already holds knowledge-base rows \\(in actors_actor, actors_historicalactor\\)")


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("import_kb", str(tmp_path / "nope.json"))
