from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def second_editor(db):
    from django.contrib.auth.models import Group

    user = factories.UserFactory(username="editor2", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def staff_without_group(db):
    return factories.UserFactory(username="staffer", is_staff=True)
