"""The statement page's cache (config/pagecache.py): a page read again costs one query, and
any write to a row the page shows — made here with `QuerySet.update()` and raw SQL, which
send no signals and leave `updated_at` alone — is on the very next response."""

from __future__ import annotations

import pytest
from django.db import connection

from actors.models import Actor
from config.pagecache import MAX_BODY_BYTES, PageCache, pages
from events.models import Meeting
from statements import views
from statements.models import Article, Claim, Statement
from statements.pages import statement_blocks as blocks
from tests import factories as f

from .factories import build_world

pytestmark = pytest.mark.django_db

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="the page cache keys pages by PostgreSQL row versions (xmin, ctid); on SQLite "
    "every page is rendered",
)


@pytest.fixture
def world():
    pages.clear()
    return build_world()


def fetch(client, statement, **extra) -> str:
    response = client.get(statement.get_absolute_url(), **extra)
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


# --- the LRU itself (any database) -----------------------------------------------------------


def test_lru_keeps_the_most_recently_used_entries_within_its_bytes_and_refuses_oversized_bodies():
    cache = PageCache(2)
    cache.put("a", "v1", b"A")
    cache.put("b", "v1", b"B")
    assert cache.get("a") == ("v1", b"A")  # "a" is now the most recently used
    cache.put("c", "v1", b"C")
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (("v1", b"A"), None, ("v1", b"C"))
    assert len(cache) == 2
    cache.put("a", "v2", b"A2")  # a page rendered again replaces its entry
    assert cache.get("a") == ("v2", b"A2") and len(cache) == 2
    cache.put("big", "v1", b"x" * (MAX_BODY_BYTES + 1))
    assert cache.get("big") is None
    sized = PageCache(100, max_bytes=10)
    for key in "abcd":
        sized.put(key, "v", b"xxxx")  # 4 bytes each: at most two fit in 10
    assert (sized.get("a"), sized.get("b")) == (None, None)
    assert sized.get("c") == sized.get("d") == ("v", b"xxxx") and sized.bytes == 8
    sized.put("d", "w", b"yy")  # a key kept again replaces its body and its size
    assert sized.bytes == 6 and sized.get("d") == ("w", b"yy")
    sized.put("e", "v", b"x" * 11)  # larger than the whole budget: not kept, nothing evicted
    assert sized.get("e") is None and sized.bytes == 6
    sized.clear()
    assert sized.bytes == 0 and len(sized) == 0
    off = PageCache(0)
    off.put("a", "v", b"A")
    assert off.get("a") is None and len(off) == 0


# --- hits ----------------------------------------------------------------------------------


@postgresql_only
def test_a_page_read_again_is_one_query_and_the_same_bytes(
    client, world, django_assert_num_queries
):
    with django_assert_num_queries(1):  # the version with the rows
        first = client.get(world.above_all.get_absolute_url())
    with django_assert_num_queries(1):  # the version only: the rows are not sent again
        second = client.get(world.above_all.get_absolute_url())
    assert second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@postgresql_only
def test_no_such_statement_is_a_404_after_one_query(client, world, django_assert_num_queries):
    missing = Statement.objects.order_by("-pk").first().pk + 1000
    with django_assert_num_queries(1):
        response = client.get(f"/statements/{missing}/")
    assert response.status_code == 404
    assert client.get(f"/statements/{2**63}/").status_code == 404


@postgresql_only
def test_each_host_gets_its_own_absolute_urls(client, world, settings):
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    one = fetch(client, world.above_all, HTTP_HOST="one.example")
    two = fetch(client, world.above_all, HTTP_HOST="two.example")
    assert "http://one.example/statements/" in one and "two.example" not in one
    assert "http://two.example/statements/" in two and "one.example" not in two


@postgresql_only
def test_turned_off_it_renders_every_time(
    client, world, settings, django_assert_num_queries, monkeypatch
):
    settings.PARLEY_PAGE_CACHE_ENTRIES = 0
    first = fetch(client, world.above_all)
    rendered = []
    monkeypatch.setattr(views, "statement_blocks", lambda *a: rendered.append(a) or blocks(*a))
    with django_assert_num_queries(1):  # the rows are sent again, and the page rendered
        assert fetch(client, world.above_all) == first
    assert len(rendered) == 1 and len(pages) == 0


# --- every row on the page invalidates it ---------------------------------------------------


def _rename_actor(actor: Actor, name: str) -> None:
    Actor.objects.filter(pk=actor.pk).update(name=name)


EDITS = {
    # what changes: (the edit, made without signals or auto_now; what the page shows then)
    "the statement": (
        lambda w: Statement.objects.filter(pk=w.above_all.pk).update(direct=False),
        "Reported speech",
    ),
    "the article": (
        lambda w: Article.objects.filter(pk=w.article.pk).update(title="A retitled article"),
        "A retitled article",
    ),
    "the speaker": (lambda w: _rename_actor(w.putin, "V. V. Putin"), "V. V. Putin"),
    "the outlet it was reported by": (lambda w: _rename_actor(w.ap, "AP wire"), "AP wire"),
    "the publisher": (
        lambda w: _rename_actor(w.npr, "National Public Radio"),
        "National Public Radio",
    ),
    "the meeting": (
        lambda w: Meeting.objects.filter(pk=w.vladivostok.pk).update(title="Russky Island summit"),
        "Russky Island summit",
    ),
    "a claim's text": (
        lambda w: Claim.objects.filter(pk=w.claim.pk).update(text="Kim would give up arms"),
        "Kim would give up arms",
    ),
    "a claim's review status": (
        lambda w: Claim.objects.filter(pk=w.claim.pk).update(status="supported"),
        "status-supported",
    ),
    "a claim's subject": (lambda w: _rename_actor(w.kim, "Chairman Kim"), "Chairman Kim"),
    "a new claim": (
        lambda w: f.ClaimFactory(
            claimant=w.trump, subject=w.kim, text="A freshly linked claim"
        ).evidence.add(w.above_all),
        "A freshly linked claim",
    ),
    "an author": (
        lambda w: w.article.authors.add(f.ActorFactory(name="Matthew S. Schwartz")),
        "Matthew S. Schwartz",
    ),
    "another part of the quote": (
        lambda w: Statement.objects.filter(pk__in=[w.above_all.pk, w.willing.pk]).update(
            utterance="u1"
        ),
        "Parts of the same quote",
    ),
}


@postgresql_only
@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_to_any_row_on_the_page_is_on_the_next_response(client, world, edit):
    change, shown = EDITS[edit]
    before = fetch(client, world.above_all)
    assert fetch(client, world.above_all) == before  # kept
    assert shown not in before
    change(world)
    after = fetch(client, world.above_all)
    assert shown in after
    assert fetch(client, world.above_all) == after  # and kept again


@postgresql_only
def test_removals_and_raw_sql_and_a_second_write_in_one_transaction(client, world):
    """Unlinking a claim, a write that bypasses the ORM, and two writes to one row in one
    transaction (the same `xmin`; `ctid` tells them apart) all show."""
    before = fetch(client, world.above_all)
    assert "Kim Jong Un is willing to denuclearize" in before
    world.claim.evidence.remove(world.above_all)
    unlinked = fetch(client, world.above_all)
    assert "This statement is not evidence for any claim yet" in unlinked
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Actor._meta.db_table} SET name = %s WHERE id = %s",
            ["Raw Putin", world.putin.pk],
        )
    assert "Raw Putin" in fetch(client, world.above_all)
    _rename_actor(world.putin, "Putin again")  # the same transaction as the raw UPDATE
    assert "Putin again" in fetch(client, world.above_all)
