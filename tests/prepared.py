"""What a captured query ran, where key lookups run as prepared statements."""

from __future__ import annotations

import re

from django.db import connection


def executed_sql(sql: str) -> str:
    """The SQL of a captured query: for `EXECUTE parley_…(…)` (config/compiled.py), the text
    PostgreSQL holds for that prepared statement in this session."""
    match = re.match(r"EXECUTE (parley_\w+)", sql)
    if not match:
        return sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s", [match[1]])
        return cursor.fetchone()[0]
