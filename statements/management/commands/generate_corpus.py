"""`python manage.py generate_corpus --statements N [--seed S] [--batch 10000]`."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from statements.corpus import generate_corpus


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic knowledge base for benchmarks: actors (a few say "
        "most things), meetings over five decades, articles whose text contains every "
        "statement at its recorded span, statements and claims with evidence and review "
        "states. Adds to what is there (ids continue after the current maximum). Uses COPY "
        "on PostgreSQL and bulk inserts elsewhere, one batch of statements at a time. "
        "Deterministic for a given --seed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--statements", type=int, required=True, help="How many statements.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--batch", type=int, default=10_000, help="Statements per batch (default 10,000)."
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what would be generated and on which database; write nothing.",
        )

    def handle(self, *args, statements, seed, batch, dry_run, verbosity, **options):
        if statements < 0:
            raise CommandError("--statements must be 0 or more.")
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        target = f"{connection.vendor} database {connection.settings_dict['NAME']}"
        if dry_run:
            self.stdout.write(
                f"Would generate {statements:,} statements (seed {seed}, batches of {batch:,}) "
                f"into the {target}."
            )
            return
        progress = (lambda line: self.stderr.write(line)) if verbosity > 1 else None
        result = generate_corpus(statements=statements, seed=seed, batch=batch, progress=progress)
        self.stdout.write(f"Generated into the {target}: {result.summary()}.")
