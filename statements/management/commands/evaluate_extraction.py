"""`manage.py evaluate_extraction PATH`: score the pipeline against the golden corpus.

PATH is a folder (every `.txt`/`.html` article with a `.json` expected extraction beside it)
or one article file (or its `.json`). Each article's raw bytes go through
`statements.extraction.extract`; `.to_dry_run()` is compared with the expected JSON by
`statements.evaluation`. Exits non-zero (CommandError) when an overall figure is below its
`--min-…` threshold; all thresholds default to 0 (report only).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from statements.evaluation import ArticleScore, CorpusScore, format_table, score_article

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")

THRESHOLD_OPTIONS = (
    ("min_statement_precision", "statement_precision"),
    ("min_statement_recall", "statement_recall"),
    ("min_statement_f1", "statement_f1"),
    ("min_speaker_accuracy", "speaker_accuracy"),
    ("min_actor_recall", "actor_recall"),
    ("min_meeting_recall", "meeting_recall"),
    ("min_claim_recall", "claim_recall"),
)


def find_articles(path: Path) -> list[tuple[Path, Path]]:
    """(article, expected json) pairs under `path`, sorted by name."""
    if path.is_dir():
        pairs = []
        for article in sorted(path.iterdir()):
            expected = article.with_suffix(".json")
            if article.suffix.lower() in ARTICLE_SUFFIXES and expected.is_file():
                pairs.append((article, expected))
        return pairs
    if path.suffix.lower() == ".json":
        for suffix in ARTICLE_SUFFIXES:
            article = path.with_suffix(suffix)
            if article.is_file():
                return [(article, path)]
        raise CommandError(f"No article file beside {path}")
    expected = path.with_suffix(".json")
    if not expected.is_file():
        raise CommandError(f"No expected extraction {expected.name} beside {path}")
    return [(path, expected)]


def get_extractor():
    """`statements.extraction.extract`, looked up at call time (tests monkeypatch it)."""
    try:
        module = importlib.import_module("statements.extraction")
    except ImportError as exc:  # pragma: no cover - depends on the pipeline's state
        raise CommandError(f"Cannot import statements.extraction: {exc}") from exc
    extract = getattr(module, "extract", None)
    if extract is None:
        raise CommandError("statements.extraction.extract is not available yet")
    return extract


def predict(extract, raw: bytes) -> dict[str, Any]:
    result = extract(raw)
    if hasattr(result, "to_dry_run"):
        return result.to_dry_run()
    if isinstance(result, dict):
        return result
    raise TypeError(f"extract() returned {type(result).__name__}, not an Extraction")


class Command(BaseCommand):
    help = "Score statements.extraction against expected extractions (the golden corpus)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a folder of articles with .json beside them, or one file")
        for option, _ in THRESHOLD_OPTIONS:
            parser.add_argument(
                "--" + option.replace("_", "-"),
                dest=option,
                type=float,
                default=0.0,
                help="fail when the overall figure is below this (default 0: report only)",
            )
        parser.add_argument("--format", choices=("table", "json"), default="table")
        parser.add_argument(
            "--details", action="store_true", help="list missed and spurious items per article"
        )

    def handle(self, *args, **options):
        path = Path(options["path"])
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        pairs = find_articles(path)
        if not pairs:
            raise CommandError(f"No articles with an expected .json found in {path}")
        extract = get_extractor()

        articles: list[ArticleScore] = []
        for article, expected_path in pairs:
            try:
                expected = json.loads(expected_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CommandError(f"Cannot read {expected_path}: {exc}") from exc
            error = None
            try:
                predicted = predict(extract, article.read_bytes())
            except Exception as exc:  # one broken article must not hide the others' scores
                predicted, error = {}, f"{type(exc).__name__}: {exc}"
            scored = score_article(predicted, expected, name=article.name)
            scored.error = error
            articles.append(scored)

        score = CorpusScore(articles)
        thresholds = {key: options[opt] for opt, key in THRESHOLD_OPTIONS if options[opt]}
        failures = score.failures(thresholds)

        if options["format"] == "json":
            payload = score.as_dict()
            payload["thresholds"] = thresholds
            payload["failures"] = failures
            self.stdout.write(json.dumps(payload, indent=2, ensure_ascii=False))
        else:
            self.stdout.write(format_table(score))
            for art in articles:
                if art.error:
                    self.stderr.write(f"{art.name}: extraction failed: {art.error}")
            if options["details"]:
                self._write_details(articles)
            overall = score.overall
            self.stdout.write(
                f"overall: {len(articles)} articles, statements {overall.statements_matched}"
                f"/{overall.statements_expected} expected matched, "
                f"{overall.statements_predicted} predicted; "
                f"F1 {overall.statement_f1:.3f}, speaker {overall.speaker_accuracy:.3f}, "
                f"actors {overall.actor_recall:.3f}, meetings {overall.meeting_recall:.3f}, "
                f"claims {overall.claim_recall:.3f}"
            )
        if failures:
            raise CommandError("Below threshold: " + "; ".join(failures))

    def _write_details(self, articles: list[ArticleScore]) -> None:
        for art in articles:
            sections = (
                ("missed statements", art.missed_statements),
                ("spurious statements", art.spurious_statements),
                ("wrong speakers", art.wrong_speakers),
                ("missed actors", art.missed_actors),
                ("missed meetings", art.missed_meetings),
                ("missed claims", art.missed_claims),
            )
            if not any(items for _, items in sections):
                continue
            self.stdout.write(f"\n{art.name}")
            for label, items in sections:
                for item in items:
                    self.stdout.write(f"  {label}: {item}")
