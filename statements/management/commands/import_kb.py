"""`python manage.py import_kb FILE` — restore a backup made by export_kb."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.backup import BackupError, import_kb_from_path


class Command(BaseCommand):
    help = (
        "Restore a knowledge-base backup written by `export_kb` into an EMPTY database, in one "
        "transaction: a file that is not a valid backup, or a database that already holds "
        "actors, meetings, articles, statements, claims or history, leaves everything as it "
        "was. Reviewers and editors are matched by username; a username this database lacks "
        "gets an inactive placeholder account (no usable password), listed at the end."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The backup (.json or .json.gz).")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Read and load the whole file, then roll back: checks a backup restores.",
        )

    def handle(self, *args, file: Path, dry_run: bool, verbosity: int, **options):
        if not file.is_file():
            raise CommandError(f"{file}: no such file.")
        try:
            result = import_kb_from_path(file, dry_run=dry_run)
        except BackupError as exc:
            raise CommandError(f"{file}: {exc} Nothing was imported.") from exc
        if verbosity > 0:
            counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
            verb = "Checked (dry run, nothing stored)" if dry_run else "Imported"
            self.stdout.write(f"{verb} {file} (exported {result.exported_at}): {counts}.")
            if result.placeholder_users:
                self.stdout.write(
                    "Created inactive placeholder users for reviewers/editors missing here: "
                    + ", ".join(result.placeholder_users)
                )
