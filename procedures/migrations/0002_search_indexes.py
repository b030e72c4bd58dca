"""Trigram indexes for the accent-insensitive search on PostgreSQL.

``search_text`` is already folded (lower case, no diacritics), so a plain
``LIKE '%word%'`` can use a GIN trigram index. SQLite has no such index and
scans, which is fine for the embedded default.
"""

from django.db import migrations

CREATE = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS procedure_search_text_trgm ON procedures_procedure USING gin (search_text gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS procedure_search_name_trgm ON procedures_procedure USING gin (search_name gin_trgm_ops)",
]
DROP = [
    "DROP INDEX IF EXISTS procedure_search_name_trgm",
    "DROP INDEX IF EXISTS procedure_search_text_trgm",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("procedures", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
