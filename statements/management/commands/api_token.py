"""`python manage.py api_token USERNAME [--revoke | --rotate]` — manage a script's API token."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token


class Command(BaseCommand):
    help = (
        "Show (creating if needed), rotate or revoke the API token of a user. A revoked token "
        "stops working at once; analysts' scripts then get 401 until given a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        action = parser.add_mutually_exclusive_group()
        action.add_argument("--revoke", action="store_true", help="Delete the user's token.")
        action.add_argument("--rotate", action="store_true", help="Replace it with a new one.")

    def handle(self, *args, username, revoke, rotate, **options):
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as exc:
            raise CommandError(f"No user named {username!r}.") from exc
        if revoke:
            deleted, _ = Token.objects.filter(user=user).delete()
            self.stdout.write(f"Revoked {deleted} token(s) of {username}.")
            return
        if rotate:
            Token.objects.filter(user=user).delete()
        if not user.is_active:
            raise CommandError(f"{username} is inactive; activate the account first.")
        token, _created = Token.objects.get_or_create(user=user)
        self.stdout.write(token.key)
