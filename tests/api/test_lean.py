"""The lean read path (config/lean.py) answers anonymous JSON GETs itself; it must give
exactly the response the full DRF path gives — status, body and headers — and leave every
other request to DRF."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import lean
from config.api_base import ApiViewSetMixin
from events.models import Precision
from statements import search
from statements.api import StatementViewSet
from statements.models import ReviewStatus, Statement
from tests import factories as f
from tests.api.factories import full_claim, full_meeting, full_statement
from tests.prepared import executed_sql

pytestmark = pytest.mark.django_db

COMPARED_HEADERS = ("Content-Type", "ETag", "Allow", "Vary", "Retry-After")


@pytest.fixture
def world():
    speaker = f.ActorFactory(slug="speaker-one")
    for day in (1, 5, 20):
        full_statement(speaker=speaker, date=dt.date(2019, 4, day))
    full_statement(speaker=speaker, date=dt.date(2019, 1, 1), date_precision=Precision.MONTH)
    full_statement(speaker=speaker, date=dt.date(2019, 1, 1), date_precision=Precision.YEAR)
    full_statement(speaker=speaker, date=None)
    bare = f.StatementFactory(meeting=None, reported_via=None, date=None)
    bare.article.publisher = None
    bare.article.save()
    for status in (ReviewStatus.DISPUTED, ReviewStatus.UNREVIEWED, ReviewStatus.DISPUTED):
        full_claim(status=status)
    f.ClaimFactory(subject=None, reported_via=None, condition="if asked")
    for _ in range(3):
        full_meeting()
    return speaker


def both(api, monkeypatch, url, **headers):
    """(lean response, full response) of one GET, and whether the lean path answered it."""
    answered = []
    respond = lean._respond

    def spy(*args, **kwargs):
        response = respond(*args, **kwargs)
        answered.append(True)
        return response

    monkeypatch.setattr(lean, "_respond", spy)
    fast = api.get(url, **headers)
    monkeypatch.setattr(lean, "LEAN_READS", False)
    full = api.get(url, **headers)
    monkeypatch.setattr(lean, "LEAN_READS", True)
    monkeypatch.setattr(lean, "_respond", respond)
    return fast, full, bool(answered)


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_same(fast, full):
    assert fast.status_code == full.status_code
    assert body(fast) == body(full)
    for header in COMPARED_HEADERS:
        assert fast.get(header) == full.get(header), header


LEAN = [
    "/api/v1/statements/",
    "/api/v1/statements/?page_size=2",
    "/api/v1/statements/?page_size=2&ordering=-id",
    "/api/v1/statements/?speaker=speaker-one&date_from=2019-04-02&date_to=2019-12-31",
    "/api/v1/statements/?speaker=speaker-one&date_from=2019-04-02&ordering=-id&page_size=1",
    "/api/v1/statements/?speaker=nobody-at-all",
    "/api/v1/statements/?date_to=2019-04-05&page_size=600",
    "/api/v1/claims/",
    "/api/v1/claims/?status=disputed&page_size=1",
    "/api/v1/claims/?status=disputed&status=unreviewed&status=disputed",
    "/api/v1/claims/?status=disputed&ordering=id&page_size=1",
    "/api/v1/meetings/",
    "/api/v1/meetings/?page_size=1&offset=1",
    "/api/v1/meetings/?ordering=-start_date,title",
]

FULL = [
    "/api/v1/statements/?date_from=2019-4-2",  # other date forms: django-filter reads them
    "/api/v1/statements/?date_from=2019-02-30",
    "/api/v1/statements/?date_from=",
    "/api/v1/statements/?speaker=%20speaker-one",
    "/api/v1/statements/?speaker=a&speaker=b",
    "/api/v1/statements/?page_size=0",
    "/api/v1/statements/?page_size=x",
    "/api/v1/statements/?ordering=nope",
    "/api/v1/statements/?ordering=updated_at",
    "/api/v1/statements/?cursor=garbage",
    "/api/v1/statements/?direct=true",
    "/api/v1/statements/?q=and",  # no words: the FilterSet ignores it
    "/api/v1/statements/?q=%20talked",
    "/api/v1/statements/?q=talked&q=hours",
    "/api/v1/statements/?format=json",
    "/api/v1/statements/?format=csv",
    "/api/v1/claims/?status=nonsense",
    "/api/v1/meetings/?offset=-1",
    "/api/v1/meetings/?kind=summit",
    "/api/v1/actors/",
    "/api/v1/statements/999999/",
    "/api/v1/statements/99999999999999999999/",  # beyond 64 bits: the ORM's 404
    "/api/v1/statements/?cursor=cD05OTk5OTk5OTk5OTk5OTk5OTk5OQ%3D%3D",  # position 10**20 - 1
    "/api/v1/statements/abc/",
    "/api/v1/meetings/no-such-meeting/",
]


@pytest.mark.parametrize("url", LEAN)
def test_lists_answered_lean_are_identical(api, monkeypatch, world, url):
    fast, full, answered = both(api, monkeypatch, url)
    assert answered
    assert fast.status_code == 200
    assert_same(fast, full)
    # and every page after it (cursors and offsets), forwards and back
    for link in ("next", "previous"):
        target = fast.json()[link]
        if target:
            fast2, full2, answered2 = both(api, monkeypatch, target)
            assert answered2
            assert_same(fast2, full2)


def test_cursor_walk_is_identical(api, monkeypatch, world):
    url = "/api/v1/statements/?page_size=2&ordering=-id"
    seen = 0
    while url:
        fast, full, answered = both(api, monkeypatch, url)
        assert answered
        assert_same(fast, full)
        seen += len(fast.json()["results"])
        back = fast.json()["previous"]
        if back:
            assert_same(*both(api, monkeypatch, back)[:2])
        url = fast.json()["next"]
    assert seen == Statement.objects.count()


SEARCHED = [
    "/api/v1/statements/?q=talked",
    "/api/v1/statements/?q=talked&page_size=2",
    "/api/v1/statements/?q=talked&page_size=2&ordering=-id",
    "/api/v1/statements/?q=talked&speaker=speaker-one&date_from=2019-04-02",
    "/api/v1/statements/?q=%22talked%20for%22&speaker=speaker-one&page_size=1&ordering=-id",
    "/api/v1/statements/?q=talked%20or%20zebra&page_size=3",
    "/api/v1/statements/?q=zebra",
    "/api/v1/statements/?q=talked&speaker=nobody-at-all",
]


@pytest.mark.parametrize("gin_sorted", [False, True], ids=["pk-walk", "gin-sort"])
@pytest.mark.parametrize("url", SEARCHED)
def test_searches_are_identical_on_either_plan(api, monkeypatch, world, url, gin_sorted):
    """PostgreSQL answers searches on the lean path, with either plan for the page's ids;
    every page, forwards and back, is the full path's. (SQLite: the full path.)"""
    monkeypatch.setattr(search, "sort_gin_matches", lambda *args: gin_sorted)
    lean_expected = connection.vendor == "postgresql"
    while url:
        fast, full, answered = both(api, monkeypatch, url)
        assert answered == lean_expected
        assert fast.status_code == 200
        assert_same(fast, full)
        back = fast.json()["previous"]
        if back:
            assert_same(*both(api, monkeypatch, back)[:2])
        url = fast.json()["next"]


