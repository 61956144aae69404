"""`python manage.py export_kb [--output FILE]` — back up the whole knowledge base."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.backup import BackupError, export_kb, export_kb_to_path


class Command(BaseCommand):
    help = (
        "Write the whole curated knowledge base (actors, meetings, articles, mentions, "
        "statements, claims with their review states, and the change history) to a versioned "
        "JSON file that `import_kb` restores into an empty database of either engine. "
        "A FILE ending in .gz is gzip-compressed; without --output the backup goes to stdout."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            type=Path,
            help="Where to write (written to a temporary file and renamed when complete).",
        )

    def handle(self, *args, output: Path | None, verbosity: int, **options):
        try:
            if output is None:
                result = export_kb(self.stdout._out)
                self.stdout._out.flush()
            else:
                if not output.parent.is_dir():
                    raise CommandError(f"{output.parent}: no such folder.")
                result = export_kb_to_path(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if verbosity > 0:
            counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
            where = output if output is not None else "stdout"
            self.stderr.write(f"Exported to {where}: {counts}.")
