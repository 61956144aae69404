import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.authtoken.models import Token

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def token_cmd(*args: str) -> str:
    out = io.StringIO()
    call_command("api_token", *args, stdout=out)
    return out.getvalue().strip()


def test_create_show_rotate_revoke():
    user = UserFactory(username="analyst")
    key = token_cmd("analyst")
    assert Token.objects.get(user=user).key == key
    assert token_cmd("analyst") == key  # showing does not change it
    rotated = token_cmd("analyst", "--rotate")
    assert rotated != key and Token.objects.get(user=user).key == rotated
    assert "Revoked 1 token" in token_cmd("analyst", "--revoke")
    assert not Token.objects.filter(user=user).exists()


def test_revoked_token_is_refused_by_the_api(client):
    UserFactory(username="analyst")
    key = token_cmd("analyst")
    ok = client.get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Token {key}")
    assert ok.status_code == 200
    token_cmd("analyst", "--revoke")
    refused = client.get("/api/v1/claims/", HTTP_AUTHORIZATION=f"Token {key}")
    assert refused.status_code == 401


def test_unknown_user():
    with pytest.raises(CommandError, match="No user named 'ghost'"):
        token_cmd("ghost")
