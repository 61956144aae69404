"""The admin index is the review queue: unreviewed claims, most doubtful first, and recent
changes with counts."""

from __future__ import annotations

import pytest
from django.urls import reverse

from statements.services import claim_review, statement_update
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_index_lists_unreviewed_claims_most_doubtful_first(editor_client, editor):
    sure = factories.ClaimFactory(text="Sure thing", confidence=0.95)
    doubtful = factories.ClaimFactory(text="Doubtful <attribution>", confidence=0.31)
    reviewed = factories.ClaimFactory(text="Already reviewed", confidence=0.1)
    claim_review(claim=reviewed, status="confirmed", reviewer=editor, note="ok")

    page = editor_client.get(reverse("admin:index"))
    html = page.content.decode()
    assert "Review queue: 2 unreviewed claims" in html
    assert html.index("Doubtful &lt;attribution&gt;") < html.index("Sure thing")
    assert [c.pk for c in page.context["unreviewed"]] == [doubtful.pk, sure.pk]
    assert page.context["unreviewed_count"] == 2
    assert reverse("admin:statements_claim_change", args=[doubtful.pk]) in html
    assert reverse("admin:statements_claim_change", args=[sure.pk]) in html
    assert "?status__exact=unreviewed&amp;o=9" in html


def test_the_index_shows_recent_changes_with_counts_and_who_made_them(editor_client, editor):
    statement = factories.StatementFactory()
    statement_update(
        statement=statement, user=editor, expected_version=1, speaker=factories.ActorFactory()
    )
    page = editor_client.get(reverse("admin:index"))
    html = page.content.decode()
    counts = {row["label"]: (row["count"], row["edited"]) for row in page.context["recent_counts"]}
    assert counts["statements"] == (2, 1)  # created by the factory, then corrected
    assert counts["claims"] == (0, 0)
    latest = page.context["recent"][0]
    assert latest.user == "editor" and latest.what == "changed"
    assert latest.reason == "Corrected: speaker"
    assert reverse("admin:statements_statement_history", args=[statement.pk]) in html


def test_the_queue_link_sorts_by_confidence(editor_client):
    low = factories.ClaimFactory(confidence=0.2)
    high = factories.ClaimFactory(confidence=0.8)
    page = editor_client.get(
        reverse("admin:statements_claim_changelist") + "?status__exact=unreviewed&o=9"
    )
    assert [c.pk for c in page.context["cl"].result_list] == [low.pk, high.pk]
