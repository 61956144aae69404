"""Cursor paging for statements and claims, offset paging elsewhere, the page-size cap."""

from __future__ import annotations

import pytest

from config.api_base import MAX_PAGE_SIZE
from statements.models import Claim
from tests import factories as f
from tests.api.factories import full_claim

pytestmark = pytest.mark.django_db


def walk(api, url, params):
    seen, pages = [], 0
    response = api.get(url, params).json()
    while True:
        pages += 1
        seen += [row["id"] for row in response["results"]]
        if not response["next"]:
            return seen, pages
        response = api.get(response["next"]).json()


def test_cursor_pages_cover_everything_once(api):
    claims = [full_claim() for _ in range(7)]
    seen, pages = walk(api, "/api/v1/claims/", {"page_size": 3})
    assert seen == sorted((c.pk for c in claims), reverse=True)
    assert pages == 3


def test_cursor_is_stable_while_rows_are_added_and_changed(api):
    claims = [full_claim() for _ in range(6)]
    first = api.get("/api/v1/claims/", {"page_size": 3, "ordering": "id"}).json()
    assert [r["id"] for r in first["results"]] == [c.pk for c in claims[:3]]
    # Meanwhile: a new claim, and an edit to one already seen.
    new = full_claim()
    Claim.objects.filter(pk=claims[0].pk).update(text="edited")
    rest = []
    url = first["next"]
    while url:
        page = api.get(url).json()
        rest += [r["id"] for r in page["results"]]
        url = page["next"]
    assert rest == [c.pk for c in claims[3:]] + [new.pk]


def test_sync_by_updated_at(api):
    claims = [full_claim() for _ in range(4)]
    seen, _ = walk(api, "/api/v1/claims/", {"page_size": 2, "ordering": "updated_at"})
    assert seen == [c.pk for c in claims]


def test_previous_link_goes_back(api):
    for _ in range(5):
        full_claim()
    first = api.get("/api/v1/claims/", {"page_size": 2}).json()
    second = api.get(first["next"]).json()
    back = api.get(second["previous"]).json()
    assert back["results"] == first["results"]


def test_offset_paging_without_count(api):
    actors = sorted(f"a{i:02d}" for i in range(5))
    for slug in actors:
        f.ActorFactory(slug=slug, name=slug)
    page = api.get("/api/v1/actors/", {"page_size": 2}).json()
    assert set(page) == {"next", "previous", "results"}
    assert [r["slug"] for r in page["results"]] == actors[:2]
    assert page["previous"] is None
    page = api.get(page["next"]).json()
    assert [r["slug"] for r in page["results"]] == actors[2:4]
    assert "offset=4" in page["next"]
    last = api.get(page["next"]).json()
    assert [r["slug"] for r in last["results"]] == actors[4:]
    assert last["next"] is None
    assert api.get(last["previous"]).json()["results"] == page["results"]


@pytest.mark.parametrize("path", ["/api/v1/actors/", "/api/v1/statements/"])
def test_page_size_is_capped(api, path):
    for _ in range(MAX_PAGE_SIZE + 1):
        f.ActorFactory()
    if path == "/api/v1/statements/":
        article = f.ArticleFactory(text="x" * (MAX_PAGE_SIZE + 2))
        speaker = f.ActorFactory()
        from statements.models import Statement

        Statement.objects.bulk_create(
            Statement(article=article, start=i, end=i + 1, text="x", speaker=speaker, direct=True)
            for i in range(MAX_PAGE_SIZE + 1)
        )
    page = api.get(path, {"page_size": 10_000}).json()
    assert len(page["results"]) == MAX_PAGE_SIZE
    assert page["next"]
