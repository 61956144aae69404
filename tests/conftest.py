from __future__ import annotations

import pytest

from tests import factories


@pytest.fixture
def editor(db):
    """A staff user in the Editors group (created by a data migration when that exists)."""
    from django.contrib.auth.models import Group, Permission

    user = factories.UserFactory(username="editor", is_staff=True)
    group = Group.objects.filter(name="Editors").first()
    if group is not None:
        user.groups.add(group)
    else:
        user.user_permissions.add(
            *Permission.objects.filter(
                content_type__app_label__in=["actors", "events", "statements"],
                codename__regex=r"^(change|view|add)_",
            )
        )
    return user
