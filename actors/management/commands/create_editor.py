"""`python manage.py create_editor USERNAME [--email E]` — a staff user in the Editors group."""

from __future__ import annotations

import getpass
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

EDITORS = "Editors"
PASSWORD_ENV = "PARLEY_EDITOR_PASSWORD"


def editor_create(*, username: str, password: str, email: str = ""):
    """Create a staff user in the Editors group. Raises ValueError with a reader's message."""
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        raise ValueError(f"A user called {username!r} already exists.")
    group = Group.objects.filter(name=EDITORS).first()
    if group is None:
        raise ValueError(f"The {EDITORS!r} group does not exist; run `manage.py migrate` first.")
    try:
        validate_password(password, user=User(username=username, email=email))
    except ValidationError as exc:
        raise ValueError("Password refused: " + " ".join(exc.messages)) from exc
    with transaction.atomic():
        user = User.objects.create_user(
            username=username, email=email, password=password, is_staff=True
        )
        user.groups.add(group)
    return user


class Command(BaseCommand):
    help = (
        "Create an editor: a staff user in the Editors group, who can review and correct claims, "
        "statements, actors and meetings in the admin. The password is read from the "
        f"{PASSWORD_ENV} environment variable, or asked for twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check everything, create nothing."
        )

    def handle(self, *args, username, email, dry_run, **options):
        password = os.environ.get(PASSWORD_ENV) or self._ask_password()
        try:
            with transaction.atomic():
                user = editor_create(username=username, password=password, email=email)
                if dry_run:
                    transaction.set_rollback(True)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        verb = "Would create" if dry_run else "Created"
        self.stdout.write(
            f"{verb} editor {user.get_username()!r} (staff, group {EDITORS!r}). "
            "They sign in at /admin/."
        )

    def _ask_password(self) -> str:
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ; nothing was created.")
        if not password:
            raise CommandError("An empty password is not allowed.")
        return password