@pytest.mark.parametrize("gin_sorted", [False, True], ids=["pk-walk", "gin-sort"])
@pytest.mark.parametrize("url", SEARCHED)
def test_full_path_searched_pages_are_the_one_query_pages(
    reader_api, monkeypatch, world, url, gin_sorted
):
    """A signed-in client's search (the full path: `SearchedRows`, ids first, then their
    rows) pages exactly as the one query that joins and sorts everything would."""
    monkeypatch.setattr(search, "sort_gin_matches", lambda *args: gin_sorted)
    two_steps = StatementViewSet.page_rows
    while url:
        fast = reader_api.get(url)
        monkeypatch.setattr(StatementViewSet, "page_rows", ApiViewSetMixin.page_rows)
        one_query = reader_api.get(url)
        monkeypatch.setattr(StatementViewSet, "page_rows", two_steps)
        assert fast.status_code == 200
        assert_same(fast, one_query)
        url = fast.json()["next"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the search plans are PostgreSQL's")
@pytest.mark.parametrize("gin_sorted", [False, True])
def test_search_ids_come_from_the_plan_the_estimate_picks(api, monkeypatch, world, gin_sorted):
    picks = []
    monkeypatch.setattr(search, "sort_gin_matches", lambda *args: picks.append(args) or gin_sorted)
    with CaptureQueriesContext(connection) as ctx:
        rows = api.get("/api/v1/statements/?q=talked&page_size=2").json()["results"]
    estimate, ids, page = (executed_sql(q["sql"]) for q in ctx.captured_queries)
    assert estimate.startswith("EXPLAIN")
    assert " JOIN " not in ids  # the page's ids alone: no joins, no span check
    assert ('"id" + 0)' in ids) is gin_sorted  # no index serves `id + 0`: the GIN matches
    assert "= ANY(" in page and " JOIN " in page
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows) and len(rows) == 2
    ((matches, table_rows, page_rows),) = picks  # the planner's estimates, the page + 1
    assert matches >= 1 and table_rows >= 1 and page_rows == 3


@pytest.mark.parametrize("url", FULL)
def test_everything_else_goes_to_drf(api, monkeypatch, world, url):
    fast, full, answered = both(api, monkeypatch, url)
    assert not answered
    assert_same(fast, full)


def test_details_and_conditional_get(api, monkeypatch, world):
    claim = full_claim()
    statement = claim.evidence.get()
    meeting = full_meeting()
    for url in (
        f"/api/v1/statements/{statement.pk}/",
        f"/api/v1/claims/{claim.pk}/",
        f"/api/v1/meetings/{meeting.slug}/",
    ):
        fast, full, answered = both(api, monkeypatch, url)
        assert answered and fast.status_code == 200
        assert_same(fast, full)
        etag = fast["ETag"]
        for match in (etag, f"W/{etag}", '"0", ' + etag, "*"):
            fast, full, _ = both(api, monkeypatch, url, HTTP_IF_NONE_MATCH=match)
            assert fast.status_code == 304
            assert_same(fast, full)
        fast, full, _ = both(api, monkeypatch, url, HTTP_IF_NONE_MATCH='"0"')
        assert fast.status_code == 200
        assert_same(fast, full)


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT": "text/csv"},
        {"HTTP_ACCEPT": "application/xml"},
        {"HTTP_ACCEPT": "application/json; indent=4"},
        {"HTTP_AUTHORIZATION": "Token nonsense"},
    ],
)
def test_other_clients_go_to_drf(api, monkeypatch, world, headers):
    fast, full, answered = both(api, monkeypatch, "/api/v1/statements/", **headers)
    assert not answered
    assert_same(fast, full)


def test_signed_in_clients_go_to_drf(reader_api, monkeypatch, world):
    fast, full, answered = both(reader_api, monkeypatch, "/api/v1/claims/")
    assert not answered
    assert_same(fast, full)


def test_the_throttle_counts_lean_requests(api, settings, world):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    codes = [api.get("/api/v1/statements/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    refused = api.get(f"/api/v1/meetings/{full_meeting().slug}/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
