"""Run in a child process by test_replica.py against a real primary + streaming replica.

Prints one JSON object: which database each kind of access used, as observed.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connections  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from actors.models import Actor  # noqa: E402
from config.routers import PIN_COOKIE, ReadYourWritesMiddleware  # noqa: E402


def in_recovery(alias: str) -> bool:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


def served_by(fn) -> list[str]:
    """Which aliases ran queries while fn ran."""
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica_1"]) as replica,
    ):
        fn()
    return [alias for alias, ctx in (("default", primary), ("replica_1", replica)) if ctx]


def wait_for(predicate, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except Exception:
            pass
        time.sleep(0.2)
    return False


result: dict = {}
call_command("migrate", verbosity=0)
result["primary_in_recovery"] = in_recovery("default")
result["replica_in_recovery"] = in_recovery("replica_1")
result["replica_has_schema"] = wait_for(
    lambda: "actors_actor" in connections["replica_1"].introspection.table_names()
)

result["write_served_by"] = served_by(
    lambda: Actor.objects.create(name="Replica Probe", slug="replica-probe", kind="person")
)
result["replicated"] = wait_for(
    lambda: Actor.objects.using("replica_1").filter(slug="replica-probe").exists()
)
result["read_served_by"] = served_by(lambda: Actor.objects.filter(slug="replica-probe").count())

try:
    with connections["replica_1"].cursor() as cursor:
        cursor.execute("UPDATE actors_actor SET name = 'x'")
    result["replica_refused_write"] = False
except Exception as exc:  # the replica is read-only: writes can only go to the primary
    result["replica_refused_write"] = "read-only" in str(exc)


def view(request):
    request.served = served_by(lambda: list(Actor.objects.filter(slug="replica-probe")))
    return HttpResponse("ok")


def through_middleware(request):
    response = None

    def get_response(req):
        nonlocal response
        response = view(req)
        return response

    ReadYourWritesMiddleware(get_response)(request)
    return request.served, response


factory = RequestFactory()
served, response = through_middleware(factory.post("/api/v1/claims/1/"))
result["after_write_served_by"] = served
result["pin_cookie_set"] = PIN_COOKIE in response.cookies
pinned_get = factory.get("/claims/1/")
pinned_get.COOKIES[PIN_COOKIE] = "1"
result["pinned_read_served_by"] = through_middleware(pinned_get)[0]
result["other_client_read_served_by"] = through_middleware(factory.get("/claims/1/"))[0]
print(json.dumps(result))
