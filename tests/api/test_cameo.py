"""CAMEO event codes: stored, filterable in the API and included in CSV (issue: formats)."""

import csv
import io

import pytest

from tests.factories import MeetingFactory, StatementFactory

pytestmark = pytest.mark.django_db


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_statements_filter_by_cameo_code_or_prefix(client):
    appeal = StatementFactory(cameo_code="020")
    StatementFactory(cameo_code="010")
    exact = client.get("/api/v1/statements/?cameo_code=020").json()["results"]
    assert [s["id"] for s in exact] == [appeal.pk]
    assert exact[0]["cameo_code"] == "020"
    prefix = client.get("/api/v1/statements/?cameo_code=01").json()["results"]
    assert len(prefix) == 1 and prefix[0]["cameo_code"] == "010"


def test_meetings_filter_by_cameo_code_and_csv_column(client):
    MeetingFactory(slug="hosted", cameo_code="043")
    MeetingFactory(slug="talks", cameo_code="046")
    consults = client.get("/api/v1/meetings/?cameo_code=04").json()["results"]
    assert {m["slug"] for m in consults} == {"hosted", "talks"}
    hosted = client.get("/api/v1/meetings/?cameo_code=043").json()["results"]
    assert [m["slug"] for m in hosted] == ["hosted"]
    rows = csv_rows(client.get("/api/v1/meetings/?format=csv&cameo_code=043"))
    assert [row["cameo_code"] for row in rows] == ["043"]


def test_statement_csv_has_the_code(client):
    StatementFactory(cameo_code="051")
    rows = csv_rows(client.get("/api/v1/statements/?format=csv"))
    assert [row["cameo_code"] for row in rows] == ["051"]
