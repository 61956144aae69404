"""Anonymous clients are throttled (429 with Retry-After); authenticated ones are not."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def low_rate(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }


def test_anonymous_is_throttled_with_retry_after(api, low_rate):
    codes = [api.get("/api/v1/actors/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    response = api.get("/api/v1/claims/")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 60
    assert "throttled" in response.json()["detail"].lower()


def test_authenticated_clients_are_not_throttled(reader_api, low_rate):
    assert {reader_api.get("/api/v1/actors/").status_code for _ in range(6)} == {200}


def test_default_rate_comes_from_the_environment():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["anon"]
