"""CSV for every list: flattened columns, the whole filtered set, streamed, formula-safe."""

from __future__ import annotations

import csv
import io

import pytest
from django.http import StreamingHttpResponse

from config.api_base import csv_cell
from tests import factories as f
from tests.api.factories import full_actor, full_claim, full_meeting, full_statement

pytestmark = pytest.mark.django_db


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = b"".join(response.streaming_content).decode()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain = text", "plain = text"),
        (None, ""),
        (True, "true"),
        (3, "3"),
    ],
)
def test_csv_cell_escaping(value, cell):
    assert csv_cell(value) == cell


def test_statements_csv_columns_and_escaping(api):
    statement = full_statement()
    evil = f.ArticleFactory(text='Headline\n\n"=cmd|calc" she said.\n')
    f.StatementFactory(article=evil, start=11, end=20, text=evil.text[11:20])
    rows = read_csv(api.get("/api/v1/statements/", {"format": "csv"}))
    assert list(rows[0]) == [
        "id", "article", "start", "end", "span_valid", "text", "speaker", "speaker_name",
        "direct", "cameo_code", "reported_via", "meeting", "publisher", "date", "date_precision",
        "date_approximate", "confidence", "origin", "version", "updated_at",
    ]  # fmt: skip
    first = rows[0]
    assert first["id"] == str(statement.pk)
    assert first["text"] == "We talked for hours,"
    assert first["speaker"] == statement.speaker.slug
    assert first["meeting"] == statement.meeting.slug
    assert first["publisher"] == statement.article.publisher.slug
    assert first["span_valid"] == "true"
    assert rows[1]["text"] == "'=cmd|calc"


def test_accept_header_selects_csv(api):
    full_claim(condition="@if asked")
    response = api.get("/api/v1/claims/", HTTP_ACCEPT="text/csv")
    rows = read_csv(response)
    assert rows[0]["condition"] == "'@if asked"
    assert rows[0]["attribution_chain"].startswith("subject:")
    assert 'filename="parley-claim.csv"' in response["Content-Disposition"]


def test_csv_is_the_whole_filtered_set_ignoring_paging(api):
    for _ in range(7):
        full_statement()
    direct = full_statement(direct=False)
    rows = read_csv(api.get("/api/v1/statements/", {"format": "csv", "page_size": 2}))
    assert len(rows) == 8
    rows = read_csv(api.get("/api/v1/statements/", {"format": "csv", "direct": "false"}))
    assert [r["id"] for r in rows] == [str(direct.pk)]


@pytest.mark.parametrize(
    ("path", "make", "column", "expected"),
    [
        ("/api/v1/actors/", lambda: full_actor(name="=Putin", slug="putin"), "name", "'=Putin"),
        ("/api/v1/meetings/", lambda: full_meeting(place="-Hanoi"), "place", "'-Hanoi"),
        ("/api/v1/articles/", lambda: f.ArticleFactory(title="+Breaking"), "title", "'+Breaking"),
    ],
)
def test_every_list_exports_csv(api, path, make, column, expected):
    make()
    rows = read_csv(api.get(path, {"format": "csv"}))
    assert expected in [row[column] for row in rows]


def test_meeting_csv_flattens_participants(api):
    meeting = full_meeting(slug="hanoi")
    rows = read_csv(api.get("/api/v1/meetings/", {"format": "csv"}))
    hosts = meeting.participations.filter(role="host").values_list("actor__slug", flat=True)
    assert f"{hosts[0]} (host)" in rows[0]["participants"]


def test_csv_streams_in_chunks_and_bad_filters_stay_400(api, django_assert_num_queries):
    for _ in range(3):
        full_claim()
    response = api.get("/api/v1/claims/", {"format": "csv"})
    # Nothing is read until the body is consumed: the rows come from an iterator.
    with django_assert_num_queries(2):  # claims + their evidence, per chunk of 1000
        rows = read_csv(response)
    assert len(rows) == 3
    bad = api.get("/api/v1/claims/", {"format": "csv", "status": "maybe"})
    assert bad.status_code == 400
    assert "status" in bad.content.decode()
