"""Each list endpoint costs the same number of queries for 1 row and for 100 (JSON and CSV)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Statement
from tests import factories as f
from tests.api.factories import full_actor, full_claim, full_meeting, full_statement

pytestmark = pytest.mark.django_db


def make_article():
    article = f.ArticleFactory()
    article.authors.add(f.ActorFactory(), f.ActorFactory())
    return article


def make_claim():
    return full_claim(evidence=[full_statement(), full_statement()])


def make_meeting():
    meeting = full_meeting()
    f.MeetingFactory().relations_in.create(source=meeting, kind="follows")
    return meeting


# (path, builder, queries): actors = actors + aliases + roles; meetings = meetings +
# participants + relations; articles = articles + authors; statements = one joined query;
# claims = claims + evidence.
LISTS = [
    ("/api/v1/actors/", full_actor, 3),
    ("/api/v1/meetings/", make_meeting, 3),
    ("/api/v1/articles/", make_article, 2),
    ("/api/v1/statements/", full_statement, 1),
    ("/api/v1/claims/", make_claim, 2),
]


def count_queries(api, path, params) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = api.get(path, params)
        if params.get("format") == "csv":
            b"".join(response.streaming_content)
        else:
            assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("fmt", ["json", "csv"])
@pytest.mark.parametrize(("path", "make", "queries"), LISTS)
def test_list_query_count_does_not_grow(api, path, make, queries, fmt):
    params = {"page_size": 500} if fmt == "json" else {"format": "csv"}
    make()
    one = count_queries(api, path, params)
    for _ in range(99):
        make()
    hundred = count_queries(api, path, params)
    assert (one, hundred) == (queries, queries)
    if fmt == "json":
        assert len(api.get(path, params).json()["results"]) >= 100


@pytest.mark.parametrize(
    ("path", "queries"),
    [("/api/v1/statements/", 1), ("/api/v1/claims/", 2)],
)
def test_filtered_cursor_page_query_count(api, path, queries, django_assert_num_queries):
    for _ in range(30):
        make_claim()
    first = api.get(path, {"page_size": 10}).json()
    with django_assert_num_queries(queries):
        page = api.get(first["next"])
    assert len(page.json()["results"]) == 10


def test_detail_query_counts(api, django_assert_num_queries):
    claim = make_claim()
    actor, meeting = full_actor(), make_meeting()
    statement = claim.evidence.first()
    for url, queries in [
        (f"/api/v1/actors/{actor.slug}/", 3),
        (f"/api/v1/meetings/{meeting.slug}/", 3),
        (f"/api/v1/articles/{statement.article.slug}/", 2),
        (f"/api/v1/statements/{statement.pk}/", 1),
        (f"/api/v1/claims/{claim.pk}/", 2),
    ]:
        with django_assert_num_queries(queries):
            assert api.get(url).status_code == 200


@pytest.mark.parametrize(
    ("path", "param", "queries"),
    [
        ("/api/v1/statements/", "speaker", 2),  # the slug's id, then the page
        ("/api/v1/claims/", "claimant", 3),  # the slug's id, the page, the evidence
    ],
)
def test_slug_filters_resolve_the_id_first(api, path, param, queries):
    claims = [make_claim() for _ in range(3)]
    slug = (
        claims[0].claimant.slug if param == "claimant" else claims[0].evidence.first().speaker.slug
    )
    with CaptureQueriesContext(connection) as ctx:
        rows = api.get(path, {param: slug}).json()["results"]
    assert len(rows) == 1
    assert len(ctx.captured_queries) == queries
    main = ctx.captured_queries[1]["sql"]
    assert "actors_actor" not in main.split("WHERE")[1]  # filtered on the foreign key


def test_search_query_count_does_not_grow(api):
    """Search: the page in one query (SQLite); on PostgreSQL the lean path's three — the
    estimate, the page's ids, their rows — for 1 match and for 100."""
    expected = 3 if connection.vendor == "postgresql" else 1
    full_statement()
    one = count_queries(api, "/api/v1/statements/", {"q": "talked", "page_size": 500})
    for _ in range(99):
        full_statement()
    hundred = count_queries(api, "/api/v1/statements/", {"q": "talked", "page_size": 500})
    assert (one, hundred) == (expected, expected)
    rows = api.get("/api/v1/statements/", {"q": "talked", "page_size": 500}).json()["results"]
    assert len(rows) == 100


def test_signed_in_search_query_count(reader_api):
    """The full DRF path (a signed-in client) searches in as many queries as the lean path:
    on PostgreSQL the estimate, the page's ids and their rows; whatever the matches."""
    expected = 3 if connection.vendor == "postgresql" else 1
    counts = []
    for matches in (0, 1, 30):
        for _ in range(matches - Statement.objects.count()):
            full_statement()
        counts.append(count_queries(reader_api, "/api/v1/statements/", {"q": "talked"}))
    assert counts == [expected] * 3
