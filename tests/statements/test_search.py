"""Search behaves the same on both databases: words matched, case and accents ignored."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor
from events.models import Meeting
from statements.models import Claim, Statement
from statements.search import (
    apply_search,
    estimate_matches,
    fold,
    search_terms,
    sort_gin_matches,
)
from tests.factories import (
    ActorFactory,
    AliasFactory,
    ArticleFactory,
    ClaimFactory,
    MeetingFactory,
    StatementFactory,
)


def test_fold_drops_accents_and_case():
    assert fold("Pyeóngchang CAFÉ") == "pyeongchang cafe"


def test_search_terms_skip_operators_and_punctuation():
    assert search_terms('"security guarantees" OR Kim -x') == ["security", "guarantees", "Kim", "x"]


def security_and_other() -> Statement:
    """'Security guarantees' in one article (returned), 'We talked for hours,' in another."""
    text = "Intro.\n\nHe spoke of Security guarantees for the regime. Other words here.\n"
    start = text.index("Security")
    hit = StatementFactory(
        article=ArticleFactory(text=text),
        start=start,
        end=start + len("Security guarantees"),
        text="Security guarantees",
    )
    StatementFactory()  # "We talked for hours,"
    return hit


@pytest.mark.django_db
def test_statements_match_every_word_case_insensitively():
    hit = security_and_other()
    found = list(apply_search(Statement.objects.all(), "security GUARANTEES"))
    assert found == [hit]
    assert hasattr(found[0], "rank")
    assert list(apply_search(Statement.objects.all(), "guarantees hours")) == []


@pytest.mark.django_db
def test_empty_query_leaves_queryset_alone():
    StatementFactory()
    assert apply_search(Statement.objects.all(), "  ").count() == 1


@pytest.mark.django_db
def test_claims_actors_meetings():
    claim = ClaimFactory(text="Kim would denuclearize", condition="if given security guarantees")
    ClaimFactory(text="Something else entirely")
    assert list(apply_search(Claim.objects.all(), "guarantees")) == [claim]
    putin = ActorFactory(name="Vladimir Putin", slug="vladimir-putin")
    AliasFactory(actor=putin, name="Russian President Vladimir Putin")
    AliasFactory(actor=putin, name="Putin")
    ActorFactory(name="Kim Jong Un", slug="kim-jong-un")
    assert list(apply_search(Actor.objects.all(), "putin")) == [putin]
    talks = MeetingFactory(title="Six-party talks", place="Beijing")
    MeetingFactory(title="Summit in Hanoi", place="Hanoi, Vietnam")
    assert list(apply_search(Meeting.objects.all(), "beijing")) == [talks]


@pytest.mark.django_db
def test_accents_ignored_on_sqlite_fallback(settings):
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's english configuration does not fold accents; fallback only")
    meeting = MeetingFactory(title="Talks at the Élysée", place="Paris")
    assert list(apply_search(Meeting.objects.all(), "elysee")) == [meeting]


@pytest.mark.django_db
def test_search_works_inside_a_subquery():
    """The match is written against the queried table's own alias, so a search can be a
    subquery of a query on the same table (a subquery renames the table, e.g. to U0)."""
    from django.db import connection
    from django.db.models import Subquery

    hit = security_and_other()

    ids = apply_search(Statement.objects.all(), "guarantees").order_by("pk").values("pk")[:5]
    outer = Statement.objects.filter(pk__in=Subquery(ids))
    assert list(outer) == [hit]
    if connection.vendor == "postgresql":
        sql = str(outer.query)
        assert 'U0."search" @@' in sql and '"statements_statement"."search"' not in sql


@pytest.mark.parametrize(
    ("matches", "table_rows", "page_rows", "gin_sorted"),
    [
        (2_500, 1_000_000, 101, True),  # one row in 400: sort the GIN matches
        (7_500, 1_000_000, 101, False),  # the walk fills a page after ~13,000 rows
        (1, 1_000_000, 101, True),  # nothing or almost nothing matches: never walk the table
        (2_500, 100_000, 101, False),  # the same word in a tenth of the table
        (0, 0, 101, False),  # an empty table
    ],
)
def test_the_cheaper_plan_for_a_page_of_search_results(matches, table_rows, page_rows, gin_sorted):
    assert sort_gin_matches(matches, table_rows, page_rows) is gin_sorted


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner estimates")
@pytest.mark.django_db
def test_the_estimates_come_from_the_planner_without_running_the_search():
    for _ in range(3):
        StatementFactory()
    with CaptureQueriesContext(connection) as ctx:
        matches, table_rows = estimate_matches(Statement, "talked", "default")
    (query,) = ctx.captured_queries
    assert query["sql"].startswith("EXPLAIN (FORMAT JSON)")
    assert matches >= 1 and table_rows >= matches


def worded(words: str) -> Statement:
    """A statement whose text is `words` (spanned in its own article)."""
    text = f"Intro.\n\n{words}\n"
    start = text.index(words)
    return StatementFactory(
        article=ArticleFactory(text=text), start=start, end=start + len(words), text=words
    )


@pytest.mark.django_db
def test_best_matches_are_the_ranked_matches_when_few(django_assert_num_queries):
    """The site's search page: below the candidate cap, exactly `apply_search`'s first rows
    (best first), in one query per kind."""
    from statements.search import best_matches

    for words in ("talks talks talks", "talks", "no match here", "the talks went on"):
        worded(words)
    expected = list(apply_search(Statement.objects.all(), "talks")[:2])
    with django_assert_num_queries(1):
        found = best_matches(Statement.objects.all(), "talks", 2)
    assert found == expected and len(found) == 2
    assert best_matches(Statement.objects.all(), "  ", 2) == list(Statement.objects.all()[:2])


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="ranking is PostgreSQL's")
def test_best_matches_rank_only_the_newest_candidates():
    """A common word: the best of the newest `candidates` matches, so that the cost does not
    grow with the matches — an older, better match falls outside."""
    from statements.search import best_matches

    best_but_oldest = worded("talks talks talks talks")
    plain = [worded("talks about trade"), worded("more talks"), worded("the talks")]
    everything = best_matches(Statement.objects.all(), "talks", 10)
    assert everything[0] == best_but_oldest and len(everything) == 4
    newest = best_matches(Statement.objects.all(), "talks", 10, candidates=2)
    assert set(newest) == set(plain[1:])
    assert all(s.rank > 0 for s in newest)
