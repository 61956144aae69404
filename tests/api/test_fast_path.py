"""The list and detail endpoints build their JSON from `.values()` rows (the fast path);
the serializers stay the documented shape. Both must give exactly the same JSON."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from events.models import Meeting
from events.serializers import MeetingSerializer
from statements.api import with_span_check
from statements.models import Claim, ReviewStatus, Statement
from statements.serializers import ClaimSerializer, StatementSerializer
from tests import factories as f
from tests.api.factories import full_claim, full_meeting, full_statement

pytestmark = pytest.mark.django_db


def serializer_json(serializer_class, objects, path):
    request = Request(APIRequestFactory().get(path))
    data = serializer_class(objects, many=True, context={"request": request}).data
    return json.loads(JSONRenderer().render(data))


def varied_statements():
    with_everything = full_statement(date=dt.date(2019, 4, 25), cameo_code="043")
    bare = f.StatementFactory(meeting=None, reported_via=None, date=None)
    bare.article.publisher = None
    bare.article.save()
    return [with_everything, bare]


def test_statements_list_and_detail_match_the_serializer(api):
    varied_statements()
    objects = list(with_span_check(Statement.objects.with_context()).order_by("id"))
    expected = serializer_json(StatementSerializer, objects, "/api/v1/statements/")
    assert api.get("/api/v1/statements/").json()["results"] == expected
    for row in expected:
        assert api.get(f"/api/v1/statements/{row['id']}/").json() == row
    assert {row["meeting"] is None for row in expected} == {True, False}


def test_claims_list_and_detail_match_the_serializer(api, editor):
    first, second = full_statement(), f.StatementFactory(reported_via=None)
    full_claim(evidence=[first, second], condition="if talks resume")
    full_claim(
        evidence=[f.StatementFactory(reported_via=None)],
        subject=None,
        reported_via=f.MediaFactory(),
        status=ReviewStatus.DISPUTED,
        reviewed_by=editor,
        reviewed_at=dt.datetime(2024, 1, 2, 3, 4, 5, 678_000, tzinfo=dt.UTC),
    )
    f.ClaimFactory()  # no evidence at all
    objects = list(Claim.objects.with_context().order_by("-id"))
    expected = serializer_json(ClaimSerializer, objects, "/api/v1/claims/")
    assert api.get("/api/v1/claims/").json()["results"] == expected
    for row in expected:
        assert api.get(f"/api/v1/claims/{row['id']}/").json() == row
    assert [len(row["evidence"]) for row in expected] == [0, 1, 2]


def test_meetings_list_and_detail_match_the_serializer(api):
    meeting = full_meeting(
        start_date=dt.date(2019, 4, 25),
        end_date=dt.date(2019, 4, 27),
        outcomes=[{"text": "a communiqué"}],
    )
    f.MeetingFactory(start_date=None).relations_in.create(source=meeting, kind="follows")
    objects = list(
        Meeting.objects.order_by("start_date", "title", "id").prefetch_related(
            "participations__actor", "relations_out__target"
        )
    )
    expected = serializer_json(MeetingSerializer, objects, "/api/v1/meetings/")
    assert api.get("/api/v1/meetings/").json()["results"] == expected
    for row in expected:
        assert api.get(f"/api/v1/meetings/{row['slug']}/").json() == row
    assert any(row["related"] for row in expected)
    assert any(row["participants"] for row in expected)
