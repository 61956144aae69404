"""`python manage.py assign_cameo [--dry-run] [--batch-size N]` — fill empty CAMEO codes."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from statements.formats.assign import assign_cameo_codes


class Command(BaseCommand):
    help = (
        "Give every meeting and statement that has no CAMEO event code the code Parley's "
        "keyword rules assign (statements/formats/data/cameo.json). Codes already set, by an "
        "editor or an earlier run, are left alone; safe to re-run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be assigned; write nothing."
        )
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, dry_run: bool, batch_size: int, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        result = assign_cameo_codes(batch_size=batch_size, dry_run=dry_run)
        verb = "Would assign" if dry_run else "Assigned"
        self.stdout.write(f"{verb} CAMEO codes to {result.summary()}.")
