"""Two editors PATCH the same version of a claim at the same moment, from two threads with
their own database connections: exactly one write wins, the other gets 412."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from statements.models import Claim
from tests.api.factories import full_claim


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialises writers with a database lock; the race is PostgreSQL's",
)
def test_concurrent_patches_exactly_one_wins(editor):
    claim = full_claim()
    barrier = threading.Barrier(2)
    results: dict[str, int] = {}

    def patch(note: str) -> None:
        try:
            client = APIClient()
            client.force_authenticate(editor)
            barrier.wait(timeout=10)
            response = client.patch(
                f"/api/v1/claims/{claim.pk}/", {"note": note}, format="json", HTTP_IF_MATCH='"1"'
            )
            results[note] = response.status_code
        finally:
            connections.close_all()

    threads = [threading.Thread(target=patch, args=(note,)) for note in ("first", "second")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results.values()) == [200, 412]
    winner = next(note for note, code in results.items() if code == 200)
    claim = Claim.objects.get(pk=claim.pk)
    assert (claim.version, claim.review_note) == (2, winner)
    assert claim.history.count() == 2  # the creation and the one winning write
