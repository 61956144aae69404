"""Full-text search columns on PostgreSQL.

Each searchable table gets a stored generated `search` tsvector column with a GIN index.
A generated column (rather than an expression index) gives the planner real statistics on
large tables. On SQLite nothing is added: search falls back to an accent- and
case-insensitive match (see `statements.search`).
"""

from django.db import migrations

TABLES = {
    "statements_statement": "coalesce(text, '')",
    "statements_claim": "coalesce(text, '') || ' ' || coalesce(condition, '')",
    "actors_actor": "coalesce(name, '') || ' ' || coalesce(description, '')",
    "events_meeting": "coalesce(title, '') || ' ' || coalesce(place, '')",
}


def add_search_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, expression in TABLES.items():
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN search tsvector "
            f"GENERATED ALWAYS AS (to_tsvector('english'::regconfig, {expression})) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {table}_search_gin ON {table} USING gin (search)")


def drop_search_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0001_initial"),
        ("actors", "0001_initial"),
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_search_columns, drop_search_columns)]
