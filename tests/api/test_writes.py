"""Writes: the permission matrix for every method, If-Match/ETag flows, the race, history."""

from __future__ import annotations

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.models import Claim, Statement
from tests import factories as f
from tests.api.factories import full_claim, full_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def claim():
    return full_claim()


@pytest.fixture
def statement():
    return full_statement()


def claim_url(claim):
    return f"/api/v1/claims/{claim.pk}/"


PATCH_BODY = {"status": "confirmed", "note": "Checked against the AP wire."}


def full_body(claim):
    return {
        "text": "Kim needs security guarantees",
        "condition": "",
        "subject": claim.subject.slug,
        "status": "disputed",
        "note": "Two outlets disagree.",
    }


# --- the permission matrix -------------------------------------------------------------------

READ_PATHS = [
    "/api/v1/actors/",
    "/api/v1/meetings/",
    "/api/v1/articles/",
    "/api/v1/statements/",
    "/api/v1/claims/",
]


@pytest.mark.parametrize("who", ["anonymous", "reader", "editor"])
@pytest.mark.parametrize("path", READ_PATHS)
def test_everyone_reads(who, path, api, reader_api, editor_api, claim):
    client = {"anonymous": api, "reader": reader_api, "editor": editor_api}[who]
    assert client.get(path).status_code == 200
    assert client.head(path).status_code == 200
    assert client.options(path).status_code == 200


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 401), ("reader", 403), ("editor", 200)]
)
@pytest.mark.parametrize("method", ["patch", "put"])
def test_claim_write_matrix(who, expected, method, api, reader_api, editor_api, claim):
    client = {"anonymous": api, "reader": reader_api, "editor": editor_api}[who]
    body = PATCH_BODY if method == "patch" else full_body(claim)
    response = getattr(client, method)(claim_url(claim), body, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == expected, response.content
    claim.refresh_from_db()
    assert claim.version == (2 if expected == 200 else 1)


@pytest.mark.parametrize(
    ("who", "expected"), [("anonymous", 401), ("reader", 403), ("editor", 200)]
)
@pytest.mark.parametrize("method", ["patch", "put"])
def test_statement_write_matrix(who, expected, method, api, reader_api, editor_api, statement):
    client = {"anonymous": api, "reader": reader_api, "editor": editor_api}[who]
    other = f.ActorFactory(slug="lucian-kim")
    body = {"speaker": "lucian-kim", "meeting": None}
    response = getattr(client, method)(
        f"/api/v1/statements/{statement.pk}/", body, format="json", HTTP_IF_MATCH='"1"'
    )
    assert response.status_code == expected, response.content
    statement.refresh_from_db()
    if expected == 200:
        assert statement.speaker == other
        assert statement.meeting is None
        assert statement.origin == "corrected"
    else:
        assert statement.speaker != other


@pytest.mark.parametrize("who", ["anonymous", "reader", "editor"])
@pytest.mark.parametrize("method", ["post", "delete"])
@pytest.mark.parametrize(
    "path",
    ["/api/v1/actors/{a}/", "/api/v1/claims/{c}/", "/api/v1/statements/{s}/", "/api/v1/claims/"],
)
def test_no_creates_or_deletes(who, method, path, api, reader_api, editor_api, claim):
    client = {"anonymous": api, "reader": reader_api, "editor": editor_api}[who]
    url = path.format(a=claim.claimant.slug, c=claim.pk, s=claim.evidence.get().pk)
    response = getattr(client, method)(url, {}, format="json")
    assert response.status_code in {401, 403, 405}
    if who == "editor":
        assert response.status_code == 405
    assert Claim.objects.count() == 1


@pytest.mark.parametrize("method", ["patch", "put", "delete", "post"])
def test_actors_are_read_only_even_for_editors(method, editor_api):
    actor = f.ActorFactory()
    response = getattr(editor_api, method)(f"/api/v1/actors/{actor.slug}/", {}, format="json")
    assert response.status_code == 405


def test_token_authentication(editor, claim):
    token = Token.objects.create(user=editor)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    response = client.patch(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200
    bad = APIClient()
    bad.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    assert bad.get("/api/v1/claims/").status_code == 401


def test_session_write_needs_csrf(editor, claim):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.patch(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


# --- what a write does -------------------------------------------------------------------------


def test_patch_reviews_claim_through_the_service_and_records_who(editor_api, editor, claim):
    response = editor_api.patch(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200
    assert response["ETag"] == '"2"'
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["reviewed_by"] == "editor"
    assert body["note"] == "Checked against the AP wire."
    assert body["version"] == 2
    claim.refresh_from_db()
    assert claim.reviewed_by == editor
    latest = claim.history.first()
    assert latest.history_user == editor
    assert latest.status == "confirmed"


def test_patch_corrects_claim_content(editor_api, claim):
    new_subject = f.ActorFactory(slug="kim-jong-un")
    response = editor_api.patch(
        claim_url(claim),
        {"text": "Kim needs guarantees", "condition": "if the US agrees", "subject": "kim-jong-un"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert (claim.text, claim.condition, claim.subject) == (
        "Kim needs guarantees",
        "if the US agrees",
        new_subject,
    )
    assert claim.origin == "corrected"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"status": "maybe"}, "status"),
        ({"subject": "nobody"}, "subject"),
        ({"text": "   "}, "text"),
    ],
)
def test_invalid_input_is_400_naming_the_field(editor_api, claim, body, field):
    response = editor_api.patch(claim_url(claim), body, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 400
    assert field in response.json()
    claim.refresh_from_db()
    assert claim.version == 1


def test_put_needs_every_field(editor_api, claim):
    response = editor_api.put(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH='"1"')
    assert response.status_code == 400
    assert "text" in response.json()


def test_statement_patch_rejects_unknown_meeting(editor_api, statement):
    response = editor_api.patch(
        f"/api/v1/statements/{statement.pk}/",
        {"meeting": "nowhere"},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 400
    assert "meeting" in response.json()


# --- If-Match ----------------------------------------------------------------------------------


def test_missing_if_match_is_428(editor_api, claim):
    response = editor_api.patch(claim_url(claim), PATCH_BODY, format="json")
    assert response.status_code == 428
    star = editor_api.patch(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH="*")
    assert star.status_code == 428
    claim.refresh_from_db()
    assert claim.version == 1


def test_stale_if_match_is_412(editor_api, claim):
    Claim.objects.filter(pk=claim.pk).update(version=5)
    response = editor_api.patch(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH='"4"')
    assert response.status_code == 412
    weak = editor_api.patch(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH='W/"5"')
    assert weak.status_code == 412  # If-Match compares strongly
    claim.refresh_from_db()
    assert (claim.version, claim.status) == (5, "unreviewed")


def test_read_then_write_with_the_etag(editor_api, claim):
    etag = editor_api.get(claim_url(claim))["ETag"]
    response = editor_api.patch(claim_url(claim), PATCH_BODY, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert editor_api.get(claim_url(claim), HTTP_IF_NONE_MATCH=etag).status_code == 200
    assert editor_api.get(claim_url(claim), HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_two_clients_racing_on_one_version_exactly_one_wins(editor, claim):
    first, second = APIClient(), APIClient()
    first.force_authenticate(editor)
    second.force_authenticate(editor)
    etag = first.get(claim_url(claim))["ETag"]
    assert second.get(claim_url(claim))["ETag"] == etag
    one = first.patch(claim_url(claim), {"note": "first"}, format="json", HTTP_IF_MATCH=etag)
    two = second.patch(claim_url(claim), {"note": "second"}, format="json", HTTP_IF_MATCH=etag)
    assert sorted([one.status_code, two.status_code]) == [200, 412]
    claim.refresh_from_db()
    assert (claim.version, claim.review_note) == (2, "first")


def test_race_inside_the_service_is_412(editor_api, statement, monkeypatch):
    """Both clients passed the If-Match check; the other saved before this one's service
    call. The service's compare-and-swap on `version` refuses the second write."""
    from statements.api import StatementViewSet

    original = StatementViewSet.get_object

    def get_object_then_someone_saves(self):
        obj = original(self)
        Statement.objects.filter(pk=obj.pk).update(version=obj.version + 1)
        return obj

    monkeypatch.setattr(StatementViewSet, "get_object", get_object_then_someone_saves)
    response = editor_api.patch(
        f"/api/v1/statements/{statement.pk}/",
        {"meeting": None},
        format="json",
        HTTP_IF_MATCH='"1"',
    )
    assert response.status_code == 412
    statement.refresh_from_db()
    assert statement.version == 2
    assert statement.meeting is not None


def test_write_body_must_be_json(editor_api, claim):
    response = editor_api.patch(
        claim_url(claim), "note=form", content_type="application/x-www-form-urlencoded",
        HTTP_IF_MATCH='"1"',
    )  # fmt: skip
    assert response.status_code == 415
    claim.refresh_from_db()
    assert claim.version == 1
