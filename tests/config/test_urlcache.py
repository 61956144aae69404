"""config.urlcache gives exactly what reverse() gives, and its errors."""

from __future__ import annotations

import pytest
from django.urls import NoReverseMatch, reverse

from config.urlcache import url_for, url_named


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("actor-detail", "vladimir-putin"),
        ("actor-detail", "A_b-9"),
        ("meeting-detail", "x"),
        ("statement-detail", 0),
        ("statement-detail", 918273645),
        ("claim-detail", 12345678901234),
    ],
)
def test_same_as_reverse(name, value):
    assert url_for(name, value) == reverse(name, args=[value])
    assert url_for(name, value) == reverse(name, args=[value])  # from the cache


@pytest.mark.parametrize(
    ("name", "value"), [("actor-detail", "a b"), ("actor-detail", ""), ("claim-detail", "x")]
)
def test_values_reverse_refuses_still_raise(name, value):
    with pytest.raises(NoReverseMatch):
        url_for(name, value)


def test_named_routes():
    for name in ("home", "search", "formats-feed-claims"):
        assert url_named(name) == reverse(name)
