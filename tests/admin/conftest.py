from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def editor_client(fast_password_hashing, client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def second_editor(fast_password_hashing, db):
    from django.contrib.auth.models import Group

    user = factories.UserFactory(username="editor2", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def staff_without_group(fast_password_hashing, db):
    return factories.UserFactory(username="staffer", is_staff=True)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing the factories' passwords with PBKDF2 dominates these tests' time; nothing
    here is about the hash itself."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
