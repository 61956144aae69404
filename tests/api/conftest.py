from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests import factories as f


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The anonymous throttle counts in the cache: each test starts with a clean slate."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """User factories hash a password; the real hasher is slow by design."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def reader_api(db):
    """Authenticated, without any model permission."""
    client = APIClient()
    client.force_authenticate(f.UserFactory(username="reader"))
    return client


@pytest.fixture
def editor_api(editor):
    client = APIClient()
    client.force_authenticate(editor)
    return client
