"""The statement page is written in Python (statements/pages.py); `site/statement.html` is
its reference. For statements of every shape the page served must be the reference template's
output byte for byte."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.template.loader import render_to_string

from actors.models import Actor
from config.pagecache import pages
from statements.models import Precision, Statement
from tests import factories as f

from .factories import build_world, span

pytestmark = pytest.mark.django_db


def reference(statement: Statement, request) -> str:
    """The page as `site/statement.html` renders it from objects the ORM fetched."""
    fetched = Statement.objects.for_page().prefetch_related("article__authors").get(pk=statement.pk)
    parts = []
    if fetched.utterance:
        parts = list(
            Statement.objects.filter(
                article_id=fetched.article_id, utterance=fetched.utterance
            ).order_by("part", "start")
        )
    context = {"statement": fetched, "parts": parts}
    return render_to_string("site/statement.html", context, request=request)


@pytest.fixture
def shapes():
    """The world's statements plus one of each shape the page draws differently."""
    pages.clear()
    world = build_world()
    text = (
        'A <b>tagged</b> & "quoted" headline\n\n'
        "'It's <script>alert(1)</script> & more,' said the envoy at length, "
        + "and went on for a very long time about nothing in particular. " * 6
        + "\nA second paragraph follows here.\n"
    )
    article = f.ArticleFactory(
        title='A <title> & a "very" long headline that goes well beyond fifty characters',
        text=text,
        publisher=None,
        body_end=len(text),
    )
    article.authors.add(f.ActorFactory(name="Zed <Author>"), f.ActorFactory(name="Ann Author"))
    envoy = f.ActorFactory(name="An envoy & 'friend'")
    first = span(text, "It's <script>alert(1)</script> & more,")
    second = span(text, "and went on for a very long time about nothing in particular.")
    tricky = f.StatementFactory(
        article=article, speaker=envoy, start=first[0], end=first[1],
        text=text[first[0]:first[1]], direct=True, utterance="u-1", part=1,
        date=dt.date(2019, 2, 1), date_precision=Precision.MONTH, date_approximate=True,
    )  # fmt: skip
    f.StatementFactory(
        article=article, speaker=envoy, start=second[0], end=second[1],
        text=text[second[0]:second[1]], direct=False, utterance="u-1", part=2, date=None,
        reported_via=world.ap, meeting=world.hanoi,
    )  # fmt: skip
    for n, (condition, subject) in enumerate(
        [("", None), ("unless <talks> fail", world.kim), ("if asked", None)]
    ):
        claim = f.ClaimFactory(
            claimant=envoy, subject=subject, condition=condition, text=f"Claim <{n}> & so on"
        )
        claim.evidence.add(tricky)
    return world


def test_every_statement_page_is_the_reference_template_byte_for_byte(client, shapes):
    statements = list(Statement.objects.order_by("pk"))
    assert len(statements) >= 5
    seen = set()
    for statement in statements:
        response = client.get(statement.get_absolute_url())
        assert response.status_code == 200
        page = response.content.decode()
        assert page == reference(statement, response.wsgi_request), statement.pk
        seen.update(
            name
            for name, shown in [
                ("parts", "Parts of the same quote" in page),
                ("no claims", "not evidence for any claim yet" in page),
                ("claims", '<ul class="claims">' in page),
                ("reported speech", "Reported speech" in page),
                ("approximate", "c. " in page),
                ("escaped", "&lt;script&gt;" in page),
                ("condition", 'class="condition"' in page),
            ]
            if shown
        )
    # the statements above reach every branch of the page
    assert seen == {
        "parts", "no claims", "claims", "reported speech", "approximate", "escaped", "condition"
    }  # fmt: skip


def test_a_second_view_is_the_same_page(client, shapes):
    """The page is the same whether rendered or, on PostgreSQL, sent from the page cache."""
    statement = Statement.objects.get(utterance="u-1", part=1)
    first = client.get(statement.get_absolute_url())
    second = client.get(statement.get_absolute_url())
    assert first.content == second.content
    assert first.content.decode() == reference(statement, second.wsgi_request)


# --- on PostgreSQL the rows come as JSON in one query (Statement.objects.page) ---------------

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="Statement.objects.page() is PostgreSQL's path"
)


def fields(obj) -> tuple | None:
    """Every concrete field's value, with its type (repr tells 1 from 1.0, and time zones)."""
    if obj is None:
        return None
    return type(obj), [
        (f.attname, repr(getattr(obj, f.attname))) for f in obj._meta.concrete_fields
    ]


@postgresql_only
def test_the_rows_sent_as_json_are_the_instances_the_orm_builds(shapes, django_assert_num_queries):
    for statement in Statement.objects.order_by("pk"):
        with django_assert_num_queries(1):
            page = Statement.objects.page(statement.pk)
        orm = Statement.objects.for_page().prefetch_related("article__authors").get(pk=statement.pk)
        parts = []
        if orm.utterance:
            parts = Statement.objects.filter(article_id=orm.article_id, utterance=orm.utterance)
            parts = list(parts.order_by("part", "start"))
        with django_assert_num_queries(0):  # every relation the page reads is attached
            got = page.statement
            assert fields(got) == fields(orm)
            for name in ("article", "speaker", "reported_via", "meeting"):
                assert fields(getattr(got, name)) == fields(getattr(orm, name)), name
            assert fields(got.article.publisher) == fields(orm.article.publisher)
            assert [fields(a) for a in got.article.authors.all()] == [
                fields(a) for a in orm.article.authors.all()
            ]
            assert [
                (fields(c), fields(c.claimant), fields(c.subject)) for c in got.claims.all()
            ] == [(fields(c), fields(c.claimant), fields(c.subject)) for c in orm.claims.all()]
            assert [fields(p) for p in page.parts] == [fields(p) for p in parts]
            assert got._state.db == orm._state.db and not got._state.adding
    # the fixture's rows fill what JSON could get wrong: floats, times, JSON fields, nulls
    article = Statement.objects.get(utterance="u-1", part=1).article
    assert article.published_at.microsecond == 0 and article.imported_at is not None
    assert shapes.vladivostok.outcomes and shapes.article.boilerplate


@postgresql_only
def test_rows_are_sent_only_when_their_version_differs(shapes):
    statement = shapes.above_all
    first = Statement.objects.page(statement.pk)
    assert first.statement is not None and len(first.version) == 32
    kept = Statement.objects.page(statement.pk, first.version)
    assert kept.version == first.version and kept.statement is None and kept.parts == []
    assert Statement.objects.page(statement.pk, "an older version").statement is not None
    Actor.objects.filter(pk=statement.speaker_id).update(name="Renamed")
    changed = Statement.objects.page(statement.pk, first.version)
    assert changed.version != first.version and changed.statement.speaker.name == "Renamed"
    assert Statement.objects.page(10**12) is None and Statement.objects.page(2**63) is None


def test_a_field_json_would_not_bring_back_exactly_is_refused_when_the_sql_is_built():
    from django.apps import apps

    from config.jsonrows import _CONVERTERS, UnsupportedField, json_object_sql

    other = next(
        model
        for model in apps.get_models()
        if any(f.get_internal_type() not in _CONVERTERS for f in model._meta.concrete_fields)
    )
    with pytest.raises(UnsupportedField):
        json_object_sql(other, "x")
    assert json_object_sql(Statement, "s").startswith("json_build_object('id', s.\"id\"")
