"""The loader on hand-built extractions: mapping, idempotence, curation kept, bulk queries."""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import Actor, Alias, Origin, Role
from events.models import Meeting, MeetingRelation, Participation
from statements.extraction import types as x
from statements.loader import load_extraction
from statements.models import ActorMention, Article, Claim, MeetingMention, Statement
from statements.services import claim_review, statement_update

pytestmark = pytest.mark.django_db

TEXT = (
    "Leaders Meet\n\n"
    '"We agreed on a great deal," Anna Berg said on Monday. Berg met Jon Berg in Oslo.\n'
    "Bo Lind said the talks would continue if funding is found, Reuters reported.\n"
)


def _span(text: str, needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def make_extraction(text: str = TEXT, extra_statement: bool = False) -> x.Extraction:
    q1 = _span(text, "We agreed on a great deal,")
    q2 = _span(text, "the talks would continue")
    statements = [
        x.Statement(
            "Anna Berg",
            text[q1[0] : q1[1]],
            *q1,
            direct=True,
            date=x.FuzzyDate(dt.date(2019, 4, 22)),
            meeting="Oslo talks",
        ),
        x.Statement(
            "Bo Lind",
            text[q2[0] : q2[1]],
            *q2,
            direct=False,
            reported_via="Reuters",
            confidence=0.7,
        ),
    ]
    if extra_statement:
        q3 = _span(text, "Berg met Jon Berg in Oslo")
        statements.append(x.Statement("Jon Berg", text[q3[0] : q3[1]], *q3, direct=False))
    return x.Extraction(
        text=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        article=x.ArticleMeta(
            title="Leaders Meet",
            published=dt.datetime(2019, 4, 23, 7, 37, tzinfo=ZoneInfo("America/New_York")),
            authors=("Cara Holm",),
            publisher="Reuters",
            body=x.Span(14, len(text)),
            boilerplate=(x.Span(0, 12),),
        ),
        actors=(
            x.Actor(
                "Anna Berg",
                x.ActorKind.PERSON,
                ("Berg",),
                country="Norway",
                roles=(x.Role("Foreign Minister", "Norway"),),
            ),
            x.Actor("Jon Berg", x.ActorKind.PERSON, ()),
            x.Actor("Bo Lind", x.ActorKind.PERSON, ("Lind",)),
            x.Actor("Norway", x.ActorKind.STATE, ("Norwegian", "Oslo")),
            x.Actor("Reuters", x.ActorKind.MEDIA, ()),
            x.Actor("Cara Holm", x.ActorKind.PERSON, ()),
        ),
        mentions=(x.Mention("Anna Berg", *q1, text="x"),),
        meetings=(
            x.Meeting(
                "Oslo talks",
                "bilateral",
                (x.Participant("Anna Berg", "host"), x.Participant("Jon Berg", "guest")),
                start=x.FuzzyDate(dt.date(2019, 4, 22)),
                place="Oslo",
                evidence=(x.Span(*_span(text, "Berg met Jon Berg in Oslo")),),
                follows="Earlier talks",
            ),
            x.Meeting(
                "Earlier talks",
                "bilateral",
                (x.Participant("Anna Berg"),),
                start=x.FuzzyDate(dt.date(2019, 2, 1), x.Precision.MONTH, approximate=True),
                mentioned_only=True,
            ),
        ),
        statements=tuple(statements),
        claims=(
            x.Claim(
                "Bo Lind",
                None,
                "the talks would continue",
                "if funding is found",
                evidence=(1,),
                reported_via="Reuters",
                confidence=0.6,
            ),
        ),
    )


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", "updated_at"))
        if hasattr(model, "updated_at")
        else sorted(model.objects.values_list("pk", flat=True))
        for model in (
            Actor,
            Alias,
            Role,
            Meeting,
            Participation,
            MeetingRelation,
            Article,
            ActorMention,
            MeetingMention,
            Statement,
            Claim,
        )
    }


def test_maps_every_part_of_the_extraction():
    result = load_extraction(make_extraction(), source_name="a.txt")
    assert result.status == "created"
    article = Article.objects.get()
    assert article.publisher.name == "Reuters" and article.publisher.kind == "media"
    assert [a.name for a in article.authors.all()] == ["Cara Holm"]
    assert article.published_tz == "America/New_York"
    assert article.published_at == dt.datetime(2019, 4, 23, 11, 37, tzinfo=dt.UTC)
    assert article.boilerplate == [[0, 12]]
    anna = Actor.objects.get(name="Anna Berg")
    assert anna.country.name == "Norway"
    assert list(anna.aliases.values_list("name", flat=True)) == ["Berg"]
    assert Role.objects.get(actor=anna).organization.name == "Norway"
    # Two people sharing a surname stay two actors.
    assert Actor.objects.filter(name__endswith="Berg").count() == 2
    oslo = Meeting.objects.get(title="Oslo talks")
    assert {(p.actor.name, p.role) for p in oslo.participations.all()} == {
        ("Anna Berg", "host"),
        ("Jon Berg", "guest"),
    }
    earlier = Meeting.objects.get(title="Earlier talks")
    assert earlier.date_display == "c. Feb 2019" and earlier.mentioned_only
    assert MeetingRelation.objects.get().target == earlier
    quote = Statement.objects.get(direct=True)
    assert quote.text == article.text[quote.start : quote.end] == "We agreed on a great deal,"
    assert quote.meeting == oslo and quote.speaker == anna
    reported = Statement.objects.get(direct=False)
    assert reported.reported_via.name == "Reuters" and reported.confidence == 0.7
    claim = Claim.objects.get()
    assert claim.condition == "if funding is found" and claim.subject is None
    assert list(claim.evidence.all()) == [reported]
    assert claim.status == "unreviewed" and claim.origin == Origin.EXTRACTED


