"""Schemathesis over the whole schema, through its Python API (its pytest plugin does not
work with pytest 9): no 5xx, every status documented, every body conforms to the schema.

The operations run against the seeded database (seeds/) plus a few factory rows; detail operations run both
with generated path values (mostly 404) and with real ones. Writes run anonymous (401) and
as an editor (400/412/428/200)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core import signals
from django.core.management import call_command
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from statements.models import Claim
from tests.api.factories import full_actor, full_claim, full_meeting

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 10


@pytest.fixture
def no_throttle(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/hour"},
    }


@pytest.fixture
def keep_test_connection():
    """Schemathesis calls the real WSGI application, whose request signals would close the
    test's database connection (and its transaction) after each request; Django's own test
    client disconnects the same handler."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def run(operation, mode, *, path_parameters=None, headers=None) -> int:
    calls = []

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        case=operation.as_strategy(
            generation_mode=mode, path_parameters=path_parameters, headers=headers
        )
    )
    def check(case):
        case.call_and_validate(checks=CHECKS)
        calls.append(1)

    try:
        check()
    except Unsatisfiable:
        # Negative mode on an operation whose inputs cannot be made invalid (a free-form
        # string path segment and nothing else): nothing to run.
        assert mode == GenerationMode.NEGATIVE
    return len(calls)


def test_schemathesis_whole_schema(no_throttle, keep_test_connection, editor, capsys):
    # The seeded database (real article text, spans, chains) plus factory rows.
    call_command("load_seeds", verbosity=0)
    assert Claim.objects.exists()
    claim = full_claim(condition="if asked")
    actor = full_actor()
    meeting = full_meeting()
    statement = claim.evidence.get()
    real = {
        "/api/v1/actors/{slug}/": {"slug": actor.slug},
        "/api/v1/meetings/{slug}/": {"slug": meeting.slug},
        "/api/v1/articles/{slug}/": {"slug": statement.article.slug},
        "/api/v1/statements/{id}/": {"id": statement.pk},
        "/api/v1/claims/{id}/": {"id": claim.pk},
    }
    token = Token.objects.create(user=editor).key
    # The first editor write on each record carries its real ETag and succeeds (200); the
    # rest meet a changed version (412) or invalid input (400).
    editor_headers = {"Authorization": f"Token {token}", "If-Match": '"1"'}

    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    summary: dict[str, int] = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        label = f"{operation.method.upper()} {operation.path}"
        n = run(operation, GenerationMode.POSITIVE)
        if "{" not in operation.path or operation.method != "get":
            n += run(operation, GenerationMode.NEGATIVE)
        if operation.path in real:
            n += run(operation, GenerationMode.POSITIVE, path_parameters=real[operation.path])
        if operation.method in {"patch", "put"}:
            n += run(
                operation,
                GenerationMode.POSITIVE,
                path_parameters=real[operation.path],
                headers=editor_headers,
            )
        summary[label] = n
    with capsys.disabled():
        print(
            f"\nschemathesis: {len(summary)} operations, {sum(summary.values())} cases, 0 failures"
        )
        for label, n in summary.items():
            print(f"  {label}: {n} cases")
    assert len(summary) == 14
