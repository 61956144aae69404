"""Reads to the replicas, writes to the primary, and an editor's own writes read back from
the primary for a short while (read-your-writes).

Enabled when `DATABASE_REPLICA_URLS` lists one or more streaming replicas (see settings).
The pin is a context variable set per request by `ReadYourWritesMiddleware`, so the router
stays free of global state and app servers stay stateless: the pin travels in a cookie.
"""

from __future__ import annotations

import contextvars
import random

from django.conf import settings
from django.db import connections

_pinned: contextvars.ContextVar[bool] = contextvars.ContextVar("parley_pinned", default=False)

PIN_COOKIE = "parley_primary"


def pin_to_primary(value: bool = True) -> contextvars.Token:
    return _pinned.set(value)


def unpin(token: contextvars.Token) -> None:
    _pinned.reset(token)


def replica_aliases() -> list[str]:
    return [alias for alias in settings.DATABASES if alias.startswith("replica_")]


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints):
        replicas = replica_aliases()
        if not replicas or _pinned.get():
            return "default"
        # Inside a transaction on the primary, reads must see its own uncommitted writes
        # (a migration's RunPython, a service that reads back what it just wrote).
        if connections["default"].in_atomic_block:
            return "default"
        return random.choice(replicas)

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReadYourWritesMiddleware:
    """A request that writes (any unsafe method) and the requests of the same client for the
    next `PARLEY_PIN_SECONDS` read from the primary, so an editor never sees the replica's
    slightly older copy of what they just saved."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        writes = request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
        token = pin_to_primary(writes or PIN_COOKIE in request.COOKIES)
        try:
            response = self.get_response(request)
        finally:
            unpin(token)
        if writes and response.status_code < 400:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.PARLEY_PIN_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response
