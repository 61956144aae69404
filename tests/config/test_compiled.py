"""config.compiled: SQL compiled once per shape gives what the ORM gives."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Prefetch, Q

from config.compiled import NotCompilable, compiled_instances, compiled_values
from statements.api import with_span_check
from statements.models import Statement
from statements.serializers import STATEMENT_FIELDS
from tests import factories as f

pytestmark = pytest.mark.django_db


def statements(speaker_id, since, until):
    return (
        with_span_check(Statement.objects.filter(speaker_id=speaker_id))
        .filter(Q(date__gte=since) | Q(date__isnull=True), date__lte=until)
        .order_by("-id")
        .values(*STATEMENT_FIELDS)
    )


def test_values_match_the_orm_for_every_request():
    speaker = f.ActorFactory()
    for day in (1, 10, 20):
        f.StatementFactory(speaker=speaker, date=dt.date(2020, 1, day))
    f.StatementFactory(date=dt.date(2020, 1, 5))
    for since, until in [
        (dt.date(2020, 1, 1), dt.date(2020, 1, 31)),
        (dt.date(2020, 1, 2), dt.date(2020, 1, 19)),
        (dt.date(2021, 1, 1), dt.date(2021, 1, 2)),
    ]:
        args = [speaker.pk, since, until]
        expected = list(statements(*args))
        assert compiled_values("test-statements", statements, args) == expected
        assert (
            compiled_values("test-statements", statements, args, limit=1, offset=1)
            == (expected[1:2])
        )


def test_empty_in_runs_no_query(django_assert_num_queries):
    def of(*ids):
        return Statement.objects.filter(id__in=ids).values("id")

    with django_assert_num_queries(0):
        assert compiled_values("test-empty", of, []) == []


def test_a_transformed_value_is_refused():
    def prefix(code):
        return Statement.objects.filter(cameo_code__startswith=code).values("id")

    with pytest.raises(NotCompilable):
        compiled_values("test-prefix", prefix, ["04"])


def test_instances_carry_their_relations(django_assert_num_queries):
    statement = f.StatementFactory()

    def page(pk):
        return Statement.objects.select_related("speaker", "article__publisher").filter(pk=pk)

    compiled_instances("test-page", page, [statement.pk])
    with django_assert_num_queries(1):
        (found,) = compiled_instances("test-page", page, [statement.pk])
        assert found == statement and found.text == statement.text
        assert found.speaker.name == statement.speaker.name
        assert found.article.publisher == statement.article.publisher
    assert compiled_instances("test-page", page, [statement.pk + 1000]) == []


def test_related_are_prefetched_as_prefetch_related_does(django_assert_num_queries):
    from config.compiled import compiled_related
    from statements.models import Claim

    statement = f.StatementFactory()
    claims = [f.ClaimFactory() for _ in range(3)]
    for claim in claims:
        claim.evidence.add(statement)
    related = Claim.objects.select_related("claimant")
    expected = list(
        Statement.objects.prefetch_related(Prefetch("claims", related))
        .get(pk=statement.pk)
        .claims.all()
    )
    fresh = Statement.objects.get(pk=statement.pk)
    with django_assert_num_queries(1):
        compiled_related("test-claims", fresh, "claims", related)
    with django_assert_num_queries(0):
        assert list(fresh.claims.all()) == expected
        assert [c.claimant.name for c in fresh.claims.all()] == [c.claimant.name for c in expected]
