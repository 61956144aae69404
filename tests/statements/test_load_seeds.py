"""`load_seeds`: the command end to end — files, bad input, dry run, idempotence."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from actors.models import Actor
from statements.models import Article, Claim, Statement

pytestmark = pytest.mark.django_db

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED = next(SEEDS.glob("*.txt"))

ARTICLE = (
    "Leaders Agree To Keep Talking, Minister Says\n\n"
    "June 30, 2019 10:02 AM ET\n\n"
    "OSLO, Norway (AP) — Norwegian Foreign Minister Anna Berg met Swedish Prime Minister "
    'Erik Lund in Oslo on Sunday. "We agreed to keep talking," Berg said.\n'
)


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("load_seeds", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_failing(*args: str) -> tuple[str, str, CommandError]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as excinfo:
        call_command("load_seeds", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), excinfo.value


def test_default_loads_every_seed(settings):
    settings.SEEDS_DIR = SEEDS
    out, _ = run()
    assert f"created  {SEED}" in out
    assert Article.objects.count() == len(list(SEEDS.glob("*.txt")))


def test_second_run_reports_unchanged_and_changes_nothing(tmp_path):
    run(str(SEED))
    counts = (Actor.objects.count(), Statement.objects.count(), Claim.objects.count())
    stamps = list(Statement.objects.order_by("pk").values_list("pk", "updated_at"))
    out, _ = run(str(SEED))
    assert "unchanged" in out
    assert (Actor.objects.count(), Statement.objects.count(), Claim.objects.count()) == counts
    assert list(Statement.objects.order_by("pk").values_list("pk", "updated_at")) == stamps


def test_stored_text_is_repaired_and_spans_point_into_it():
    run(str(SEED))
    article = Article.objects.get()
    assert "â€" not in article.text and "—" in article.text
    for statement in Statement.objects.all():
        assert article.text[statement.start : statement.end] == statement.text


def test_missing_path_fails_clearly_and_the_rest_still_loads(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "nope.txt"
    _, err, error = run_failing(str(missing), str(good))
    assert f"{missing}: no such file or folder" in err
    assert "1 of 2 file(s) failed" in str(error)
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\n \t\n", "only whitespace"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("noise.bin", bytes(range(256)) * 8, "binary"),
    ],
)
def test_bad_files_are_named_with_their_problem(tmp_path, name, content, problem):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    _, err, error = run_failing(str(tmp_path))
    assert str(bad) in err and problem in err.lower()
    assert "1 of 2 file(s) failed" in str(error)
    assert Article.objects.count() == 1  # the good one was still imported


def test_folder_with_no_articles(tmp_path):
    (tmp_path / "expected.json").write_text("{}")
    _, err, _ = run_failing(str(tmp_path))
    assert f"{tmp_path}: folder holds no articles" in err


def test_oversized_file_is_refused(tmp_path, settings):
    settings.IMPORT_MAX_BYTES = 100
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE, encoding="utf-8")
    _, err, _ = run_failing(str(big))
    assert "over the 100-byte import limit" in err
    assert Article.objects.count() == 0


def test_cp1252_bytes_are_decoded(tmp_path):
    path = tmp_path / "cp1252.txt"
    path.write_bytes(ARTICLE.replace("Berg said", "Berg said — in Tromsø").encode("cp1252"))
    run(str(path))
    assert "— in Tromsø" in Article.objects.get().text


def test_utf16_and_bom(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("Sunday", "Monday").encode())
    run(str(tmp_path))
    texts = sorted(Article.objects.values_list("text", flat=True))
    assert all(t.startswith("Leaders Agree") for t in texts) and len(texts) == 2


def test_html_page_keeps_main_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html><head><title>Leaders Agree | Site</title>"
        '<meta property="article:published_time" content="2019-06-30T10:02:00-04:00">'
        "<script>var tracking = 1;</script></head><body><nav>Home | World</nav>"
        "<article><h1>Leaders Agree To Keep Talking</h1>"
        "<p>Norwegian Foreign Minister Anna Berg met Swedish Prime Minister Erik Lund on Sunday.</p>"
        '<p>"We agreed to keep talking," Berg said.</p></article>'
        "<footer>© 2019 Site</footer></body></html>",
        encoding="utf-8",
    )
    run(str(page))
    article = Article.objects.get()
    assert "We agreed to keep talking" in article.text
    assert "tracking" not in article.text and "Home | World" not in article.text
    assert article.published_at is not None and article.published_at.year == 2019


def test_article_without_a_date_is_imported_with_the_date_unknown(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text(ARTICLE.replace("June 30, 2019 10:02 AM ET\n\n", ""), encoding="utf-8")
    _, err = run(str(path))
    article = Article.objects.get()
    assert article.published_at is None
    assert "date" in err.lower() and str(path) in err


def test_dry_run_prints_one_json_object_per_article_and_touches_nothing(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text(ARTICLE, encoding="utf-8")
    out, _ = run("--dry-run", "--format", "json", str(SEED), str(second))
    lines = out.strip().splitlines()
    assert len(lines) == 2
    seed = json.loads(lines[0])
    assert set(seed) == {"article", "actors", "meetings", "statements", "claims"}
    assert set(seed["article"]) == {"title", "published", "authors", "publisher"}
    assert seed["article"]["published"] == "2019-04-25"
    for statement in seed["statements"]:
        assert set(statement) == {"speaker", "text", "start", "end", "direct", "reported_via"}
    for meeting in seed["meetings"]:
        assert set(meeting) == {"title", "participants", "start", "end", "place", "mentioned_only"}
    assert Article.objects.count() == 0 and Actor.objects.count() == 0
