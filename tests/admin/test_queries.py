"""Every changelist (and the review queue) runs a fixed number of queries, whatever the rows."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.models import Claim
from tests import factories

pytestmark = pytest.mark.django_db


def _claims(n):
    for _ in range(n):
        claim = factories.ClaimFactory()
        statement = factories.StatementFactory(meeting=factories.MeetingFactory())
        claim.evidence.add(statement)


def _statements(n):
    for _ in range(n):
        factories.StatementFactory(meeting=factories.MeetingFactory())


def _actors(n):
    country = factories.StateFactory()
    for _ in range(n):
        factories.AliasFactory(actor=factories.ActorFactory(country=country))


def _meetings(n):
    for _ in range(n):
        factories.ParticipationFactory()


def _articles(n):
    factories.ArticleFactory.create_batch(n)


def _merges(n):
    from actors.services import actor_merge

    keep = factories.ActorFactory()
    for _ in range(n):
        actor_merge(keep=keep, merge=factories.ActorFactory())


# name → (make rows, exact query count). The count includes the session and user lookups,
# the permission checks, the filters' choices, the count(s) for pagination and one query for
# the rows themselves; none of them depends on how many rows there are.
CHANGELISTS = {
    "statements_claim": (_claims, 11),
    "statements_statement": (_statements, 8),
    "statements_article": (_articles, 7),
    "actors_actor": (_actors, 7),
    "actors_actormerge": (_merges, 7),
    "events_meeting": (_meetings, 7),
}


def _count(client, url):
    # The content-type cache lives for the process; start cold so counts do not depend on
    # which test ran first.
    ContentType.objects.clear_cache()
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries), response


@pytest.mark.parametrize("name", sorted(CHANGELISTS))
def test_changelist_query_count_does_not_grow_with_rows(editor_client, name):
    make, expected = CHANGELISTS[name]
    url = reverse(f"admin:{name}_changelist")
    make(1)
    one, response = _count(editor_client, url)
    assert response.context["cl"].result_count >= 1
    make(6)
    many, response = _count(editor_client, url)
    assert response.context["cl"].result_count >= 7
    assert (one, many) == (expected, expected)


def test_review_queue_query_count_does_not_grow_with_rows(editor_client, editor):
    from statements.services import claim_review

    url = reverse("admin:index")
    _claims(1)
    one, response = _count(editor_client, url)
    assert response.context  # rendered
    _claims(8)
    for claim in list(Claim.objects.all()[:3]):
        claim_review(claim=claim, status="confirmed", reviewer=editor, note="ok")
    many, _ = _count(editor_client, url)
    assert one == many == EXPECTED_INDEX_QUERIES


EXPECTED_INDEX_QUERIES = 19


@pytest.mark.parametrize("evidence", [1, 5])
def test_a_claims_change_page_query_count_does_not_grow_with_its_evidence(editor_client, evidence):
    claim = factories.ClaimFactory()
    claim.evidence.add(*factories.StatementFactory.create_batch(evidence))
    count, response = _count(
        editor_client, reverse("admin:statements_claim_change", args=[claim.pk])
    )
    assert response.content.decode().count('<mark class="quote">') == evidence
    assert count == EXPECTED_CLAIM_PAGE_QUERIES


EXPECTED_CLAIM_PAGE_QUERIES = 9
