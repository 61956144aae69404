"""Django's PostgreSQL backend with a health check that costs no round trip while the
connection is quiet.

With `CONN_HEALTH_CHECKS` Django sends `SELECT 1` before the first query of every request,
a round trip to the server per request (on two shared cores, several percent of a fast
endpoint's throughput). A connection the server has closed — a restart, an administrator's
`pg_terminate_backend`, an idle timeout — always has something to read: the server's
goodbye message or end-of-file. So: when the connection is idle (no transaction) and its
socket has nothing to read, it is healthy; otherwise Django's own check (`SELECT 1`) runs as
before and a broken connection is replaced before the request uses it.
"""

from __future__ import annotations

import select

from django.db.backends.postgresql import base
from django.db.backends.postgresql.base import Database

_IDLE = 0  # TRANSACTION_STATUS_IDLE (psycopg2) / TransactionStatus.IDLE (psycopg 3)


class DatabaseWrapper(base.DatabaseWrapper):
    def close_if_health_check_failed(self):
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and not self.pool
            and self._quiet()
        ):
            self.health_check_done = True
            return
        super().close_if_health_check_failed()

    def _quiet(self) -> bool:
        """Idle, and nothing from the server waiting on the socket."""
        connection = self.connection
        try:
            if connection.closed or connection.info.transaction_status != _IDLE:
                return False
            readable, _, _ = select.select([connection.fileno()], [], [], 0)
        except (OSError, ValueError, Database.Error):
            return False
        return not readable