def test_second_run_changes_nothing():
    load_extraction(make_extraction())
    before = snapshot()
    result = load_extraction(make_extraction())
    assert result.status == "unchanged"
    assert snapshot() == before


def test_refresh_with_nothing_new_changes_nothing():
    load_extraction(make_extraction())
    before = snapshot()
    result = load_extraction(make_extraction(), refresh=True)
    assert result.status == "unchanged"
    assert snapshot() == before


def test_refresh_keeps_an_editors_corrections_and_adds_what_is_new(editor):
    load_extraction(make_extraction())
    quote = Statement.objects.get(direct=True)
    jon = Actor.objects.get(name="Jon Berg")
    statement_update(statement=quote, user=editor, expected_version=quote.version, speaker=jon)
    claim = Claim.objects.get()
    claim_review(claim=claim, status="disputed", reviewer=editor, note="Lind was misquoted")

    result = load_extraction(make_extraction(extra_statement=True), refresh=True)

    assert result.kept["statements"] == 1 and result.created["statements"] == 1
    quote.refresh_from_db()
    assert quote.speaker == jon and quote.origin == Origin.CORRECTED
    claim.refresh_from_db()
    assert claim.status == "disputed" and claim.review_note == "Lind was misquoted"
    assert Statement.objects.count() == 3


# Every write is a bulk statement, so the count is fixed whatever the number of rows.


@pytest.mark.parametrize("more_rows", [False, True])
def test_query_count_is_fixed_whatever_the_number_of_rows(more_rows):
    extraction = make_extraction(extra_statement=more_rows)
    with CaptureQueriesContext(connection) as ctx:
        load_extraction(extraction)
    assert len(ctx.captured_queries) == EXPECTED_LOADER_QUERIES, [
        q["sql"][:120] for q in ctx.captured_queries
    ]


# (28 → 26: a new article's statements and mentions are not looked up; they cannot exist yet)
EXPECTED_LOADER_QUERIES = 26


def test_every_created_row_has_its_imported_history_row_with_the_same_values():
    """The database copies the history rows (`INSERT … SELECT`): one "+" row per created
    actor, meeting, statement and claim, reason "Imported", no user, each tracked column as
    inserted (an actor's country is set after the insert, by an update that leaves no row)."""
    load_extraction(make_extraction())
    for model in (Actor, Meeting, Statement, Claim):
        rows = list(model.objects.order_by("pk"))
        history = model.history.model
        records = list(history.objects.order_by("history_id"))
        assert rows and [r.id for r in records] == [r.pk for r in rows], model
        for row, record in zip(rows, records, strict=True):
            assert (record.history_type, record.history_change_reason) == ("+", "Imported")
            assert record.history_user_id is None
            for field in history.tracked_fields:
                if (model, field.name) == (Actor, "country"):
                    continue
                assert getattr(record, field.attname) == getattr(row, field.attname), field
        assert len({r.history_date for r in records}) == 1  # one load, one moment


@pytest.mark.parametrize("model", [Actor, Meeting, Statement, Claim])
def test_history_tables_are_indexed_only_for_how_they_are_read(model):
    """By the record's id and by date (and the editor); every other index on a history table
    would be one more write per imported row. A new indexed field belongs in the model's
    `history_records(...)` list."""
    table = model.history.model._meta.db_table
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, table)
    indexed = {
        tuple(c["columns"])
        for c in constraints.values()
        if c["index"] or c["unique"] or c["primary_key"]
    }
    assert indexed == {("history_id",), ("id",), ("history_date",), ("history_user_id",)}


def _stored(model, pks, skip=("id", "slug", "created_at", "updated_at")) -> list[dict]:
    rows = model.objects.filter(pk__in=pks).order_by("pk").values()
    return [{k: v for k, v in row.items() if k not in skip} for row in rows]


def test_insert_rows_stores_what_bulk_create_stores():
    """The loader's hand-written INSERT (on PostgreSQL; elsewhere it is bulk_create) against
    the ORM's `bulk_create`: the same stored values — JSON, dates, foreign keys given as
    objects, `auto_now` timestamps — primary keys on the objects in order, saved-instance
    state, and conflicts ignored where asked."""
    from statements.loader import insert_rows
    from tests import factories as f

    host = f.ActorFactory()

    def meetings(tag: str) -> list[Meeting]:
        return [
            Meeting(
                title=f"Talks {i}",
                slug=f"talks-{tag}-{i}",
                place="Oslo",
                start_date=dt.date(2019, 4, 25 + i),
                outcomes=[{"text": "a deal", "n": i}],
                mentioned_only=bool(i),
            )
            for i in range(3)
        ]

    by_orm, by_hand = meetings("orm"), meetings("hand")
    Meeting.objects.bulk_create(by_orm)
    insert_rows(Meeting, by_hand)
    assert all(m.pk is not None and not m._state.adding for m in by_hand)
    assert [m.pk for m in by_hand] == sorted(m.pk for m in by_hand)
    assert _stored(Meeting, [m.pk for m in by_hand]) == _stored(Meeting, [m.pk for m in by_orm])
    stored = Meeting.objects.get(pk=by_hand[0].pk)
    assert stored.created_at is not None and stored.updated_at is not None

    article = f.ArticleFactory(text="x" * 100)
    mentions = [ActorMention(article=article, actor=host, start=i, end=i + 1) for i in range(4)]
    insert_rows(ActorMention, mentions[:2])
    again = [ActorMention(article=article, actor=host, start=i, end=i + 1) for i in range(4)]
    insert_rows(ActorMention, again, ignore_conflicts=True)  # the first two already exist
    assert sorted(ActorMention.objects.values_list("start", "actor_id")) == [
        (i, host.pk) for i in range(4)
    ]
