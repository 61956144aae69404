"""`manage.py create_editor`: a staff user in the Editors group, password from env or prompt."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests import factories

pytestmark = pytest.mark.django_db
GOOD = "violet-harbour-42-lantern"


def test_creates_a_staff_editor_with_the_password_from_the_environment(monkeypatch, capsys):
    monkeypatch.setenv("PARLEY_EDITOR_PASSWORD", GOOD)
    call_command("create_editor", "ada", "--email", "ada@example.org")
    user = get_user_model().objects.get(username="ada")
    assert user.is_staff and not user.is_superuser
    assert user.email == "ada@example.org"
    assert list(user.groups.values_list("name", flat=True)) == ["Editors"]
    assert user.check_password(GOOD)
    assert user.has_perm("statements.change_claim")
    assert "Created editor 'ada'" in capsys.readouterr().out


def test_asks_for_the_password_twice(monkeypatch):
    monkeypatch.delenv("PARLEY_EDITOR_PASSWORD", raising=False)
    answers = iter([GOOD, GOOD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_editor", "ben")
    assert get_user_model().objects.get(username="ben").check_password(GOOD)


def test_refuses_two_different_passwords(monkeypatch):
    monkeypatch.delenv("PARLEY_EDITOR_PASSWORD", raising=False)
    answers = iter([GOOD, GOOD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="differ"):
        call_command("create_editor", "cy")
    assert not get_user_model().objects.filter(username="cy").exists()


@pytest.mark.parametrize("password", ["12345678", "password", "short"])
def test_refuses_a_weak_password(monkeypatch, password):
    monkeypatch.setenv("PARLEY_EDITOR_PASSWORD", password)
    with pytest.raises(CommandError, match="Password refused"):
        call_command("create_editor", "dee")
    assert not get_user_model().objects.filter(username="dee").exists()


def test_refuses_an_existing_username(monkeypatch):
    factories.UserFactory(username="eve")
    monkeypatch.setenv("PARLEY_EDITOR_PASSWORD", GOOD)
    with pytest.raises(CommandError, match="already exists"):
        call_command("create_editor", "eve")


def test_dry_run_creates_nothing(monkeypatch, capsys):
    monkeypatch.setenv("PARLEY_EDITOR_PASSWORD", GOOD)
    call_command("create_editor", "fay", "--dry-run")
    assert not get_user_model().objects.filter(username="fay").exists()
    assert "Would create editor 'fay'" in capsys.readouterr().out
