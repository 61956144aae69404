"""`python manage.py load_seeds [PATH ...]` — import articles (default: every file in seeds/)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.importing import ImportFailure, find_articles, read_and_extract
from statements.loader import load_extraction


class Command(BaseCommand):
    help = (
        "Import news articles (plain text or HTML; any common encoding) into actors, meetings, "
        "statements and claims. Safe to re-run: an article already loaded is left unchanged, "
        "and records an editor curated are never overwritten. Exits non-zero when any file failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "paths", nargs="*", type=Path, help="Files or folders (default: seeds/)."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Run the pipeline and print what would be stored; touch no database.",
        )
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument(
            "--refresh",
            action="store_true",
            help="Re-extract articles already loaded and add/update what the pipeline now finds "
            "(editors' corrections are kept).",
        )

    def handle(self, *args, paths, dry_run, format, refresh, verbosity, **options):
        paths = paths or [Path(settings.SEEDS_DIR)]
        failures: list[str] = []
        totals: dict[str, int] = {}
        started = time.monotonic()
        candidates = list(find_articles(paths))
        total = len(candidates)
        show_progress = total > 20 and verbosity > 0 and not (dry_run and format == "json")
        for n, candidate in enumerate(candidates, 1):
            if candidate.problem:
                failures.append(candidate.problem)
                self.stderr.write(f"failed   {candidate.problem}")
                continue
            try:
                extraction = read_and_extract(candidate.path)
            except ImportFailure as exc:
                failures.append(str(exc))
                self.stderr.write(f"failed   {exc}")
                continue
            if dry_run:
                if format == "json":
                    self.stdout.write(json.dumps(extraction.to_dry_run(), ensure_ascii=False))
                else:
                    d = extraction.to_dry_run()
                    self.stdout.write(
                        f"{candidate.path}: {len(d['actors'])} actors, {len(d['meetings'])} "
                        f"meetings, {len(d['statements'])} statements, {len(d['claims'])} claims"
                    )
                totals["extracted"] = totals.get("extracted", 0) + 1
            else:
                result = load_extraction(
                    extraction, source_name=candidate.path.name, refresh=refresh
                )
                totals[result.status] = totals.get(result.status, 0) + 1
                if verbosity > 0 and not show_progress:
                    self.stdout.write(f"{result.status:<9}{candidate.path}: {result.summary()}")
                for warning in result.warnings if result.status == "created" else ():
                    self.stderr.write(f"warning  {candidate.path}: {warning}")
            if show_progress:
                self._progress(n, total, started)
        if show_progress:
            self.stderr.write("")
        elapsed = time.monotonic() - started
        summary = ", ".join(f"{k} {v}" for k, v in sorted(totals.items())) or "nothing imported"
        if failures:
            summary += f", failed {len(failures)}"
        if not (dry_run and format == "json"):
            self.stdout.write(f"Done in {elapsed:.1f}s: {summary}.")
        if failures:
            raise CommandError(
                f"{len(failures)} of {total} file(s) failed:\n  " + "\n  ".join(failures)
            )

    def _progress(self, n: int, total: int, started: float) -> None:
        elapsed = max(time.monotonic() - started, 1e-6)
        rate = n / elapsed
        left = (total - n) / rate if rate else 0
        line = f"{n}/{total} articles, {rate:.1f}/s, {left:.0f}s left"
        if sys.stderr.isatty():
            self.stderr.write("\r" + line, ending="")
        elif n == total or n % 100 == 0:
            self.stderr.write(line)
