"""Persistent connections are checked before each request's first query without a round
trip while quiet (config/postgresql/base.py), and a connection the server closed is still
replaced before it is used."""

from __future__ import annotations

import select
import time

import psycopg2
import pytest
from django.db import connection

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's backend"),
]


def new_request():
    """What Django does between requests with CONN_HEALTH_CHECKS on."""
    connection.health_check_enabled = True
    connection.health_check_done = False


def admin_connection():
    settings = connection.settings_dict
    return psycopg2.connect(
        dbname=connection.settings_dict["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"] or None,
    )


def test_a_quiet_connection_is_kept_without_a_query():
    connection.ensure_connection()
    raw = connection.connection
    new_request()
    with connection.execute_wrapper(lambda *a: pytest.fail("no query expected")):
        connection.close_if_health_check_failed()
    assert connection.connection is raw and connection.health_check_done


def test_a_connection_the_server_closed_is_replaced_before_use():
    connection.ensure_connection()
    raw = connection.connection
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    admin = admin_connection()
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    admin.close()
    # pg_terminate_backend only signals the backend; wait until it has hung up
    deadline = time.monotonic() + 10
    while not select.select([raw.fileno()], [], [], 0.05)[0] and time.monotonic() < deadline:
        pass
    new_request()
    with connection.cursor() as cursor:  # the health check runs first, and reconnects
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)
    assert connection.connection is not raw
