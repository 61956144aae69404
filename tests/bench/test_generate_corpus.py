"""generate_corpus: counts, spans that point at real words, skew, determinism, bounded queries."""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor, ActorKind
from events.models import Meeting, Participation
from statements.corpus import article_files, generate_corpus
from statements.models import Article, Claim, ReviewStatus, Statement

pytestmark = pytest.mark.django_db


def _wipe() -> None:
    Claim.evidence.through.objects.all().delete()
    Claim.objects.all().delete()
    Statement.objects.all().delete()
    Article.authors.through.objects.all().delete()
    Article.objects.all().delete()
    Participation.objects.all().delete()
    Meeting.objects.all().delete()
    Actor.objects.all().delete()


def _snapshot() -> list[tuple]:
    return [
        *Actor.objects.order_by("pk").values_list("pk", "slug", "kind", "country_id"),
        *Meeting.objects.order_by("pk").values_list("pk", "slug", "start_date", "last_day"),
        *Article.objects.order_by("pk").values_list("pk", "content_hash", "publisher_id"),
        *Statement.objects.order_by("pk").values_list(
            "pk", "article_id", "start", "end", "speaker_id", "date", "meeting_id", "direct"
        ),
        *Claim.objects.order_by("pk").values_list("pk", "claimant_id", "status", "fingerprint"),
    ]


def test_counts_and_every_span_points_at_its_words():
    result = generate_corpus(statements=500, seed=3, batch=100)

    assert Statement.objects.count() == 500 == result.counts["statements"]
    assert result.batches == 5
    assert Article.objects.count() == result.counts["articles"] > 500 / 16
    assert Claim.objects.count() == result.counts["claims"] > 0
    assert not Claim.objects.filter(evidence=None).exists()
    assert Actor.objects.filter(kind=ActorKind.MEDIA).exists()
    assert Actor.objects.filter(kind=ActorKind.STATE).exists()
    assert Meeting.objects.filter(participations__isnull=False).distinct().count() == (
        Meeting.objects.count()
    )
    for article in Article.objects.prefetch_related("statements"):
        assert article.content_hash == hashlib.sha256(article.text.encode()).hexdigest()
        assert article.body_start < article.body_end <= len(article.text)
        for statement in article.statements.all():
            assert article.text[statement.start : statement.end] == statement.text
            assert article.body_start <= statement.start
    # the mixes the benchmark filters on are all present
    statuses = set(Claim.objects.values_list("status", flat=True))
    assert statuses == set(ReviewStatus.values)
    precisions = set(Meeting.objects.values_list("start_precision", flat=True))
    assert {"day", "month", "year"} <= precisions
    assert Meeting.objects.filter(start_date=None).exists()
    assert Meeting.objects.filter(date_approximate=True).exists()
    assert Meeting.objects.exclude(end_date=None).exists()
    assert Statement.objects.filter(direct=False).exists()
    assert Statement.objects.exclude(reported_via=None).exists()
    assert Statement.objects.exclude(meeting=None).exists()


def test_a_few_speakers_say_most_things():
    generate_corpus(statements=3000, seed=5, batch=1000)
    counts = sorted(Counter(Statement.objects.values_list("speaker_id", flat=True)).values())
    top = counts[-math.ceil(len(counts) * 0.05) :]
    assert sum(top) / sum(counts) > 0.40


def test_same_seed_same_rows_other_seed_other_rows():
    generate_corpus(statements=300, seed=11, batch=100)
    first = _snapshot()
    _wipe()
    generate_corpus(statements=300, seed=11, batch=100)
    assert _snapshot() == first
    _wipe()
    generate_corpus(statements=300, seed=12, batch=100)
    assert _snapshot() != first


def test_adds_after_existing_rows():
    generate_corpus(statements=100, seed=1, batch=100)
    generate_corpus(statements=100, seed=1, batch=100)
    assert Statement.objects.count() == 200
    # sequences were moved past the generated ids: an ordinary insert still works
    Actor.objects.create(name="Someone New", slug="someone-new", kind=ActorKind.PERSON)


def _queries(statements: int) -> int:
    _wipe()
    with CaptureQueriesContext(connection) as ctx:
        generate_corpus(statements=statements, seed=2, batch=100)
    return len(ctx.captured_queries)


def test_queries_per_batch_are_bounded():
    _queries(100)  # the first run also creates the reviewer account
    one, two, three = _queries(100), _queries(200), _queries(300)
    assert three - two == two - one > 0
    if connection.vendor == "postgresql":
        # one COPY per table per batch: articles, authors, statements, claims, evidence
        assert two - one == 2 + 5  # + SAVEPOINT and RELEASE of the batch's transaction


def test_command_reports_and_validates():
    out = StringIO()
    call_command("generate_corpus", "--statements", "50", "--seed", "4", stdout=out)
    assert "50 statements" in out.getvalue()
    assert Statement.objects.count() == 50
    out = StringIO()
    call_command("generate_corpus", "--statements", "50", "--dry-run", stdout=out)
    assert "Would generate 50 statements" in out.getvalue()
    assert Statement.objects.count() == 50
    with pytest.raises(CommandError):
        call_command("generate_corpus", "--statements", "-1")


def test_article_files_are_plausible_and_deterministic():
    files = list(article_files(5, seed=9))
    assert files == list(article_files(5, seed=9))
    assert len({name for name, _ in files}) == 5
    for _, text in files:
        assert text.count('"') >= 2 and " said" in text and len(text) > 300
